/**
 * The series authorization matrix: every series route and every room's export, design file and console
 * handshake × the organiser key, a host key of room A, a host key of room B, another series' organiser key, a
 * phone's token and no key. A host key is its room's facilitator key and nothing more; the organiser key opens the
 * series, its rooms' exports and its report, never a console; a phone is a participant of its own room only.
 * Nothing of one series or room reaches another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, connectRefusal, newToken } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';

interface Created {
  seriesId: string;
  organiserKey: string;
  rooms: { roomId: string; code: string; hostKey: string }[];
}

type Who = 'organiser' | 'hostA' | 'hostB' | 'otherOrganiser' | 'phoneA' | 'none';
const WHO: readonly Who[] = ['organiser', 'hostA', 'hostB', 'otherOrganiser', 'phoneA', 'none'];

let server: RunningServer;
let s1: Created;
let s2: Created;
let phoneToken: string;
const roomA = () => s1.rooms[0] as Created['rooms'][number];
const roomB = () => s1.rooms[1] as Created['rooms'][number];
const roomC = () => s2.rooms[0] as Created['rooms'][number];

function keyOf(who: Who): string | null {
  if (who === 'organiser') return s1.organiserKey;
  if (who === 'hostA') return roomA().hostKey;
  if (who === 'hostB') return roomB().hostKey;
  if (who === 'otherOrganiser') return s2.organiserKey;
  if (who === 'phoneA') return phoneToken;
  return null;
}

async function create(title: string, rooms: { region: string; town: string }[]): Promise<Created> {
  const res = await fetch(`${server.url}/api/series`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, theme: 'Tema', date: '2019-09-03', rooms }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

async function request(method: string, path: string, who: Who, body?: object): Promise<{ status: number; text: string }> {
  const key = keyOf(who);
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  if (body) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, text: await res.text() };
}

/** Writes a note in a room as a phone that joins there; resolves to the phone's token. */
async function note(code: string, text: string, hostKey: string): Promise<string> {
  const host = await Client.connect(server.url, { code, role: 'facilitator', key: hostKey });
  await host.must({ type: 'agenda:goto', stepIndex: 1 });
  const phone = await Client.connect(server.url, { code, role: 'participant' });
  const token = newToken();
  const ack = await phone.socket.timeout(5000).emitWithAck('participant:join', { name: 'Ada', organisation: '', token, town: 'Umeå' });
  expect(ack.ok).toBe(true);
  await phone.must({ type: 'idea:add', ideaId: `i${newToken().slice(0, 8)}`, boardId: 'fraga-1', text });
  host.close();
  phone.close();
  return token;
}

beforeAll(async () => {
  server = await startServer();
  s1 = await create('Nätverksträff', [
    { region: 'Norr', town: 'Umeå' },
    { region: 'Syd', town: 'Kristianstad' },
  ]);
  s2 = await create('Annan träff', [{ region: 'Väst', town: 'Skövde' }]);
  phoneToken = await note(roomA().code, 'Anteckning i rum A', roomA().hostKey);
  await note(roomB().code, 'Anteckning i rum B', roomB().hostKey);
  await note(roomC().code, 'Hemlig anteckning i en annan serie', roomC().hostKey);
});
afterAll(async () => {
  await server.stop();
});

