import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateDesign } from '@fokus/core';
import { buildApp } from '../app.ts';
import type { FokusApp } from '../app.ts';
import { MemoryStore } from '../store/memory-store.ts';
import type { SeriesRoomStatus as RoomStatus, SeriesStatus } from '@fokus/protocol';
import { TEST_CONFIG } from '../test-config.ts';

const config = TEST_CONFIG;
let fokus: FokusApp;
beforeEach(async () => {
  fokus = await buildApp(config, new MemoryStore());
});
afterEach(async () => {
  await fokus.close();
});

interface Created {
  seriesId: string;
  organiserKey: string;
  rooms: { roomId: string; region: string; town: string; code: string; hostKey: string; links: { facilitator: string } }[];
}

async function createSeries(
  rooms = [
    { region: 'Norr', town: 'Umeå', host: 'Anna' },
    { region: 'Syd', town: 'Kristianstad', host: 'Bo' },
  ],
) {
  const res = await fokus.app.inject({
    method: 'POST',
    url: '/api/series',
    payload: { title: 'Nätverksträff', theme: 'Kommunens roll och ansvar i stadsutvecklingen', date: '2019-09-03', lang: 'sv', rooms },
  });
  expect(res.statusCode).toBe(201);
  return res.json<Created>();
}
const as = (key: string) => ({ authorization: `Bearer ${key}` });

