import { performance } from 'node:perf_hooks';
import { setTimeout as later } from 'node:timers';
import type { WorkshopStore, WorkshopWrite } from './store/store.ts';

interface Pending {
  write: WorkshopWrite;
  lineage: Lineage | undefined;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * The line of writes a room decided one after another on its own state. Once one of them fails, every later
 * one was decided on events that never landed: it must not land either, even where its seq would fit because
 * another process filled the gap. A room starts a new lineage when it has reloaded its state from the log.
 */
export type Lineage = object;

/** A write refused without asking the store: an earlier write of its lineage failed. Decide it again. */
export class StaleWriteError extends Error {
  constructor(workshopId: string) {
    super(`workshop ${workshopId}: decided on a write that failed`);
    this.name = 'StaleWriteError';
  }
}

/** What the committer needs of a store. */
export type CommitStore = Pick<WorkshopStore, 'commit' | 'probe'>;

/** Whether the store can make writes durable right now, and if not, why. */
export type StorageHealth = { ok: true } | { ok: false; reason: string };

export interface CommitterOptions {
  now?: () => number;
  /** A commit outcome younger than this answers a health question without a probe write. */
  freshMs?: number;
  /** How long the first write of a batch waits for others before the batch goes to the store (0: the same turn). */
  windowMs?: number;
  /**
   * Writes per second from which the window is waited; slower, a write goes to the store in its own turn (it still
   * gathers whatever comes while the commit before it is on its way). Default: WINDOW_FILLS_AT writes per window.
   */
  windowFromRate?: number;
  /** A batch this many writes long goes at once, window or not. */
  maxBatch?: number;
}

/** What the committer has done since it started: how well batching pays (writes and events per commit). */
export interface CommitStats {
  commits: number;
  writes: number;
  events: number;
  /** The largest batch, in writes. */
  largest: number;
  /** The longest a batch took to become durable (ms): the tail every ack in it waits for. */
  longestMs: number;
}

/**
 * 2 ms: a hall voting sends a few hundred dots a second, so a batch gathers several while costing each ack at most
 * 2 ms of waiting; an fsync (synchronous=FULL) takes about as long on an SSD.
 */
export const DEFAULT_COMMIT_WINDOW_MS = 2;
const DEFAULT_MAX_BATCH = 512;

/**
 * The window pays only when others are likely to join the batch within it: 1.5 writes expected in 2 ms is 750
 * writes a second. A hall of 1,000 placing its dots (~500 a second) then gets each answer 2 ms sooner for a few
 * more fsyncs; 2,000 and more, or a hundred rooms at once, wait the window and share them.
 */
const WINDOW_FILLS_AT = 1.5;

/** How quickly the committer's idea of the write rate forgets: about the last second counts. */
const RATE_MEMORY_MS = 1000;

/**
 * Group commit: every write submitted within a short window (from any workshop; a full batch goes at once; while
 * writes are few, the same turn) goes to the store in one transaction, and whatever arrives while a commit is on its
 * way goes in the next, so a burst of votes costs one fsync, not one each. Nothing is acknowledged
 * before its batch is durable. If a batch fails, each workshop's part is tried again on its own, so one
 * workshop's bad write fails only its own commands; a workshop's writes always land in submission order.
 */
export class Committer {
  private queue: Pending[] = [];
  /** Cancels the flush that is due, if one is. */
  private scheduled: (() => void) | null = null;
  private readonly windowMs: number;
  private readonly windowFromRate: number;
  private readonly maxBatch: number;
  /** Writes per millisecond lately, decayed over RATE_MEMORY_MS (performance.now: the disk's pace, not a test's clock). */
  private rate = 0;
  private rateAt = performance.now();
  readonly stats: CommitStats = { commits: 0, writes: 0, events: 0, largest: 0, longestMs: 0 };
  private running: Promise<void> = Promise.resolve();
  private last: { at: number; health: StorageHealth } | null = null;
  private probing: Promise<StorageHealth> | null = null;
  private readonly failedLineages = new WeakSet<Lineage>();
  private readonly now: () => number;
  private readonly freshMs: number;

  constructor(
    private readonly store: CommitStore,
    options: CommitterOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.freshMs = options.freshMs ?? 1000;
    this.windowMs = options.windowMs ?? DEFAULT_COMMIT_WINDOW_MS;
    // Read only while there is a window at all (submit checks windowMs > 0 first).
    this.windowFromRate = options.windowFromRate ?? (WINDOW_FILLS_AT * 1000) / this.windowMs;
    this.maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  }