describe('series routes: the organiser key of this series only', () => {
  const routes = (): { method: string; path: string; body?: object; ok: number }[] => [
    { method: 'GET', path: `/api/series/${s1.seriesId}`, ok: 200 },
    { method: 'PATCH', path: `/api/series/${s1.seriesId}/rooms/${roomB().roomId}`, body: { host: 'Bo' }, ok: 200 },
    { method: 'GET', path: `/api/series/${s1.seriesId}/report.md`, ok: 200 },
    { method: 'GET', path: `/api/series/${s1.seriesId}/report.json`, ok: 200 },
    { method: 'GET', path: `/api/series/${s1.seriesId}/report.docx`, ok: 200 },
    { method: 'GET', path: `/api/series/${s1.seriesId}/report.pdf`, ok: 200 },
    { method: 'GET', path: `/api/series/${s1.seriesId}/rooms/${roomA().roomId}/export.md`, ok: 200 },
    { method: 'GET', path: `/api/series/${s1.seriesId}/rooms/${roomB().roomId}/export.json`, ok: 200 },
  ];

  for (const who of WHO) {
    it(`${who}: ${who === 'organiser' ? 'reads and changes the series' : 'is refused everywhere, and changes nothing'}`, async () => {
      for (const r of routes()) {
        const res = await request(r.method, r.path, who, r.body);
        expect([r.path, res.status]).toEqual([r.path, who === 'organiser' ? r.ok : 401]);
        if (who !== 'organiser') expect(res.text).not.toContain('Anteckning');
      }
    });
  }

  it('adding a room, a new design and erasing are the organiser’s alone', async () => {
    for (const who of WHO.filter((w) => w !== 'organiser')) {
      expect((await request('POST', `/api/series/${s1.seriesId}/rooms`, who, { region: 'Mitt', town: 'Falun' })).status).toBe(401);
      expect((await request('PUT', `/api/series/${s1.seriesId}/design`, who, { design: {} })).status).toBe(401);
      expect((await request('DELETE', `/api/series/${s1.seriesId}?rooms=erase`, who)).status).toBe(401);
      expect((await request('POST', `/api/series/${s1.seriesId}/next-theme`, who)).status).toBe(401);
    }
    const status = JSON.parse((await request('GET', `/api/series/${s1.seriesId}`, 'organiser')).text) as { rooms: unknown[] };
    expect(status.rooms).toHaveLength(2);
  });

  it('keeps series and rooms apart: no other series’ room, no keys in answers, no other series’ notes', async () => {
    expect((await request('GET', `/api/series/${s1.seriesId}/rooms/${roomC().roomId}/export.md`, 'organiser')).status).toBe(404);
    expect((await request('GET', `/api/series/${s2.seriesId}/rooms/${roomA().roomId}/export.md`, 'otherOrganiser')).status).toBe(404);
    expect((await request('GET', '/api/series/AAAAAAAAAAAAAAAA', 'organiser')).status).toBe(404);
    const status = (await request('GET', `/api/series/${s1.seriesId}`, 'organiser')).text;
    for (const secret of [s1.organiserKey, roomA().hostKey, roomB().hostKey, s2.organiserKey, roomC().code]) expect(status).not.toContain(secret);
    const report = (await request('GET', `/api/series/${s1.seriesId}/report.md`, 'organiser')).text;
    expect(report).toContain('Anteckning i rum A');
    expect(report).toContain('Anteckning i rum B');
    expect(report).not.toContain('Hemlig anteckning');
    const other = (await request('GET', `/api/series/${s2.seriesId}/report.md`, 'otherOrganiser')).text;
    expect(other).toContain('Hemlig anteckning');
    expect(other).not.toContain('Anteckning i rum');
  });
});

describe('the next-theme plenary: started by the organiser, its key its own', () => {
  it('the organiser starts it once; its key opens its console only, no room key opens it', async () => {
    const made = await request('POST', `/api/series/${s1.seriesId}/next-theme`, 'organiser');
    expect(made.status).toBe(201);
    const { code, facilitatorKey } = JSON.parse(made.text) as { code: string; facilitatorKey: string };
    expect((await request('POST', `/api/series/${s1.seriesId}/next-theme`, 'organiser')).status).toBe(200);
    expect((await request('POST', `/api/series/${s2.seriesId}/next-theme`, 'organiser')).status).toBe(401);
    for (const who of WHO) {
      const key = keyOf(who);
      const refusal = await connectRefusal(server.url, { code, role: 'facilitator', ...(key ? { key } : {}) });
      expect([who, refusal?.error]).toEqual([who, 'unauthorized']);
    }
    expect(await connectRefusal(server.url, { code, role: 'facilitator', key: facilitatorKey })).toBeUndefined();
    expect((await connectRefusal(server.url, { code: roomA().code, role: 'facilitator', key: facilitatorKey }))?.error).toBe('unauthorized');
    const status = (await request('GET', `/api/series/${s1.seriesId}`, 'organiser')).text;
    expect(status).toContain(code);
    expect(status).not.toContain(facilitatorKey);
    expect((await request('GET', `/api/series/${s2.seriesId}`, 'otherOrganiser')).text).not.toContain(code);
  });
});

describe("rooms: a host key is its room's facilitator key, for that room only", () => {
  const mayRun = (who: Who, room: 'A' | 'B') => (who === 'hostA' && room === 'A') || (who === 'hostB' && room === 'B');

  for (const who of WHO) {
    it(`${who}: exports, design file and console of rooms A and B`, async () => {
      for (const room of ['A', 'B'] as const) {
        const { code } = room === 'A' ? roomA() : roomB();
        for (const path of [`/api/workshops/${code}/export.md`, `/api/workshops/${code}/design.json`]) {
          expect([path, (await request('GET', path, who)).status]).toEqual([path, mayRun(who, room) ? 200 : 401]);
        }
        const key = keyOf(who);
        const refusal = await connectRefusal(server.url, { code, role: 'facilitator', ...(key ? { key } : {}) });
        expect([room, refusal?.error]).toEqual([room, mayRun(who, room) ? undefined : 'unauthorized']);
      }
    });
  }

  it('a phone is a participant of its own room only; elsewhere its token makes no one', async () => {
    const own = await Client.connect(server.url, { code: roomA().code, role: 'participant', token: phoneToken });
    const mine = await own.sync();
    expect(mine.me).not.toBeNull();
    own.close();
    for (const code of [roomB().code, roomC().code]) {
      const stranger = await Client.connect(server.url, { code, role: 'participant', token: phoneToken });
      const seen = await stranger.sync();
      expect(seen.me).toBeNull();
      expect(JSON.stringify(seen.view)).not.toContain('Anteckning i rum A');
      stranger.close();
    }
  });
});
