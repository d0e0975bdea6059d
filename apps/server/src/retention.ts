import { RESEND_WINDOW_MS } from './answer-cache.ts';
import type { Config } from './config.ts';
import { DEFAULT_RETENTION_DAYS, DEFAULT_ROOM_IDLE_MINUTES } from './config.ts';
import type { WorkshopSockets } from './realtime/workshop-sockets.ts';
import type { Rooms } from './rooms.ts';
import type { WorkshopRecord, WorkshopStore } from './store/store.ts';
import type { Clock } from './workshop-room.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The config's lifecycle settings, defaults filled in. */
export function lifecycleSettings(config: Pick<Config, 'retentionDays' | 'roomIdleMs'>): { retentionDays: number; roomIdleMs: number } {
  return { retentionDays: config.retentionDays ?? DEFAULT_RETENTION_DAYS, roomIdleMs: config.roomIdleMs ?? DEFAULT_ROOM_IDLE_MINUTES * 60_000 };
}
const HOUR_MS = 60 * 60 * 1000;

export interface LifecycleLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Runs `fn` every `ms` until the returned function is called. */
export type Every = (fn: () => void, ms: number) => () => void;

const everyInterval: Every = (fn, ms) => {
  // The sweeps must not keep a process alive that is otherwise done.
  const timer = setInterval(fn, ms).unref();
  return () => clearInterval(timer);
};

export interface LifecycleOptions {
  rooms: Rooms;
  store: WorkshopStore;
  sockets: WorkshopSockets;
  clock: Clock;
  log: LifecycleLog;
  retentionDays: number;
  roomIdleMs: number;
  every?: Every;
}

export interface SweepResult {
  erased: WorkshopRecord[];
  prunedOps: number;
}

/**
 * Retention: workshops nobody has written to for `retentionDays` are erased like a facilitator's delete, and op
 * records older than the resend window are forgotten. The log line names the workshop by id and code, never by
 * anything a person wrote.
 */
export class Retention {
  constructor(private readonly o: LifecycleOptions) {}

  async sweep(): Promise<SweepResult> {
    const now = this.o.clock.now();
    const erased: WorkshopRecord[] = [];
    for (const record of await this.o.store.listIdle(now - this.o.retentionDays * DAY_MS)) {
      try {
        await this.o.rooms.erase(record, this.o.sockets.deleted);
        erased.push(record);
        this.o.log.info(
          { workshop: record.id, code: record.code, retentionDays: this.o.retentionDays },
          `workshop erased: untouched for ${this.o.retentionDays} days`,
        );
      } catch (err) {
        this.o.log.error({ err, workshop: record.id }, 'retention could not erase a workshop; next sweep tries again');
      }
    }
    const prunedOps = await this.o.store.pruneOps(now - RESEND_WINDOW_MS);
    return { erased, prunedOps };
  }
}

export interface Lifecycle {
  /** Runs a retention sweep now (tests drive it with their clock). */
  sweep(): Promise<SweepResult>;
  /** Unloads idle rooms now; resolves to their codes. */
  evictIdle(): Promise<string[]>;
  /** Stops the sweeps and waits for one under way. */
  stop(): Promise<void>;
}

/** Sweeps retention at start and hourly, and unloads idle rooms every minute (sooner if they idle sooner). */
export function startLifecycle(o: LifecycleOptions): Lifecycle {
  const every = o.every ?? everyInterval;
  const retention = new Retention(o);
  const running = new Set<Promise<unknown>>();
  // Each sweep runs one at a time: a slow one is skipped over, not overtaken.
  const serial = (work: () => Promise<unknown>) => {
    let busy = false;
    return () => {
      if (busy) return;
      busy = true;
      const p: Promise<unknown> = work()
        .catch((err: unknown) => o.log.error({ err }, 'data lifecycle sweep failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
  };
  const evictIdle = async () => {
    const codes = await o.rooms.evictIdle(o.roomIdleMs, o.sockets.any);
    if (codes.length > 0) o.log.info({ rooms: codes.length, loaded: o.rooms.loaded }, 'idle rooms left memory');
    return codes;
  };
  const sweep = serial(() => retention.sweep());
  const evict = serial(evictIdle);
  sweep();
  const stops = [every(sweep, HOUR_MS), every(evict, Math.max(1000, Math.min(60_000, o.roomIdleMs / 2)))];
  return {
    sweep: () => retention.sweep(),
    evictIdle,
    async stop() {
      for (const stop of stops) stop();
      await Promise.all(running);
    },
  };
}
