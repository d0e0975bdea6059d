import { describe, expect, it } from 'vitest';
import { RESEND_WINDOW_MS } from './answer-cache.ts';
import { Retention, lifecycleSettings, startLifecycle } from './retention.ts';
import type { LifecycleOptions } from './retention.ts';
import { Rooms } from './rooms.ts';
import { MemoryStore } from './store/memory-store.ts';
import type { RoomOutput } from './workshop-room.ts';

const DAY = 24 * 60 * 60 * 1000;
const output: RoomOutput = { view: () => {}, tally: () => {}, me: () => {}, removed: () => {} };

function world() {
  let now = 1_000 * DAY;
  const clock = { now: () => now };
  const store = new MemoryStore();
  const rooms = new Rooms(store, output, clock);
  const lines: { msg: string; obj: object }[] = [];
  const told: string[] = [];
  const timers: { ms: number; fn: () => void; stopped: boolean }[] = [];
  const options: LifecycleOptions = {
    rooms,
    store,
    clock,
    sockets: { any: () => false, deleted: (id) => told.push(id) },
    log: { info: (obj, msg) => lines.push({ msg, obj }), error: (obj, msg) => lines.push({ msg, obj }) },
    retentionDays: 180,
    roomIdleMs: 5 * 60_000,
    every: (fn, ms) => {
      const t = { ms, fn, stopped: false };
      timers.push(t);
      return () => {
        t.stopped = true;
      };
    },
  };
  return { store, rooms, options, lines, told, timers, advance: (ms: number) => (now += ms) };
}

describe('data lifecycle', () => {
  it('sweeps at start, then hourly; unloads idle rooms every minute at most; stops its timers', async () => {
    const w = world();
    const old = await w.rooms.create({ template: 'blank', lang: 'sv' });
    w.advance(181 * DAY);
    const lifecycle = startLifecycle(w.options);
    expect(w.timers.map((t) => t.ms)).toEqual([60 * 60_000, 60_000]);
    await lifecycle.stop();
    // The sweep at start erased the old workshop and told its sockets; stop() waited for it.
    expect(await w.store.findByCode(old.room.code)).toBeNull();
    expect(w.told).toEqual([old.room.id]);
    expect(w.lines.map((l) => l.msg)).toContain('workshop erased: untouched for 180 days');
    expect(w.timers.every((t) => t.stopped)).toBe(true);
  });

  it('keeps what was written to within the retention period, and prunes op records past the resend window', async () => {
    const w = world();
    const { room } = await w.rooms.create({ template: 'blank', lang: 'sv' });
    w.advance(179 * DAY);
    await room.execute({ role: 'facilitator' }, 'op1', { type: 'timer:start' });
    await w.rooms.committer.drain();
    w.advance(RESEND_WINDOW_MS + 1);
    expect(await new Retention(w.options).sweep()).toEqual({ erased: [], prunedOps: 1 });
    expect(await w.store.loadOps(room.id)).toEqual([]);
    expect(await w.store.findByCode(room.code)).not.toBeNull();
  });

  it('unloads a room idle past the idle time', async () => {
    const w = world();
    const { room } = await w.rooms.create({ template: 'blank', lang: 'sv' });
    const lifecycle = startLifecycle(w.options);
    w.advance(5 * 60_000 - 1);
    expect(await lifecycle.evictIdle()).toEqual([]);
    w.advance(1);
    expect(await lifecycle.evictIdle()).toEqual([room.code]);
    expect(w.rooms.loaded).toBe(0);
    // Loaded again on demand.
    expect((await w.rooms.get(room.code))?.snapshot).toEqual(room.snapshot);
    await lifecycle.stop();
  });

  it('fills in the defaults: 180 days, 5 minutes', () => {
    expect(lifecycleSettings({})).toEqual({ retentionDays: 180, roomIdleMs: 300_000 });
    expect(lifecycleSettings({ retentionDays: 7, roomIdleMs: 1000 })).toEqual({ retentionDays: 7, roomIdleMs: 1000 });
  });
});
