import { describe, expect, it } from 'vitest';
import type { WorkshopEvent } from '@fokus/core';
import type { CommitStore } from './committer.ts';
import { Committer, StaleWriteError } from './committer.ts';
import type { WorkshopWrite } from './store/store.ts';

/** A store of seq numbers only, which fails on demand: all of it, or whatever touches one workshop. */
class FlakyStore implements CommitStore {
  readonly calls: WorkshopWrite[][] = [];
  readonly logs = new Map<string, string[]>();
  down: Error | null = null;
  readonly badWorkshops = new Set<string>();
  probes = 0;
  gate: Promise<void> = Promise.resolve();

  async commit(writes: readonly WorkshopWrite[]): Promise<void> {
    this.calls.push(structuredClone([...writes]));
    await this.gate;
    if (this.down) throw this.down;
    // All or nothing, like the real stores: check every write before keeping any.
    const next = new Map<string, number>();
    for (const w of writes) {
      if (this.badWorkshops.has(w.workshopId)) throw new Error(`bad write for ${w.workshopId}`);
      const last = next.get(w.workshopId) ?? this.logs.get(w.workshopId)?.length ?? 0;
      if (w.events.length > 0 && w.fromSeq !== last + 1) throw new Error(`conflict: ${w.workshopId} expected ${last + 1}, got ${w.fromSeq}`);
      next.set(w.workshopId, last + w.events.length);
    }
    for (const w of writes) {
      const log = this.logs.get(w.workshopId) ?? [];
      log.push(...w.events.map(label));
      this.logs.set(w.workshopId, log);
    }
  }

  async probe(): Promise<void> {
    this.probes++;
    if (this.down) throw this.down;
  }
}

/** Events carry their label in the idea id, so a log reads as a list of labels. */
const event = (name: string): WorkshopEvent => ({ type: 'idea.deleted', ideaId: name });
const label = (e: WorkshopEvent): string => (e.type === 'idea.deleted' ? e.ideaId : e.type);

/** Hands out seq numbers per workshop, the way rooms do. */
function writer(committer: Committer) {
  const seq = new Map<string, number>();
  return (workshopId: string, ...names: string[]): Promise<void> => {
    const fromSeq = (seq.get(workshopId) ?? 0) + 1;
    seq.set(workshopId, fromSeq + names.length - 1);
    return committer.submit({ workshopId, fromSeq, events: names.map(event), ops: names.map((n) => ({ actor: 'p', opId: n, result: '{}' })) });
  };
}

const outcome = (p: Promise<void>): Promise<string> =>
  p.then(
    () => 'ok',
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );

