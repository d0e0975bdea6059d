import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, laptop, phone, projector, webDist } from '../e2e/browser.ts';
import { createWorkshop } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';

let server: RunningServer;
beforeAll(async () => {
  if (!existsSync(join(webDist, 'index.html'))) throw new Error('apps/web/dist is missing: run `npm run build -w @fokus/web` (npm test does)');
  server = await startServer(mkdtempSync(join(tmpdir(), 'fokus-headers-')), { webDist });
});
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The policy's directives by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

const firstScript = () => /<script[^>]*\ssrc="([^"]+)"/.exec(readFileSync(join(webDist, 'index.html'), 'utf8'))?.[1] ?? '';

describe('security headers', () => {
  it('are on every response: pages, files, API answers, errors and refusals', async () => {
    const w = await createWorkshop(server.url);
    const json = { 'content-type': 'application/json' };
    const answers: [string, Answer][] = [
      ['start page', await send('/')],
      ['app route', await send(`/j/${w.code}`)],
      ['script file', await send(firstScript())],
      ['health', await send('/api/health')],
      ['summary', await send(`/api/workshops/${w.code}`)],
      ['QR code', await send(`/api/workshops/${w.code}/qr.svg`)],
      ['unknown code', await send('/api/workshops/ZZZZZZ')],
      ['unknown API route', await send('/api/nothing')],
      ['export without key', await send(`/api/workshops/${w.code}/export.md`)],
      ['bad body', await send('/api/workshops', { method: 'POST', headers: json, body: '{"template":"nope"}' })],
      ['broken JSON', await send('/api/workshops', { method: 'POST', headers: json, body: '{' })],
      ['huge body', await send('/api/workshops', { method: 'POST', headers: json, body: JSON.stringify({ title: 'x'.repeat(40_000) }) })],
      ['foreign host', await send('/', { headers: { host: 'evil.example' } })],
    ];
    expect(answers.map(([, a]) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 404, 404, 401, 400, 400, 413, 421]);
    for (const [what, a] of answers) {
      expect(a.headers['x-content-type-options'], what).toBe('nosniff');
      expect(a.headers['referrer-policy'], what).toBe('no-referrer');
      expect(a.headers['x-frame-options'], what).toBe('DENY');
      const csp = directives(String(a.headers['content-security-policy']));
      expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
      expect(csp.get('default-src'), what).toEqual(["'self'"]);
    }
    // Socket.IO's long-polling is answered outside Fastify: it gets the basic two as well.
    const polling = await send('/socket.io/?EIO=4&transport=polling');
    expect(polling.status).toBe(200);
    expect(polling.headers['x-content-type-options']).toBe('nosniff');
    expect(polling.headers['referrer-policy']).toBe('no-referrer');
  });

  it('carry a strict content security policy: scripts from here only, never inline or eval', async () => {
    const csp = directives(String((await send('/')).headers['content-security-policy']));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    for (const [name, values] of csp) expect(values, name).not.toContain("'unsafe-inline'");
    for (const [name, values] of csp) expect(values, name).not.toContain("'unsafe-eval'");
    // Sockets back to this server, also for browsers whose 'self' does not cover ws:.
    const host = new URL(server.url).host;
    expect(csp.get('connect-src')).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
    // A phone on http://192.168.1.10:3000 has no https: nothing may be upgraded.
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('match what the built page needs: no inline script, style or handler in index.html', () => {
    const html = readFileSync(join(webDist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs = '', body = ''] of scripts) {
      expect(attrs).toMatch(/\ssrc="\/[^/]/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/);
    for (const [, href = ''] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) expect(href).toMatch(/^(\/[^/]|data:image\/)/);
  });
});

describe('the facilitator key', () => {
  it('is never read from a query string, and a query string never reaches a log line', async () => {
    const lines: string[] = [];
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const logged = await startServer(mkdtempSync(join(tmpdir(), 'fokus-query-')), { logStream, logLevel: 'info' });
    try {
      const w = await createWorkshop(logged.url);
      const key = encodeURIComponent(w.facilitatorKey);
      const exported = await fetch(`${logged.url}/api/workshops/${w.code}/export.md?key=${key}&access_token=${key}`);
      expect(exported.status).toBe(401);
      await fetch(`${logged.url}/api/nothing?key=${key}`);
      // Log lines go through a stream: wait for the last request's rather than a fixed time.
      while (!lines.some((l) => l.includes('/api/nothing'))) await new Promise((r) => logStream.once('data', r));
    } finally {
      await logged.stop();
    }
    const all = lines.join('\n');
    expect(all).toContain(`/export.md`);
    expect(all).not.toContain('key=');
  });
});

describe('the built app under its policy, in Chromium', () => {
  let browser: Browser;
  // Generous: Chromium starts slowly on a loaded machine.
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('loads the start page, a phone, the screen and the console with no policy violation', async () => {
    const w = await createWorkshop(server.url);
    const violations: string[] = [];
    const visit = async (kind: typeof phone, path: string, ready: string) => {
      const ctx = await kind(browser);
      ctx.setDefaultTimeout(30_000);
      // Recorded in the page itself, before any of its scripts run.
      await ctx.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const w = window as unknown as { cspViolations?: string[] };
          w.cspViolations = [...(w.cspViolations ?? []), `${e.violatedDirective} ${e.blockedURI}`];
        });
      });
      const page = await ctx.newPage();
      page.on('console', (m) => {
        if (/Content.Security.Policy/i.test(m.text())) violations.push(`${path}: ${m.text()}`);
      });
      page.on('pageerror', (e) => violations.push(`${path}: ${e.message}`));
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      return { ctx, page };
    };

    const start = await visit(laptop, '/', 'form');
    const screen = await visit(projector, `/s/${w.code}`, '.lobby__code');
    // The QR code is an image from this origin.
    await screen.page.waitForFunction(() => [...document.images].some((i) => i.src.includes('/qr.svg') && i.complete && i.naturalWidth > 0));
    const console = await visit(laptop, `/f/${w.code}#key=${w.facilitatorKey}`, 'h2');
    const phonePage = await visit(phone, `/j/${w.code}`, 'input');
    // The phone joins over its socket: a command there and back under connect-src.
    await phonePage.page.getByLabel('Ditt namn').fill('Pia');
    await phonePage.page.getByRole('button', { name: 'Gå med' }).click();
    await phonePage.page.locator('.step-bar').waitFor();

    for (const { page } of [start, screen, console, phonePage]) {
      violations.push(...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])));
    }
    for (const { ctx } of [start, screen, console, phonePage]) await ctx.close();
    expect(violations).toEqual([]);
  }, 120_000);
});
