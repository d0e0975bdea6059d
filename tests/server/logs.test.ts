import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { Client, createWorkshop, newToken } from '../support/fokus-client.ts';
import { startServer } from '../support/test-server.ts';

interface LogLine {
  msg?: string;
  reqId?: string;
  req?: { url?: string };
}

/** The export request's own "request completed" line is among the lines. */
function exportCompleted(lines: string[]): boolean {
  const parsed = lines.map((l) => JSON.parse(l) as LogLine);
  const exportReq = parsed.find((l) => l.req?.url?.includes('/export.md'));
  return exportReq !== undefined && parsed.some((l) => l.reqId === exportReq.reqId && l.msg === 'request completed');
}

/** Resolves once the lines written so far satisfy `done`, re-checked on every write to the log. */
function logged(lines: string[], stream: PassThrough, done: (lines: string[]) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!done(lines)) return;
      stream.off('data', check);
      resolve();
    };
    stream.on('data', check);
    check();
  });
}

it('logs structured lines that never contain a facilitator key or a participant token', async () => {
  const lines: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  const secrets: string[] = [];
  const server = await startServer(mkdtempSync(join(tmpdir(), 'fokus-logs-')), { logStream, logLevel: 'trace' });
  try {
    const created = await createWorkshop(server.url);
    const token = newToken();
    secrets.push(created.facilitatorKey, token);
    const phone = await Client.connect(server.url, { code: created.code, role: 'participant' });
    await phone.join('Pia', token);
    phone.close();
    const again = await Client.connect(server.url, { code: created.code, role: 'participant', token });
    again.close();
    await Client.connect(server.url, { code: created.code, role: 'facilitator', key: 'wrong-key-wrong-key-wrong' }).catch(() => null);
    const exported = await fetch(`${server.url}/api/workshops/${created.code}/export.md`, { headers: { authorization: `Bearer ${created.facilitatorKey}` } });
    await exported.text();
    // Fastify logs a request's completion after the response has gone: wait for that line, not a while.
    await logged(lines, logStream, exportCompleted);
  } finally {
    await server.stop();
  }
  expect(lines.length).toBeGreaterThan(3);
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  const all = lines.join('\n');
  expect(all).toContain('workshop created');
  expect(all).toContain('/export.md');
  expect(secrets).toHaveLength(2);
  for (const secret of secrets) expect(all).not.toContain(secret);
});