describe('Committer', () => {
  it('sends everything submitted in one turn to the store in one commit, one write per workshop', async () => {
    const store = new FlakyStore();
    const committer = new Committer(store);
    const write = writer(committer);
    const all = [write('w1', 'a1'), write('w2', 'b1'), write('w1', 'a2', 'a3'), write('w3', 'c1'), write('w2', 'b2')];
    for (let i = 4; i < 20; i++) all.push(write('w1', `a${i}`));
    await Promise.all(all);
    expect(store.calls).toHaveLength(1);
    expect(store.calls[0]?.map((w) => [w.workshopId, w.fromSeq, w.events.length, w.ops.length])).toEqual([
      ['w1', 1, 19, 19],
      ['w2', 1, 2, 2],
      ['w3', 1, 1, 1],
    ]);
    expect(store.logs.get('w1')).toEqual(Array.from({ length: 19 }, (_, i) => `a${i + 1}`));
  });

  it('collects the next batch while a slow commit is on its way, and keeps each workshop in order', async () => {
    const store = new FlakyStore();
    // No window: each turn of the event loop is a batch, so the test can tell them apart.
    const committer = new Committer(store, { windowMs: 0 });
    const write = writer(committer);
    let open!: () => void;
    store.gate = new Promise((r) => (open = r));
    const first = write('w1', 'a1');
    await new Promise((r) => setImmediate(r));
    expect(store.calls).toHaveLength(1);
    // Later turns while the first commit waits for the disk: they wait for it, then go together.
    const later = [write('w1', 'a2'), write('w2', 'b1')];
    await new Promise((r) => setImmediate(r));
    later.push(write('w1', 'a3'));
    await new Promise((r) => setImmediate(r));
    expect(store.calls).toHaveLength(1);
    open();
    await Promise.all([first, ...later]);
    expect(store.calls).toHaveLength(2);
    expect(store.logs.get('w1')).toEqual(['a1', 'a2', 'a3']);
    expect(store.logs.get('w2')).toEqual(['b1']);
  });

  it('fails only the commands of the workshop whose write is bad; the others in the batch commit', async () => {
    const store = new FlakyStore();
    const committer = new Committer(store);
    const write = writer(committer);
    await Promise.all([write('w1', 'a1'), write('w2', 'b1'), write('w3', 'c1')]);
    store.badWorkshops.add('w2');
    const results = await Promise.all([
      outcome(write('w1', 'a2')),
      outcome(write('w2', 'b2')),
      outcome(write('w3', 'c2')),
      outcome(write('w1', 'a3')),
      outcome(write('w2', 'b3')),
    ]);
    expect(results).toEqual(['ok', 'bad write for w2', 'ok', 'ok', 'bad write for w2']);
    expect(store.logs.get('w1')).toEqual(['a1', 'a2', 'a3']);
    expect(store.logs.get('w2')).toEqual(['b1']);
    expect(store.logs.get('w3')).toEqual(['c1', 'c2']);
    // The mixed batch once, then each workshop's part on its own.
    expect(store.calls.slice(1).map((c) => c.map((w) => w.workshopId))).toEqual([['w1', 'w2', 'w3'], ['w1'], ['w2'], ['w3']]);
  });

  it('fails a workshop whose writes in a batch do not follow on, and only that workshop', async () => {
    const store = new FlakyStore();
    const committer = new Committer(store);
    const gap = { workshopId: 'w1', fromSeq: 5, events: [event('x')], ops: [] };
    const results = await Promise.all([
      outcome(committer.submit({ workshopId: 'w1', fromSeq: 1, events: [event('a1')], ops: [] })),
      outcome(committer.submit(gap)),
      outcome(committer.submit({ workshopId: 'w2', fromSeq: 1, events: [event('b1')], ops: [] })),
    ]);
    expect(results).toEqual(['conflict: w1 expected 2, got 5', 'conflict: w1 expected 2, got 5', 'ok']);
    expect(store.logs.get('w1')).toBeUndefined();
    expect(store.logs.get('w2')).toEqual(['b1']);
  });

  it('refuses everything while the store is down, and commits again as soon as it is back', async () => {
    const store = new FlakyStore();
    const committer = new Committer(store);
    const write = writer(committer);
    await write('w1', 'a1');
    store.down = new Error('database or disk is full');
    expect(await Promise.all([outcome(write('w1', 'a2')), outcome(write('w2', 'b1'))])).toEqual(['database or disk is full', 'database or disk is full']);
    expect(await outcome(write('w1', 'a3'))).toBe('database or disk is full');
    store.down = null;
    // The room re-reads its log after a failure and continues from there: seq 2 again.
    expect(await outcome(committer.submit({ workshopId: 'w1', fromSeq: 2, events: [event('a2')], ops: [] }))).toBe('ok');
    expect(await outcome(committer.submit({ workshopId: 'w2', fromSeq: 1, events: [event('b1')], ops: [] }))).toBe('ok');
    expect(store.logs.get('w1')).toEqual(['a1', 'a2']);
    expect(store.logs.get('w2')).toEqual(['b1']);
  });

  it('answers health from a fresh commit outcome, and probes the store when it has none', async () => {
    let now = 0;
    const store = new FlakyStore();
    const committer = new Committer(store, { now: () => now, freshMs: 1000 });
    // Idle and broken: a probe finds out, and many asking at once share one probe.
    store.down = new Error('disk I/O error');
    const asked = await Promise.all([committer.health(), committer.health(), committer.health()]);
    expect(asked).toEqual(Array(3).fill({ ok: false, reason: 'disk I/O error' }));
    expect(store.probes).toBe(1);
    // Back, but the failure is fresh: still not ok until a commit or a later probe succeeds.
    store.down = null;
    expect(await committer.health()).toEqual({ ok: false, reason: 'disk I/O error' });
    now += 1000;
    expect(await committer.health()).toEqual({ ok: true });
    expect(store.probes).toBe(2);
    // A failed commit makes health fail at once; a successful one makes it ok at once.
    store.down = new Error('database or disk is full');
    const first = { workshopId: 'w1', fromSeq: 1, events: [event('a1')], ops: [] };
    expect(await outcome(committer.submit(first))).toBe('database or disk is full');
    expect(await committer.health()).toEqual({ ok: false, reason: 'database or disk is full' });
    store.down = null;
    await committer.submit(first);
    expect(await committer.health()).toEqual({ ok: true });
    expect(store.probes).toBe(2);
  });

  it('never lands a write decided on a failed one, even where another process filled the gap so its seq fits', async () => {
    const store = new FlakyStore();
    const committer = new Committer(store, { windowMs: 0 });
    const lineage = {};
    const ours = (fromSeq: number, name: string) => committer.submit({ workshopId: 'w1', fromSeq, events: [event(name)], ops: [] }, lineage);
    let open!: () => void;
    store.gate = new Promise((r) => (open = r));
    // Ours at seq 1 is on its way; the next, decided on top of it, waits for the following batch.
    const first = outcome(ours(1, 'mine-1'));
    await new Promise((r) => setImmediate(r));
    const second = outcome(ours(2, 'mine-2'));
    // Another process takes seq 1 first: ours loses, and seq 2 is now free.
    store.logs.set('w1', ['theirs-1']);
    open();
    expect(await first).toMatch(/conflict/);
    expect(await second).toMatch(/decided on a write that failed/);
    await expect(ours(2, 'mine-3')).rejects.toBeInstanceOf(StaleWriteError);
    expect(store.logs.get('w1')).toEqual(['theirs-1']);
    // A new lineage (the room reloaded the log) writes again.
    await committer.submit({ workshopId: 'w1', fromSeq: 2, events: [event('mine-2')], ops: [] }, {});
    expect(store.logs.get('w1')).toEqual(['theirs-1', 'mine-2']);
  });

  it('gathers the writes of its window into one commit', async () => {
    const store = new FlakyStore();
    const committer = new Committer(store, { windowMs: 200, windowFromRate: 0 });
    const write = writer(committer);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const writes = [write('w1', 'a1')];
    await pause(2);
    writes.push(write('w2', 'b1'));
    await pause(2);
    writes.push(write('w1', 'a2'));
    expect(store.calls).toHaveLength(0);
    await Promise.all(writes);
    expect(store.calls).toHaveLength(1);
    expect(committer.stats).toMatchObject({ commits: 1, writes: 3, events: 3, largest: 3 });
  });

  it('waits the window only while writes come fast enough to fill it', async () => {
    const store = new FlakyStore();
    // A window no test could wait out: a write that resolves went at once. A full batch releases a waiting one.
    const committer = new Committer(store, { windowMs: 3_600_000, windowFromRate: 50, maxBatch: 50 });
    const write = writer(committer);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await write('w1', 'quiet');
    // 150 writes in a moment (full batches go at once): a rate far above 50 a second, even after a second's stall.
    await Promise.all(Array.from({ length: 150 }, (_, i) => write('w1', `burst-${i}`)));
    const commits = store.calls.length;
    const waiting = write('w1', 'busy');
    await pause(50);
    expect(store.calls).toHaveLength(commits);
    await Promise.all([waiting, ...Array.from({ length: 49 }, (_, i) => write('w1', `full-${i}`))]);
    expect(store.calls).toHaveLength(commits + 1);
    // Two seconds of quiet: the rate (~200 a second) has fallen below 50, so the next write goes at once again.
    await pause(2000);
    await write('w1', 'quiet-again');
    expect(store.logs.get('w1')?.at(-1)).toBe('quiet-again');
  });

  it('sends a full batch at once, without waiting out the window', async () => {
    const store = new FlakyStore();
    // A window no test could wait out: only a full batch can have been committed.
    const committer = new Committer(store, { windowMs: 3_600_000, maxBatch: 4 });
    const write = writer(committer);
    await Promise.all([write('w1', 'a1'), write('w1', 'a2'), write('w2', 'b1'), write('w3', 'c1')]);
    expect(store.calls).toHaveLength(1);
    expect(committer.stats).toMatchObject({ commits: 1, writes: 4, largest: 4 });
  });

  it('keeps the longest a commit took to become durable, by its clock', async () => {
    const store = new FlakyStore();
    let now = 1000;
    const committer = new Committer(store, { now: () => now, windowMs: 0 });
    const write = writer(committer);
    let open = () => {};
    store.gate = new Promise<void>((r) => {
      open = r;
    });
    const slow = write('w1', 'a1');
    await new Promise((r) => setImmediate(r));
    now += 40;
    open();
    await slow;
    store.gate = Promise.resolve();
    now += 1000;
    await write('w1', 'a2');
    expect(committer.stats.longestMs).toBe(40);
  });
});