describe('series routes', () => {
  it('creates every room as a workshop with the Frågerunda questions, its own code and host key', async () => {
    const s = await createSeries();
    expect(s.rooms.map((r) => r.region)).toEqual(['Norr', 'Syd']);
    expect(new Set(s.rooms.map((r) => r.code)).size).toBe(2);
    expect(s.rooms[0]?.links.facilitator).toBe(`/f/${s.rooms[0]?.code}#key=${s.rooms[0]?.hostKey}`);
    const summary = await fokus.app.inject({ method: 'GET', url: `/api/workshops/${s.rooms[0]?.code}` });
    expect(summary.json<{ title: string }>().title).toBe('Nätverksträff – Region Norr (Umeå)');
    const room = await fokus.rooms.get(s.rooms[0]?.code ?? '');
    expect(room?.snapshot.boards.map((b) => b.title)).toEqual(templateDesign('fragerunda', 'sv', 2019).boards.map((b) => b.title));
    // The room's console key is the host key.
    const design = await fokus.app.inject({ method: 'GET', url: `/api/workshops/${s.rooms[0]?.code}/design.json`, headers: as(s.rooms[0]?.hostKey ?? '') });
    expect(design.statusCode).toBe(200);
  });

  it('refuses a series without rooms or with a bad date, and creates nothing', async () => {
    for (const payload of [
      { title: 'X', date: '2019-09-03', rooms: [] },
      { title: 'X', date: '3 sept', rooms: [{ region: 'A', town: 'B' }] },
    ]) {
      const res = await fokus.app.inject({ method: 'POST', url: '/api/series', payload });
      expect(res.statusCode).toBe(400);
    }
    expect(fokus.rooms.loaded).toBe(0);
  });

  it('makes rooms for a meeting on any valid day, the plan year kept in range', async () => {
    const res = await fokus.app.inject({
      method: 'POST',
      url: '/api/series',
      payload: { title: 'X', date: '1999-02-04', rooms: [{ region: 'A', town: 'B' }] },
    });
    expect(res.statusCode).toBe(201);
    const room = await fokus.rooms.get(res.json<{ rooms: { code: string }[] }>().rooms[0]?.code ?? '');
    expect([room?.snapshot.planYear, room?.snapshot.date]).toEqual([2000, '1999-02-04']);
  });

  it('reads, adds, renames and closes rooms for the organiser', async () => {
    const s = await createSeries();
    const added = await fokus.app.inject({
      method: 'POST',
      url: `/api/series/${s.seriesId}/rooms`,
      headers: as(s.organiserKey),
      payload: { region: 'Väst', town: 'Skövde', host: 'Cilla' },
    });
    expect(added.statusCode).toBe(201);
    const roomId = s.rooms[1]?.roomId ?? '';
    const patched = await fokus.app.inject({
      method: 'PATCH',
      url: `/api/series/${s.seriesId}/rooms/${roomId}`,
      headers: as(s.organiserKey),
      payload: { town: 'Osby', closed: true },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<RoomStatus>()).toMatchObject({ town: 'Osby', closed: true, title: 'Nätverksträff – Region Syd (Osby)' });
    const read = await fokus.app.inject({ method: 'GET', url: `/api/series/${s.seriesId}`, headers: as(s.organiserKey) });
    const status = read.json<SeriesStatus>();
    expect(status.rooms.map((r) => [r.region, r.town, r.closed, r.state, r.participants, r.notes])).toEqual([
      ['Norr', 'Umeå', false, 'live', 0, 0],
      ['Syd', 'Osby', true, 'live', 0, 0],
      ['Väst', 'Skövde', false, 'live', 0, 0],
    ]);
    expect(status.rooms[0]?.notesPerQuestion).toHaveLength(5);
    expect((await fokus.rooms.get(s.rooms[1]?.code ?? ''))?.snapshot.joiningLocked).toBe(true);
    const unknown = await fokus.app.inject({
      method: 'PATCH',
      url: `/api/series/${s.seriesId}/rooms/nope`,
      headers: as(s.organiserKey),
      payload: { town: 'X' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('gives a new design to the rooms that have not started, and says which it skipped', async () => {
    const s = await createSeries();
    const started = await fokus.rooms.get(s.rooms[1]?.code ?? '');
    await started?.execute({ role: 'facilitator' }, 'o1', { type: 'agenda:goto', stepIndex: 1 });
    const design = templateDesign('fragerunda', 'sv', 2019);
    design.boards = [design.boards[0], { id: 'ny', title: 'Trygghet i centrum', purpose: '', questions: [] }].filter((b) => b !== undefined);
    const res = await fokus.app.inject({ method: 'PUT', url: `/api/series/${s.seriesId}/design`, headers: as(s.organiserKey), payload: { design } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ applied: [s.rooms[0]?.roomId], skipped: [{ roomId: s.rooms[1]?.roomId, reason: 'started' }] });
    expect((await fokus.rooms.get(s.rooms[0]?.code ?? ''))?.snapshot.boards.map((b) => b.title)).toEqual([design.boards[0]?.title, 'Trygghet i centrum']);
    expect((await fokus.rooms.get(s.rooms[1]?.code ?? ''))?.snapshot.boards).toHaveLength(5);
  });

  it('erases a series for its organiser, its rooms’ workshops only when asked', async () => {
    const kept = await createSeries();
    const gone = await createSeries();
    expect((await fokus.app.inject({ method: 'DELETE', url: `/api/series/${kept.seriesId}` })).statusCode).toBe(401);
    expect((await fokus.app.inject({ method: 'DELETE', url: `/api/series/${kept.seriesId}`, headers: as(gone.organiserKey) })).statusCode).toBe(401);
    expect((await fokus.app.inject({ method: 'DELETE', url: `/api/series/${kept.seriesId}`, headers: as(kept.organiserKey) })).statusCode).toBe(204);
    expect((await fokus.app.inject({ method: 'GET', url: `/api/series/${kept.seriesId}`, headers: as(kept.organiserKey) })).statusCode).toBe(404);
    for (const r of kept.rooms) expect((await fokus.app.inject({ method: 'GET', url: `/api/workshops/${r.code}` })).statusCode).toBe(200);
    const erase = await fokus.app.inject({ method: 'DELETE', url: `/api/series/${gone.seriesId}?rooms=erase`, headers: as(gone.organiserKey) });
    expect(erase.statusCode).toBe(204);
    for (const r of gone.rooms) expect((await fokus.app.inject({ method: 'GET', url: `/api/workshops/${r.code}` })).statusCode).toBe(404);
  });

  it('shows a room whose workshop was erased as gone', async () => {
    const s = await createSeries();
    const record = await fokus.rooms.recordOf(s.rooms[0]?.code ?? '');
    if (!record) throw new Error('no record');
    await fokus.rooms.erase(record, () => undefined);
    const read = await fokus.app.inject({ method: 'GET', url: `/api/series/${s.seriesId}`, headers: as(s.organiserKey) });
    expect(read.json<SeriesStatus>().rooms.map((r) => r.state)).toEqual(['gone', 'live']);
    const md = await fokus.app.inject({ method: 'GET', url: `/api/series/${s.seriesId}/report.md`, headers: as(s.organiserKey) });
    expect(md.statusCode).toBe(200);
    expect(md.body).toContain('REGION NORR – TRÄFF I UMEÅ');
    expect(md.body).toContain('Rummets workshop finns inte längre.');
  });
});