  submit(write: WorkshopWrite, lineage?: Lineage): Promise<void> {
    if (lineage && this.failedLineages.has(lineage)) return Promise.reject(new StaleWriteError(write.workshopId));
    const rate = this.counted();
    return new Promise((resolve, reject) => {
      this.queue.push({ write, lineage, resolve, reject });
      if (this.queue.length >= this.maxBatch) {
        this.scheduled?.();
        const now = setImmediate(() => this.go());
        this.scheduled = () => clearImmediate(now);
      } else if (!this.scheduled && this.windowMs > 0 && rate >= this.windowFromRate) {
        // node:timers' own: tests that fake the clock for rooms' broadcasts leave the disk's pace alone.
        const timer = later(() => this.go(), this.windowMs);
        this.scheduled = () => clearTimeout(timer);
      } else if (!this.scheduled) {
        const now = setImmediate(() => this.go());
        this.scheduled = () => clearImmediate(now);
      }
    });
  }

  /** Counts one more write and returns the rate of writes lately, per second. */
  private counted(): number {
    const now = performance.now();
    this.rate = this.rate * Math.exp((this.rateAt - now) / RATE_MEMORY_MS) + 1 / RATE_MEMORY_MS;
    this.rateAt = now;
    return this.rate * 1000;
  }

  private go(): void {
    this.scheduled = null;
    // One batch at a time: a slow store collects the next batch meanwhile. flush never rejects.
    this.running = this.running.then(() => this.flush());
  }

  private async flush(): Promise<void> {
    const batch = this.queue.filter((p) => !this.stale(p));
    this.queue = [];
    if (batch.length === 0) return;
    const groups = groupByWorkshop(batch);
    this.stats.commits++;
    this.stats.writes += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    for (const p of batch) this.stats.events += p.write.events.length;
    try {
      const started = this.now();
      await this.store.commit(groups.flatMap((g) => g.writes));
      this.stats.longestMs = Math.max(this.stats.longestMs, this.now() - started);
      this.noted({ ok: true });
      for (const p of batch) p.resolve();
      return;
    } catch (err) {
      if (groups.length === 1) return this.failed(batch, err);
    }
    // The batch failed as a whole: find out whose write it was. Each workshop's writes commit on their own.
    await Promise.all(
      groups.map(async (g) => {
        try {
          await this.store.commit(g.writes);
          this.noted({ ok: true });
          for (const p of g.pending) p.resolve();
        } catch (err) {
          this.failed(g.pending, err);
        }
      }),
    );
  }

  private failed(pending: Pending[], err: unknown): void {
    this.noted({ ok: false, reason: err instanceof Error ? err.message : String(err) });
    for (const p of pending) {
      if (p.lineage) this.failedLineages.add(p.lineage);
      p.reject(err);
    }
  }

  /** Refuses (now) a queued write whose lineage failed since it was submitted. */
  private stale(p: Pending): boolean {
    if (!p.lineage || !this.failedLineages.has(p.lineage)) return false;
    p.reject(new StaleWriteError(p.write.workshopId));
    return true;
  }

  private noted(health: StorageHealth): void {
    this.last = { at: this.now(), health };
  }

  /**
   * The truth about the store: the outcome of the latest commit if it is recent, else a probe write
   * (one at a time, however many ask), so that an idle server with a full disk is not reported healthy.
   */
  health(): Promise<StorageHealth> {
    if (this.last && this.now() - this.last.at < this.freshMs) return Promise.resolve(this.last.health);
    this.probing ??= this.store
      .probe()
      .then(
        (): StorageHealth => ({ ok: true }),
        (err: unknown): StorageHealth => ({ ok: false, reason: err instanceof Error ? err.message : String(err) }),
      )
      .then((health) => {
        this.noted(health);
        return health;
      })
      .finally(() => {
        this.probing = null;
      });
    return this.probing;
  }

  /** Resolves when everything submitted so far has been written (or refused). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.scheduled) {
      await new Promise((r) => setImmediate(r));
      await this.running;
    }
    await this.running;
  }
}

interface WorkshopGroup {
  pending: Pending[];
  writes: WorkshopWrite[];
}

/**
 * A batch by workshop, in order. Consecutive writes of one workshop merge into one write; a write that does
 * not continue the one before stays separate (the store refuses it, and with it that workshop's part).
 */
function groupByWorkshop(batch: readonly Pending[]): WorkshopGroup[] {
  const groups = new Map<string, WorkshopGroup>();
  for (const p of batch) {
    const w = p.write;
    let g = groups.get(w.workshopId);
    if (!g) {
      g = { pending: [], writes: [] };
      groups.set(w.workshopId, g);
    }
    g.pending.push(p);
    const prev = g.writes.at(-1);
    if (prev && prev.fromSeq + prev.events.length === w.fromSeq) {
      prev.events.push(...w.events);
      prev.ops.push(...w.ops);
    } else {
      g.writes.push({ ...w, events: [...w.events], ops: [...w.ops] });
    }
  }
  return [...groups.values()];
}
