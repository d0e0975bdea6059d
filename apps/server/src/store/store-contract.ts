import { describe, expect, it } from 'vitest';
import type { WorkshopEvent } from '@fokus/core';
import type { WorkshopRecord, WorkshopStore, WorkshopWrite } from './store.ts';

/** The storage contract every store passes: run it from each implementation's test file. */
export function storeContract(name: string, open: () => Promise<{ store: WorkshopStore; reopen?: () => Promise<WorkshopStore> }>) {
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

  describe(`store contract: ${name}`, () => {
    it('creates a workshop and finds it by code and id', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      expect(await store.findByCode('ABCDEF')).toEqual(record('w1', 'ABCDEF'));
      expect(await store.findById('w1')).toEqual(record('w1', 'ABCDEF'));
      expect(await store.findByCode('ZZZZZZ')).toBeNull();
      expect((await store.listWorkshops()).map((w) => w.id)).toEqual(['w1']);
      await store.close();
    });

    it('refuses a second workshop with the same code', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await expect(store.createWorkshop(record('w2', 'ABCDEF'), first('w2'))).rejects.toThrow();
      expect(await store.findById('w2')).toBeNull();
      await store.close();
    });

    it('appends events in order and keeps Swedish text intact', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      await store.commit([{ workshopId: 'w1', fromSeq: 2, events: [vote('p1'), vote('p2')], ops: [{ actor: 'p1', opId: 'o1', result: '{"ok":true}' }] }]);
      const events = await store.loadEvents('w1');
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(events[0]?.event).toEqual(created('w1'));
      expect(events[2]?.event).toEqual(vote('p2'));
      expect(await store.loadOps('w1')).toEqual([{ actor: 'p1', opId: 'o1', result: '{"ok":true}' }]);
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

    it('rejects an op id stored twice for the same actor', async () => {
      const { store } = await open();
      await store.createWorkshop(record('w1', 'ABCDEF'), first('w1'));
      const op = { actor: 'p1', opId: 'o1', result: '{}' };
      await store.commit([{ workshopId: 'w1', fromSeq: 2, events: [vote('p1')], ops: [op] }]);
      await expect(store.commit([{ workshopId: 'w1', fromSeq: 3, events: [vote('p1')], ops: [op] }])).rejects.toThrow();
      expect((await store.loadEvents('w1')).length).toBe(2);
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
      await again.close();
    });
  });
}
