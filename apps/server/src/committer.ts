import type { WorkshopStore, WorkshopWrite } from './store/store.ts';

interface Pending {
  write: WorkshopWrite;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: every write submitted in the same turn of the event loop (from any workshop) goes to the
 * store in one transaction, so a burst of votes costs one fsync, not one each. Nothing is acknowledged
 * before its batch is durable; a failed batch fails every command in it.
 */
export class Committer {
  private queue: Pending[] = [];
  private scheduled = false;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly store: WorkshopStore) {}

  submit(write: WorkshopWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          // One batch at a time: a slow store collects the next batch meanwhile.
          this.running = this.running.then(() => this.flush());
        });
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      await this.store.commit(mergeWrites(batch.map((p) => p.write)));
      for (const p of batch) p.resolve();
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
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

/** Consecutive writes of one workshop become one write, keeping the log's order. */
function mergeWrites(writes: WorkshopWrite[]): WorkshopWrite[] {
  const byWorkshop = new Map<string, WorkshopWrite>();
  for (const w of writes) {
    const prev = byWorkshop.get(w.workshopId);
    if (prev && prev.fromSeq + prev.events.length === w.fromSeq) {
      prev.events.push(...w.events);
      prev.ops.push(...w.ops);
    } else if (!prev) {
      byWorkshop.set(w.workshopId, { ...w, events: [...w.events], ops: [...w.ops] });
    } else {
      throw new Error(`non-contiguous writes for workshop ${w.workshopId}`);
    }
  }
  return [...byWorkshop.values()];
}
