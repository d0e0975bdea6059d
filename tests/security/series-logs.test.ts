/** Series keys are secrets like facilitator keys: at the most talkative log level, none reaches a log line. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { Client } from '../support/fokus-client.ts';
import { startServer } from '../support/test-server.ts';

it('logs the series and its requests without the organiser key or any host key', async () => {
  const lines: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  const server = await startServer(mkdtempSync(join(tmpdir(), 'fokus-logs-')), { logStream, logLevel: 'trace' });
  try {
    const res = await fetch(`${server.url}/api/series`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Nätverksträff',
        date: '2019-09-03',
        rooms: [
          { region: 'Norr', town: 'Umeå' },
          { region: 'Syd', town: 'Osby' },
        ],
      }),
    });
    const s = (await res.json()) as { seriesId: string; organiserKey: string; rooms: { code: string; hostKey: string }[] };
    const auth = { authorization: `Bearer ${s.organiserKey}` };
    for (const path of ['', '/report.md', '/report.json'])
      expect((await fetch(`${server.url}/api/series/${s.seriesId}${path}`, { headers: auth })).status).toBe(200);
    // A key in a query string (pasted by mistake) is cut from the logged URL too.
    await fetch(`${server.url}/api/series/${s.seriesId}?key=${s.organiserKey}`, { headers: auth });
    const host = await Client.connect(server.url, { code: s.rooms[0]?.code ?? '', role: 'facilitator', key: s.rooms[0]?.hostKey ?? '' });
    await host.must({ type: 'agenda:goto', stepIndex: 1 });
    host.close();
    // One more round trip: the earlier requests' completion lines are written by then.
    await fetch(`${server.url}/api/health`);
    expect(lines.some((l) => l.includes('series created'))).toBe(true);
    for (const secret of [s.organiserKey, ...s.rooms.map((r) => r.hostKey)]) expect(lines.filter((l) => l.includes(secret))).toEqual([]);
  } finally {
    await server.stop();
  }
});
