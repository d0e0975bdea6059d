import type { OpRecord, SeriesRecord, SeriesRoomLink, StoredEvent, StoredOp, WorkshopRecord, WorkshopStore, WorkshopWrite } from './store.ts';
import { StoreConflictError } from './store.ts';

/** A store in memory: for tests, and the reference the contract suite holds the others to. */
export class MemoryStore implements WorkshopStore {
  private readonly workshops = new Map<string, WorkshopRecord>();
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly ops = new Map<string, StoredOp[]>();
  private readonly lastActive = new Map<string, number>();
  private readonly series = new Map<string, SeriesRecord>();
  /** Per series, its rooms' workshops; a room keeps its link (set to null) when its workshop is erased. */
  private readonly links = new Map<string, SeriesRoomLink[]>();

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

  async loadEvents(workshopId: string, afterSeq = 0): Promise<StoredEvent[]> {
    return structuredClone((this.events.get(workshopId) ?? []).filter((e) => e.seq > afterSeq));
  }

  async loadOps(workshopId: string, since?: number): Promise<StoredOp[]> {
    return (this.ops.get(workshopId) ?? []).filter((op) => since === undefined || op.at >= since).map((op) => ({ ...op }));
  }

  async findOp(workshopId: string, actor: string, opId: string): Promise<StoredOp | null> {
    const op = (this.ops.get(workshopId) ?? []).find((o) => o.actor === actor && o.opId === opId);
    return op ? { ...op } : null;
  }

  async deleteWorkshop(workshopId: string): Promise<void> {
    this.workshops.delete(workshopId);
    this.events.delete(workshopId);
    this.ops.delete(workshopId);
    this.lastActive.delete(workshopId);
    for (const links of this.links.values()) for (const l of links) if (l.workshopId === workshopId) l.workshopId = null;
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

  async createSeries(record: SeriesRecord): Promise<void> {
    if (this.series.has(record.id)) throw new StoreConflictError('series exists');
    if (record.revision !== 1) throw new StoreConflictError('a new series starts at revision 1');
    this.series.set(record.id, structuredClone(record));
    this.links.set(record.id, []);
    this.link(record);
  }

  async updateSeries(record: SeriesRecord): Promise<void> {
    const stored = this.series.get(record.id);
    if (!stored) throw new StoreConflictError(`no series ${record.id}`);
    if (stored.revision !== record.revision - 1) throw new StoreConflictError(`expected revision ${stored.revision + 1}, got ${record.revision}`);
    this.series.set(record.id, { ...structuredClone(record), keyHash: stored.keyHash, createdAt: stored.createdAt });
    this.link(record);
  }

  /** New rooms get their link; a known room keeps its own, so an erased workshop never comes back. */
  private link(record: SeriesRecord): void {
    const links = this.links.get(record.id) as SeriesRoomLink[];
    for (const room of record.series.rooms) {
      if (!links.some((l) => l.roomId === room.id)) links.push({ roomId: room.id, workshopId: this.workshops.has(room.workshopId) ? room.workshopId : null });
    }
  }

  async findSeries(seriesId: string): Promise<SeriesRecord | null> {
    const record = this.series.get(seriesId);
    return record ? structuredClone(record) : null;
  }

  async seriesRooms(seriesId: string): Promise<SeriesRoomLink[]> {
    return (this.links.get(seriesId) ?? []).map((l) => ({ ...l }));
  }

  async deleteSeries(seriesId: string): Promise<void> {
    this.series.delete(seriesId);
    this.links.delete(seriesId);
  }

  async probe(): Promise<void> {}

  async close(): Promise<void> {}
}
