import type { OpRecord, StoredEvent, WorkshopRecord, WorkshopStore, WorkshopWrite } from './store.ts';
import { StoreConflictError } from './store.ts';

/** A store in memory: for tests, and the reference the contract suite holds the others to. */
export class MemoryStore implements WorkshopStore {
  private readonly workshops = new Map<string, WorkshopRecord>();
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly ops = new Map<string, OpRecord[]>();

  async createWorkshop(record: WorkshopRecord, first: WorkshopWrite): Promise<void> {
    if (this.workshops.has(record.id) || [...this.workshops.values()].some((w) => w.code === record.code)) {
      throw new StoreConflictError('workshop exists');
    }
    this.workshops.set(record.id, record);
    this.events.set(record.id, []);
    this.ops.set(record.id, []);
    await this.commit([first]);
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
      w.events.forEach((event, i) => log.push({ seq: w.fromSeq + i, event: structuredClone(event) }));
      (this.ops.get(w.workshopId) as OpRecord[]).push(...w.ops);
    }
  }

  async findByCode(code: string): Promise<WorkshopRecord | null> {
    return [...this.workshops.values()].find((w) => w.code === code) ?? null;
  }

  async findById(id: string): Promise<WorkshopRecord | null> {
    return this.workshops.get(id) ?? null;
  }

  async listWorkshops(): Promise<WorkshopRecord[]> {
    return [...this.workshops.values()];
  }

  async loadEvents(workshopId: string): Promise<StoredEvent[]> {
    return structuredClone(this.events.get(workshopId) ?? []);
  }

  async loadOps(workshopId: string): Promise<OpRecord[]> {
    return [...(this.ops.get(workshopId) ?? [])];
  }

  async close(): Promise<void> {}
}
