import { describe, expect, it } from 'vitest';
import type { Series, WorkshopEvent } from '@fokus/core';
import { SERIES_SCHEMA, templateDesign } from '@fokus/core';
import type { SeriesRecord, WorkshopRecord, WorkshopStore, WorkshopWrite } from './store.ts';
import { StoreConflictError } from './store.ts';

/** What a test file's factory opens: a store on an empty database, and ways to reach that same database again. */
export interface OpenedStore {
  store: WorkshopStore;
  /** A new store on the same database, once `store` is closed. */
  reopen?: () => Promise<WorkshopStore>;
  /** A second store on the same database while `store` is open: another process, as far as the database knows. */
  twin?: () => Promise<WorkshopStore>;
}

/** The storage contract every store passes: run it from each implementation's test file. */
export function storeContract(name: string, open: () => Promise<OpenedStore>) {
  const record = (id: string, code: string): WorkshopRecord => ({ id, code, keyHash: `hash-${id}`, createdAt: 1000 });
  const created = (id: string): WorkshopEvent => ({
    type: 'workshop.created',
    workshopId: id,
    title: 'Handlingsplan – Åäö',
    lang: 'sv',
    template: 'blank',
    rules: [],
    boards: [{ id: 'b', title: 'Idéer', purpose: '', questions: [] }],
    agenda: [],
    at: 1000,
  });
  const first = (id: string): WorkshopWrite => ({ workshopId: id, fromSeq: 1, events: [created(id)], ops: [] });
  const vote = (participantId: string): WorkshopEvent => ({ type: 'vote.added', participantId, ideaId: 'i1' });
  const joined = (participantId: string, name: string): WorkshopEvent => ({
    type: 'participant.joined',
    participantId,
    name,
    organisation: '',
    tokenHash: 't',
    at: 1,
  });

  const room = (id: string, workshopId: string, code: string): Series['rooms'][number] => ({
    id,
    region: 'Värmland/Dalsland',
    town: 'Arvika',
    host: 'Åsa Öberg',
    workshopId,
    code,
    closed: false,
    createdAt: 1000,
  });
  const series = (id: string, rooms: Series['rooms']): SeriesRecord => ({
    id,
    keyHash: `hash-${id}`,
    createdAt: 1000,
    revision: 1,
    series: {
      schema: SERIES_SCHEMA,
      id,
      title: 'Nätverksträff',
      theme: 'Kommunens roll och ansvar i stadsutvecklingen',
      date: '2019-09-03',
      lang: 'sv',
      intro: 'I din hand håller du en dokumentation … ”citat” & <b>',
      design: templateDesign('fragerunda', 'sv', 2019),
      rooms,
      createdAt: 1000,
    },
  });
  const sortedLinks = async (store: WorkshopStore, id: string) => (await store.seriesRooms(id)).sort((a, b) => a.roomId.localeCompare(b.roomId));

  describe(`store contract: ${name}`, () => {
    it('creates a series with its rooms and finds it, Swedish intact', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.createSeries(series('s1', [room('r1', 'w1', 'ABCDEF')]));
      expect(await store.findSeries('s1')).toEqual(series('s1', [room('r1', 'w1', 'ABCDEF')]));
      expect(await store.seriesRooms('s1')).toEqual([{ roomId: 'r1', workshopId: 'w1' }]);
      expect(await store.findSeries('nope')).toBeNull();
      expect(await store.seriesRooms('nope')).toEqual([]);
      await expect(store.createSeries(series('s1', []))).rejects.toThrow();
      await store.close();
    });

    it('updates a series only from the revision before, and links added rooms', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.createWorkshop(record('w2', 'BCDEFG'), first('w2'));
      await store.createSeries(series('s1', [room('r1', 'w1', 'ABCDEF')]));
      const next = series('s1', [room('r1', 'w1', 'ABCDEF'), { ...room('r2', 'w2', 'BCDEFG'), region: 'Norr', closed: true }]);
      await store.updateSeries({ ...next, revision: 2 });
      // A stale writer (revision 2 again, or skipping one) changes nothing.
      await expect(store.updateSeries({ ...series('s1', []), revision: 2 })).rejects.toThrow();
      await expect(store.updateSeries({ ...series('s1', []), revision: 4 })).rejects.toThrow();
      await expect(store.updateSeries({ ...series('s2', []), revision: 2 })).rejects.toThrow();
      const found = await store.findSeries('s1');
      expect(found?.revision).toBe(2);
      expect(found?.series.rooms.map((r) => [r.id, r.region, r.closed])).toEqual([
        ['r1', 'Värmland/Dalsland', false],
        ['r2', 'Norr', true],
      ]);
      expect(await sortedLinks(store, 's1')).toEqual([
        { roomId: 'r1', workshopId: 'w1' },
        { roomId: 'r2', workshopId: 'w2' },
      ]);
      await store.close();
    });

    it('erases a series and its links, keeps its rooms’ workshops and every other series', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.createSeries(series('s1', [room('r1', 'w1', 'ABCDEF')]));
      await store.createSeries(series('s2', [room('r2', 'w1', 'ABCDEF')]));
      await store.deleteSeries('s1');
      await store.deleteSeries('nope');
      expect(await store.findSeries('s1')).toBeNull();
      expect(await store.seriesRooms('s1')).toEqual([]);
      expect(await store.findSeries('s2')).not.toBeNull();
      expect(await store.seriesRooms('s2')).toEqual([{ roomId: 'r2', workshopId: 'w1' }]);
      expect(await store.findByCode('ABCDEF')).not.toBeNull();
      // The id is free again.
      await store.createSeries(series('s1', []));
      expect((await store.findSeries('s1'))?.series.rooms).toEqual([]);
      await store.close();
    });

    it('shows the room of an erased workshop as gone, for good, and keeps the other rooms', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.createWorkshop(record('w2', 'BCDEFG'), first('w2'));
      const both = series('s1', [room('r1', 'w1', 'ABCDEF'), room('r2', 'w2', 'BCDEFG')]);
      await store.createSeries(both);
      await store.deleteWorkshop('w1');
      expect(await sortedLinks(store, 's1')).toEqual([
        { roomId: 'r1', workshopId: null },
        { roomId: 'r2', workshopId: 'w2' },
      ]);
      // A later update of the series does not bring the erased link back, even with a workshop under the old id.
      await store.createWorkshop(record('w1', 'CDEFGH'), first('w1'));
      await store.updateSeries({ ...both, revision: 2 });
      expect((await sortedLinks(store, 's1'))[0]).toEqual({ roomId: 'r1', workshopId: null });
      expect((await store.findSeries('s1'))?.series.rooms).toHaveLength(2);
      await store.close();
    });

    it('creates a workshop and finds it by code', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      expect(await store.findByCode('ABCDEF')).toEqual(record('w1', 'ABCDEF'));
      expect(await store.findByCode('ZZZZZZ')).toBeNull();
      await store.close();
    });

    it('refuses a second workshop with the same code', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await expect(store.createWorkshop(record('w2', 'ABCDEF'), first('w2'))).rejects.toThrow();
      expect(await store.loadEvents('w2')).toEqual([]);
      expect((await store.findByCode('ABCDEF'))?.id).toBe('w1');
      await store.close();
    });

    it('appends events in order and keeps Swedish text intact', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.commit([
        { workshopId: 'w1', fromSeq: 2, events: [vote('p1'), vote('p2')], ops: [{ actor: 'p1', opId: 'o1', result: '{"ok":true}' }], at: 1500 },
      ]);
      const events = await store.loadEvents('w1');
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(events[0]?.event).toEqual(created('w1'));
      expect(events[2]?.event).toEqual(vote('p2'));
      expect(await store.loadOps('w1')).toEqual([{ actor: 'p1', opId: 'o1', result: '{"ok":true}', at: 1500 }]);
      await store.close();
    });

    it('rejects a write that does not continue the log, and keeps nothing of its batch', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.createWorkshop(record('w2', 'BCDEFG'), first('w2'));
      const good: WorkshopWrite = { workshopId: 'w2', fromSeq: 2, events: [vote('p1')], ops: [{ actor: 'p1', opId: 'x', result: '{}' }] };
      const gap: WorkshopWrite = { workshopId: 'w1', fromSeq: 5, events: [vote('p1')], ops: [] };
      await expect(store.commit([good, gap])).rejects.toThrow();
      expect((await store.loadEvents('w2')).length).toBe(1);
      expect(await store.loadOps('w2')).toEqual([]);
      await store.close();
    });

    it('follows one workshop through a batch of several writes: in order they land, with a gap none does', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.commit([
        { workshopId: 'w1', fromSeq: 2, events: [vote('a')], ops: [] },
        { workshopId: 'w1', fromSeq: 3, events: [vote('b'), vote('c')], ops: [] },
        { workshopId: 'w1', fromSeq: 5, events: [], ops: [{ actor: 'c', opId: 'o1', result: '{}' }] },
        { workshopId: 'w1', fromSeq: 5, events: [vote('d')], ops: [] },
      ]);
      expect((await store.loadEvents('w1')).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      await expect(
        store.commit([
          { workshopId: 'w1', fromSeq: 6, events: [vote('e')], ops: [] },
          { workshopId: 'w1', fromSeq: 8, events: [vote('f')], ops: [] },
        ]),
      ).rejects.toThrow();
      expect((await store.loadEvents('w1')).length).toBe(5);
      await store.close();
    });

    it('rejects an op id stored twice for the same actor', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      const op = { actor: 'p1', opId: 'o1', result: '{}' };
      await store.commit([{ workshopId: 'w1', fromSeq: 2, events: [vote('p1')], ops: [op] }]);
      await expect(store.commit([{ workshopId: 'w1', fromSeq: 3, events: [vote('p1')], ops: [op] }])).rejects.toThrow();
      expect((await store.loadEvents('w1')).length).toBe(2);
      await store.close();
    });

    it('loads only the events after a seq, and only the op records written at or after a time', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.createWorkshop(record('w2', 'BCDEFG'), first('w2'));
      await store.commit([{ workshopId: 'w1', fromSeq: 2, events: [vote('a'), vote('b')], ops: [{ actor: 'a', opId: 'o1', result: '1' }], at: 1500 }]);
      await store.commit([{ workshopId: 'w1', fromSeq: 4, events: [vote('c')], ops: [{ actor: 'c', opId: 'o2', result: '2' }], at: 2500 }]);
      await store.commit([{ workshopId: 'w2', fromSeq: 2, events: [vote('x')], ops: [{ actor: 'x', opId: 'o3', result: '3' }], at: 2500 }]);
      const seqs = async (after?: number) => (await store.loadEvents('w1', after)).map((e) => e.seq);
      expect(await seqs()).toEqual([1, 2, 3, 4]);
      expect(await seqs(0)).toEqual([1, 2, 3, 4]);
      expect(await seqs(2)).toEqual([3, 4]);
      expect((await store.loadEvents('w1', 3))[0]?.event).toEqual(vote('c'));
      expect(await seqs(4)).toEqual([]);
      expect(await seqs(99)).toEqual([]);
      const ops = async (since?: number) => (await store.loadOps('w1', since)).map((o) => o.opId).sort();
      expect(await ops()).toEqual(['o1', 'o2']);
      expect(await ops(1500)).toEqual(['o1', 'o2']);
      expect(await ops(1501)).toEqual(['o2']);
      expect(await store.loadOps('w1', 2500)).toEqual([{ actor: 'c', opId: 'o2', result: '2', at: 2500 }]);
      expect(await ops(2501)).toEqual([]);
      await store.close();
    });

    it('finds one op record by workshop, actor and op id, and nothing for any other', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.createWorkshop(record('w2', 'BCDEFG'), first('w2'));
      await store.commit([
        { workshopId: 'w1', fromSeq: 2, events: [vote('a')], ops: [{ actor: 'a', opId: 'o1', result: '{"ok":true,"version":2}' }], at: 1500 },
      ]);
      expect(await store.findOp('w1', 'a', 'o1')).toEqual({ actor: 'a', opId: 'o1', result: '{"ok":true,"version":2}', at: 1500 });
      expect(await store.findOp('w1', 'b', 'o1')).toBeNull();
      expect(await store.findOp('w1', 'a', 'o2')).toBeNull();
      expect(await store.findOp('w2', 'a', 'o1')).toBeNull();
      expect(await store.findOp('w1', '__proto__', 'o1')).toBeNull();
      await store.close();
    });

    it('refuses a taken seq and a stored op id with StoreConflictError, keeping nothing of either', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.commit([{ workshopId: 'w1', fromSeq: 2, events: [vote('a')], ops: [{ actor: 'a', opId: 'o1', result: '{}' }] }]);
      // Seq 2 is taken: another process wrote it since this one loaded the log.
      await expect(
        store.commit([{ workshopId: 'w1', fromSeq: 2, events: [vote('b')], ops: [{ actor: 'b', opId: 'o2', result: '{}' }] }]),
      ).rejects.toBeInstanceOf(StoreConflictError);
      // A resend answered by another process: with events and without.
      await expect(
        store.commit([{ workshopId: 'w1', fromSeq: 3, events: [vote('a')], ops: [{ actor: 'a', opId: 'o1', result: '{}' }] }]),
      ).rejects.toBeInstanceOf(StoreConflictError);
      await expect(store.commit([{ workshopId: 'w1', fromSeq: 3, events: [], ops: [{ actor: 'a', opId: 'o1', result: '{}' }] }])).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect((await store.loadEvents('w1')).map((e) => e.event)).toEqual([created('w1'), vote('a')]);
      expect((await store.loadOps('w1')).map((o) => o.opId)).toEqual(['o1']);
      await store.close();
    });

    it('lets exactly one of two stores on the same database take a seq or an op id; the log has no duplicate', async () => {
      const { store, twin } = await open();
      if (!twin) return expect(twin).toBeUndefined();
      const other = await twin();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      for (let round = 0; round < 6; round++) {
        const seq = (await other.loadEvents('w1')).length + 1;
        const write = (who: string): WorkshopWrite => ({
          workshopId: 'w1',
          fromSeq: seq,
          events: [vote(who)],
          ops: [{ actor: who, opId: `o${round}`, result: who }],
        });
        // Alternate who starts first, so neither store always wins by going first.
        const [a, b] = round % 2 === 0 ? [store, other] : [other, store];
        const outcomes = await Promise.allSettled([a.commit([write('a')]), b.commit([write('b')])]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const lost = outcomes.find((o) => o.status === 'rejected');
        expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(StoreConflictError);
      }
      // The same op id (no events) from both at once: one answer is stored.
      const op = { actor: 'p', opId: 'same', result: 'r' };
      const outcomes = await Promise.allSettled([
        store.commit([{ workshopId: 'w1', fromSeq: 8, events: [], ops: [op] }]),
        other.commit([{ workshopId: 'w1', fromSeq: 8, events: [], ops: [op] }]),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.find((o) => o.status === 'rejected');
      expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(StoreConflictError);
      expect((await store.loadEvents('w1')).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect((await store.loadOps('w1')).filter((o) => o.opId === 'same')).toHaveLength(1);
      await other.close();
      await store.close();
    });

    it('keeps workshops apart', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.createWorkshop(record('w2', 'BCDEFG'), first('w2'));
      await store.commit([
        { workshopId: 'w1', fromSeq: 2, events: [vote('a')], ops: [] },
        { workshopId: 'w2', fromSeq: 2, events: [vote('b'), vote('c')], ops: [] },
      ]);
      expect((await store.loadEvents('w1')).length).toBe(2);
      expect((await store.loadEvents('w2')).length).toBe(3);
      await store.close();
    });

    it('erases a workshop: its events, op records and record, and nothing of another', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.createWorkshop(record('w2', 'BCDEFG'), first('w2'));
      await store.commit([
        { workshopId: 'w1', fromSeq: 2, events: [vote('a')], ops: [{ actor: 'a', opId: 'o1', result: '{}' }], at: 2000 },
        { workshopId: 'w2', fromSeq: 2, events: [vote('b')], ops: [{ actor: 'b', opId: 'o1', result: '{}' }], at: 2000 },
      ]);
      await store.deleteWorkshop('w1');
      expect(await store.findByCode('ABCDEF')).toBeNull();
      expect(await store.loadEvents('w1')).toEqual([]);
      expect(await store.loadOps('w1')).toEqual([]);
      expect(await store.listIdle(Infinity)).toEqual([record('w2', 'BCDEFG')]);
      expect((await store.loadEvents('w2')).length).toBe(2);
      expect(await store.loadOps('w2')).toHaveLength(1);
      // The code is free again, and a new workshop under it starts an empty log.
      await store.createWorkshop(record('w3', 'ABCDEF'), first('w3'));
      expect((await store.loadEvents('w3')).map((e) => e.seq)).toEqual([1]);
      await store.close();
    });

    it('rewrites stored events in place, and only those', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.commit([{ workshopId: 'w1', fromSeq: 2, events: [joined('p1', 'Anna'), joined('p2', 'Bo')], ops: [] }]);
      await store.rewriteEvents('w1', [{ seq: 2, event: joined('p1', 'Borttagen deltagare') }]);
      expect((await store.loadEvents('w1')).map((e) => e.event)).toEqual([created('w1'), joined('p1', 'Borttagen deltagare'), joined('p2', 'Bo')]);
      // A rewrite never appends: an event that is not stored is refused and nothing of the batch is kept.
      await expect(
        store.rewriteEvents('w1', [
          { seq: 3, event: joined('p2', 'X') },
          { seq: 9, event: vote('p1') },
        ]),
      ).rejects.toThrow();
      expect((await store.loadEvents('w1')).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await store.loadEvents('w1'))[2]?.event).toEqual(joined('p2', 'Bo'));
      await store.close();
    });

    it('lists workshops by last activity: the newest write, else creation', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.createWorkshop(record('w2', 'BCDEFG'), first('w2'));
      const idle = async (before: number) => (await store.listIdle(before)).map((w) => w.id).sort();
      expect(await idle(1000)).toEqual([]);
      expect(await idle(1001)).toEqual(['w1', 'w2']);
      await store.commit([{ workshopId: 'w2', fromSeq: 2, events: [vote('a')], ops: [], at: 5000 }]);
      expect(await idle(1001)).toEqual(['w1']);
      expect(await idle(5000)).toEqual(['w1']);
      // An older write does not make a workshop look less recent.
      await store.commit([{ workshopId: 'w2', fromSeq: 3, events: [vote('b')], ops: [], at: 3000 }]);
      expect(await idle(5000)).toEqual(['w1']);
      expect(await idle(5001)).toEqual(['w1', 'w2']);
      await store.close();
    });

    it('prunes op records written before a time, in every workshop', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.createWorkshop(record('w2', 'BCDEFG'), first('w2'));
      await store.commit([
        { workshopId: 'w1', fromSeq: 2, events: [], ops: [{ actor: 'a', opId: 'old', result: '{}' }], at: 1000 },
        { workshopId: 'w2', fromSeq: 2, events: [], ops: [{ actor: 'b', opId: 'old', result: '{}' }], at: 1000 },
      ]);
      await store.commit([{ workshopId: 'w1', fromSeq: 2, events: [], ops: [{ actor: 'a', opId: 'new', result: '{}' }], at: 2000 }]);
      expect(await store.pruneOps(2000)).toBe(2);
      expect((await store.loadOps('w1')).map((o) => o.opId)).toEqual(['new']);
      expect(await store.loadOps('w2')).toEqual([]);
      // A kept record still stops a second answer for its op id.
      await expect(store.commit([{ workshopId: 'w1', fromSeq: 2, events: [], ops: [{ actor: 'a', opId: 'new', result: '{}' }] }])).rejects.toThrow();
      expect(await store.pruneOps(2000)).toBe(0);
      await store.close();
    });

    it('keeps everything across a reopen', async () => {
      const { store, reopen } = await open();
      if (!reopen) return expect(reopen).toBeUndefined();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.commit([{ workshopId: 'w1', fromSeq: 2, events: [vote('p1')], ops: [{ actor: 'p1', opId: 'o1', result: 'r' }] }]);
      await store.close();
      const again = await reopen();
      expect((await again.loadEvents('w1')).map((e) => e.event.type)).toEqual(['workshop.created', 'vote.added']);
      expect(await again.loadOps('w1')).toHaveLength(1);
      expect(await again.findByCode('ABCDEF')).not.toBeNull();
      await again.createSeries(series('s1', [room('r1', 'w1', 'ABCDEF')]));
      await again.close();
      const third = await reopen();
      expect((await third.findSeries('s1'))?.series.rooms[0]?.host).toBe('Åsa Öberg');
      expect(await third.seriesRooms('s1')).toEqual([{ roomId: 'r1', workshopId: 'w1' }]);
      await third.close();
    });
  });
}
