import type { OpRecord, StoredEvent, StoredOp, WorkshopRecord, WorkshopStore, WorkshopWrite } from './store.ts';
import { StoreConflictError } from './store.ts';

/** A store in memory: for tests, and the reference the contract suite holds the others to. */
export class MemoryStore implements WorkshopStore {
  private readonly workshops = new Map<string, WorkshopRecord>();
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly ops = new Map<string, StoredOp[]>();
  private readonly lastActive = new Map<string, number>();

  async createWorkshop(record: WorkshopRecord, first: WorkshopWrite): Promise<void> {
    if (this.workshops.has(record.id) || [...this.workshops.values()].some((w) => w.code === record.code)) {
      throw new StoreConflictError('workshop exists');
    }
    this.workshops.set(record.id, record);
    this.events.set(record.id, []);
    this.ops.set(record.id, []);
    this.lastActive.set(record.id, record.createdAt);
    await this.commit([{ ...first, at: first.at ?? record.createdAt }]);
  }

  async commit(writes: readonly WorkshopWrite[]): Promise<void> {
    // Check everything first so a failing batch leaves nothing behind.
    const seen = new Map<string, number>();
    for (const w of writes) {
      const log = this.events.get(w.workshopId);
      if (!log) throw new StoreConflictError(`no workshop ${w.workshopId}`);
      const last = seen.get(w.workshopId) ?? log.length;
      if (w.events.length > 0 && w.fromSeq !== last + 1) throw new StoreConflictError(`expected seq ${last + 1}, got ${w.fromSeq}`);
      const known = this.ops.get(w.workshopId) ?? [];
      if (w.ops.some((op) => known.some((k) => k.actor === op.actor && k.opId === op.opId))) throw new StoreConflictError('duplicate op');
      seen.set(w.workshopId, last + w.events.length);
    }
    for (const w of writes) {
      const log = this.events.get(w.workshopId) as StoredEvent[];
      const at = w.at ?? Date.now();
      for (const [i, event] of w.events.entries()) log.push({ seq: w.fromSeq + i, event: structuredClone(event) });
      (this.ops.get(w.workshopId) as StoredOp[]).push(...w.ops.map((op: OpRecord) => ({ ...op, at })));
      this.lastActive.set(w.workshopId, Math.max(this.lastActive.get(w.workshopId) ?? 0, at));
    }
  }

  async findByCode(code: string): Promise<WorkshopRecord | null> {
    return [...this.workshops.values()].find((w) => w.code === code) ?? null;
  }

  async listIdle(before: number): Promise<WorkshopRecord[]> {
    return [...this.workshops.values()].filter((w) => (this.lastActive.get(w.id) ?? w.createdAt) < before);
  }

  async loadEvents(workshopId: string): Promise<StoredEvent[]> {
    return structuredClone(this.events.get(workshopId) ?? []);
  }

  async loadOps(workshopId: string): Promise<StoredOp[]> {
    return (this.ops.get(workshopId) ?? []).map((op) => ({ ...op }));
  }

  async deleteWorkshop(workshopId: string): Promise<void> {
    this.workshops.delete(workshopId);
    this.events.delete(workshopId);
    this.ops.delete(workshopId);
    this.lastActive.delete(workshopId);
  }

  async rewriteEvents(workshopId: string, events: readonly StoredEvent[]): Promise<void> {
    const log = this.events.get(workshopId);
    if (!log) throw new StoreConflictError(`no workshop ${workshopId}`);
    if (events.some((e) => !log[e.seq - 1])) throw new StoreConflictError('rewrite of an event that is not stored');
    for (const e of events) log[e.seq - 1] = { seq: e.seq, event: structuredClone(e.event) };
  }

  async pruneOps(before: number): Promise<number> {
    let pruned = 0;
    for (const [id, ops] of this.ops) {
      const kept = ops.filter((op) => op.at >= before);
      pruned += ops.length - kept.length;
      this.ops.set(id, kept);
    }
    return pruned;
  }

  async probe(): Promise<void> {}

  async close(): Promise<void> {}
}
