import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@fokus/protocol';
import type { Config } from '../../apps/server/src/config.ts';
import { createWorkshop } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';

const running: RunningServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

async function server(config: Partial<Config> = {}): Promise<RunningServer> {
  const s = await startServer(undefined, { config });
  running.push(s);
  return s;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with exactly these headers (fetch will not send a Host of our choosing). */
function send(base: string, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Answer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: { connection: 'close', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A WebSocket upgrade to Engine.IO: 101 when it would open, the refusal's status otherwise. */
function upgrade(base: string, headers: Record<string, string>): Promise<number> {
  const url = new URL('/socket.io/?EIO=4&transport=websocket', base);
  return new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const polling = (base: string, headers: Record<string, string>) => send(base, '/socket.io/?EIO=4&transport=polling', headers);
const hostOf = (s: RunningServer) => new URL(s.url).host;
const portOf = (s: RunningServer) => new URL(s.url).port;

describe('hosts: only names this server answers for (DNS rebinding)', () => {
  it('answers loopback names and IP addresses without configuration, and refuses other names with 421', async () => {
    const s = await server();
    const port = portOf(s);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `192.168.1.10:3000`, `[::1]:${port}`, `10.0.0.7`, `fokus.localhost:${port}`]) {
      expect((await send(s.url, '/api/health', { host })).status, host).toBe(200);
    }
    for (const host of [`evil.example:${port}`, 'fokus.lan', 'attacker.example.com.', `evil.example@127.0.0.1:${port}`, 'a b']) {
      const res = await send(s.url, '/api/health', { host });
      expect(res.status, host).toBeGreaterThanOrEqual(400);
      if (res.status === 421) expect(JSON.parse(res.body)).toMatchObject({ error: 'bad_request', message: expect.stringMatching(/ALLOWED_HOSTS/) });
    }
    expect((await send(s.url, '/api/health', { host: `evil.example:${port}` })).status).toBe(421);
    // The same for a socket, whichever transport it starts with.
    expect((await polling(s.url, { host: `127.0.0.1:${port}` })).status).toBe(200);
    const refused = await polling(s.url, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatch(/ALLOWED_HOSTS/);
    expect(await upgrade(s.url, { host: `127.0.0.1:${port}` })).toBe(101);
    expect(await upgrade(s.url, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).toBe(400);
  });

  it('answers the names of PUBLIC_URL and ALLOWED_HOSTS', async () => {
    const s = await server({ publicUrl: 'https://fokus.example.se', allowedHosts: ['fokus.lan'] });
    for (const host of ['fokus.example.se', 'FOKUS.example.se:443', 'fokus.lan:3000', `127.0.0.1:${portOf(s)}`]) {
      expect((await send(s.url, '/api/health', { host })).status, host).toBe(200);
    }
    expect((await send(s.url, '/api/health', { host: 'other.example.se' })).status).toBe(421);
    expect((await polling(s.url, { host: 'fokus.lan:3000' })).status).toBe(200);
    expect((await polling(s.url, { host: 'other.example.se' })).status).toBe(403);
  });
});

describe('origins: scheme, host and port must all match', () => {
  it("lets a socket open only from the page's own origin when there is no PUBLIC_URL", async () => {
    const s = await server();
    const host = hostOf(s);
    const port = Number(portOf(s));
    expect((await polling(s.url, { host, origin: `http://${host}` })).status).toBe(200);
    expect((await polling(s.url, { host })).status).toBe(200); // no Origin: not a browser page
    for (const origin of [`https://${host}`, `http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, 'http://evil.example', 'null', 'not a url']) {
      expect((await polling(s.url, { host, origin })).status, origin).toBe(403);
      expect(await upgrade(s.url, { host, origin }), origin).toBe(400);
    }
    expect(await upgrade(s.url, { host, origin: `http://${host}` })).toBe(101);
  });

  it('with PUBLIC_URL, takes that origin and ALLOWED_ORIGINS, not whatever the request says about itself', async () => {
    const s = await server({ publicUrl: 'https://fokus.example.se', allowedOrigins: ['https://intranet.example.se:8443'] });
    const host = hostOf(s);
    expect((await polling(s.url, { host, origin: 'https://fokus.example.se' })).status).toBe(200);
    expect((await polling(s.url, { host, origin: 'https://fokus.example.se:443' })).status).toBe(200);
    expect((await polling(s.url, { host, origin: 'https://intranet.example.se:8443' })).status).toBe(200);
    for (const origin of ['http://fokus.example.se', 'https://fokus.example.se:8443', 'https://intranet.example.se', `http://${host}`]) {
      expect((await polling(s.url, { host, origin })).status, origin).toBe(403);
    }
  });

  it('refuses a socket.io client whose page is elsewhere, with a connect error', async () => {
    const s = await server();
    const w = await createWorkshop(s.url);
    const attempt = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = io(s.url, {
          auth: { v: PROTOCOL_VERSION, code: w.code, role: 'screen' },
          transports: ['polling'],
          extraHeaders: { origin },
          reconnection: false,
          forceNew: true,
        });
        socket.once('connect', () => {
          socket.close();
          resolve('connected');
        });
        socket.once('connect_error', () => {
          socket.close();
          resolve('refused');
        });
      });
    expect(await attempt(s.url)).toBe('connected');
    expect(await attempt(s.url.replace('http:', 'https:'))).toBe('refused');
    expect(await attempt('http://evil.example')).toBe('refused');
  });

  it('refuses a form post or fetch from another origin over HTTP', async () => {
    const s = await server();
    const host = hostOf(s);
    const post = (origin: string) => send(s.url, '/api/workshops', { host, origin, 'content-type': 'application/json' }, 'POST', '{}');
    expect((await post(`http://${host}`)).status).toBe(201);
    for (const origin of [`https://${host}`, 'http://evil.example', `http://127.0.0.1:1`]) {
      const res = await post(origin);
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'forbidden' });
    }
  });
});

describe('forwarded headers', () => {
  it('ignores X-Forwarded-Host and -Proto by default: the QR code shows the real host', async () => {
    const s = await server();
    const w = await createWorkshop(s.url);
    const qr = (headers: Record<string, string>) => send(s.url, `/api/workshops/${w.code}/qr.svg`, headers);
    const real = await qr({ host: hostOf(s) });
    expect(real.status).toBe(200);
    expect(real.headers['cache-control']).not.toMatch(/public/);
    expect(real.headers['cache-control']).toMatch(/private/);
    const poisoned = await qr({ host: hostOf(s), 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(poisoned.status).toBe(200);
    expect(poisoned.body).toBe(real.body);
    // The host does change the picture: the check above would notice a poisoned one.
    expect((await qr({ host: `localhost:${portOf(s)}` })).body).not.toBe(real.body);
  });

  it('uses PUBLIC_URL for the QR code whatever the request says', async () => {
    const s = await server({ publicUrl: 'https://fokus.example.se' });
    const w = await createWorkshop(s.url);
    const qr = (headers: Record<string, string>) => send(s.url, `/api/workshops/${w.code}/qr.svg`, headers);
    const a = await qr({ host: hostOf(s) });
    expect((await qr({ host: 'fokus.example.se' })).body).toBe(a.body);
    expect((await qr({ host: hostOf(s), 'x-forwarded-host': 'evil.example' })).body).toBe(a.body);
  });

  it('believes a proxy TRUST_PROXY names, and still checks the host it forwards', async () => {
    const s = await server({ trustProxy: ['127.0.0.1', '::1'], allowedHosts: ['fokus.example.se'] });
    const w = await createWorkshop(s.url);
    const qr = (headers: Record<string, string>) => send(s.url, `/api/workshops/${w.code}/qr.svg`, headers);
    const direct = await qr({ host: 'fokus.example.se' });
    const forwarded = await qr({ host: hostOf(s), 'x-forwarded-host': 'fokus.example.se' });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body).toBe(direct.body);
    expect((await qr({ host: hostOf(s), 'x-forwarded-host': 'fokus.example.se', 'x-forwarded-proto': 'https' })).body).not.toBe(direct.body);
    expect((await qr({ host: hostOf(s), 'x-forwarded-host': 'evil.example' })).status).toBe(421);
  });
});
