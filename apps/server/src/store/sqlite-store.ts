import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { StoredSeries, WorkshopEvent } from '@fokus/core';
import { upgradeSeries } from '@fokus/core';
import { openDatabase } from './sqlite-schema.mjs';
import type { SeriesRecord, SeriesRoomLink, StoredEvent, StoredOp, WorkshopRecord, WorkshopStore, WorkshopWrite } from './store.ts';
import { StoreConflictError } from './store.ts';
import { BrokenLogError } from '../unavailable.ts';

interface WorkshopRow {
  id: string;
  code: string;
  key_hash: string;
  created_at: number;
}

type WriterRequest =
  | { kind: 'create'; record: WorkshopRecord; first: WorkshopWrite }
  | { kind: 'commit'; writes: readonly WorkshopWrite[] }
  | { kind: 'delete'; workshopId: string }
  | { kind: 'rewrite'; workshopId: string; events: readonly StoredEvent[] }
  | { kind: 'series-create'; record: SeriesRecord }
  | { kind: 'series-update'; record: SeriesRecord }
  | { kind: 'series-delete'; seriesId: string }
  | { kind: 'prune'; before: number }
  | { kind: 'probe' }
  | { kind: 'pragmas' }
  | { kind: 'close' };
type WriterReply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; message: string };

interface Waiter {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/** A writer thread and the requests waiting for its answer. */
interface Writer {
  worker: Worker;
  waiting: Map<number, Waiter>;
}

/** The writer connection's settings, as it reports them. */
export interface WriterPragmas {
  journal_mode: string;
  synchronous: number;
  secure_delete: number;
  foreign_keys: number;
}

const toRecord = (r: WorkshopRow): WorkshopRecord => ({ id: r.id, code: r.code, keyHash: r.key_hash, createdAt: r.created_at });

/**
 * The embedded default store: SQLite in WAL mode with synchronous=FULL. Writes go to a writer thread
 * (sqlite-writer.worker.mjs), so the fsync of a commit never blocks the event loop; a commit resolves once
 * it is on disk. Reads use this thread's own connection.
 */
export class SqliteStore implements WorkshopStore {
  private readonly db: Database.Database;
  /** Null once it has died: the next request starts a new one. */
  private writer: Writer | null;
  private nextId = 1;
  private failure: Error | null = null;
  private readonly stmts;

  constructor(private readonly file: string) {
    this.db = openDatabase(file);
    this.stmts = {
      byCode: this.db.prepare('SELECT * FROM workshops WHERE code = ?'),
      idle: this.db.prepare('SELECT * FROM workshops WHERE COALESCE(updated_at, created_at) < ? ORDER BY created_at'),
      events: this.db.prepare('SELECT seq, data FROM events WHERE workshop_id = ? ORDER BY seq'),
      ops: this.db.prepare('SELECT actor, op_id, result, created_at FROM ops WHERE workshop_id = ? ORDER BY created_at'),
      series: this.db.prepare('SELECT id, key_hash, created_at, revision, data FROM series WHERE id = ?'),
      seriesRooms: this.db.prepare('SELECT room_id, workshop_id FROM series_rooms WHERE series_id = ?'),
    };
    this.writer = this.startWriter();
  }

  private startWriter(): Writer {
    const writer: Writer = {
      worker: new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), { workerData: { file: this.file } }),
      waiting: new Map(),
    };
    writer.worker.on('message', (reply: WriterReply) => {
      const w = writer.waiting.get(reply.id);
      if (!w) return;
      writer.waiting.delete(reply.id);
      if (reply.ok) w.resolve(reply.value);
      else w.reject(reply.message.startsWith('conflict:') ? new StoreConflictError(reply.message) : new Error(reply.message));
    });
    // A dead writer fails every write waiting on it (whether it landed is unknown: nothing is acknowledged
    // that may not be on disk); the next request starts a new writer.
    const died = (err: Error) => {
      if (this.writer === writer) this.writer = null;
      for (const w of writer.waiting.values()) w.reject(err);
      writer.waiting.clear();
    };
    writer.worker.on('error', died);
    writer.worker.on('exit', (code) => died(new Error(`store writer stopped (${code})`)));
    return writer;
  }

  private request(req: WriterRequest): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    this.writer ??= this.startWriter();
    const writer = this.writer;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      writer.waiting.set(id, { resolve, reject });
      writer.worker.postMessage({ id, ...req });
    });
  }

  async createWorkshop(record: WorkshopRecord, first: WorkshopWrite): Promise<void> {
    await this.request({ kind: 'create', record, first });
  }

  async commit(writes: readonly WorkshopWrite[]): Promise<void> {
    if (writes.length > 0) await this.request({ kind: 'commit', writes });
  }

  async findByCode(code: string): Promise<WorkshopRecord | null> {
    const row = this.stmts.byCode.get(code) as WorkshopRow | undefined;
    return row ? toRecord(row) : null;
  }

  async listIdle(before: number): Promise<WorkshopRecord[]> {
    return (this.stmts.idle.all(before) as WorkshopRow[]).map(toRecord);
  }

  async loadEvents(workshopId: string): Promise<StoredEvent[]> {
    const rows = this.stmts.events.all(workshopId) as { seq: number; data: string }[];
    return rows.map((r) => ({ seq: r.seq, event: parseEvent(workshopId, r) }));
  }

  async loadOps(workshopId: string): Promise<StoredOp[]> {
    const rows = this.stmts.ops.all(workshopId) as { actor: string; op_id: string; result: string; created_at: number }[];
    return rows.map((r) => ({ actor: r.actor, opId: r.op_id, result: r.result, at: r.created_at }));
  }

  async deleteWorkshop(workshopId: string): Promise<void> {
    await this.request({ kind: 'delete', workshopId });
  }

  async rewriteEvents(workshopId: string, events: readonly StoredEvent[]): Promise<void> {
    if (events.length > 0) await this.request({ kind: 'rewrite', workshopId, events });
  }

  async pruneOps(before: number): Promise<number> {
    const pruned = await this.request({ kind: 'prune', before });
    return typeof pruned === 'number' ? pruned : 0;
  }

  async createSeries(record: SeriesRecord): Promise<void> {
    await this.request({ kind: 'series-create', record });
  }

  async updateSeries(record: SeriesRecord): Promise<void> {
    await this.request({ kind: 'series-update', record });
  }

  async findSeries(seriesId: string): Promise<SeriesRecord | null> {
    const row = this.stmts.series.get(seriesId) as { id: string; key_hash: string; created_at: number; revision: number; data: string } | undefined;
    if (!row) return null;
    // Written by this store from a checked document: the parse boundary is here.
    const series = upgradeSeries(JSON.parse(row.data) as StoredSeries);
    return { id: row.id, keyHash: row.key_hash, createdAt: row.created_at, revision: row.revision, series };
  }

  async seriesRooms(seriesId: string): Promise<SeriesRoomLink[]> {
    const rows = this.stmts.seriesRooms.all(seriesId) as { room_id: string; workshop_id: string | null }[];
    return rows.map((r) => ({ roomId: r.room_id, workshopId: r.workshop_id }));
  }

  async deleteSeries(seriesId: string): Promise<void> {
    await this.request({ kind: 'series-delete', seriesId });
  }

  async probe(): Promise<void> {
    await this.request({ kind: 'probe' });
  }

  /** The writer connection's own settings (they are per connection): what the tests hold it to. */
  async writerPragmas(): Promise<WriterPragmas> {
    return (await this.request({ kind: 'pragmas' })) as WriterPragmas;
  }

  async close(): Promise<void> {
    if (!this.failure) {
      if (this.writer) await this.request({ kind: 'close' }).catch(() => undefined);
      this.failure = new Error('store closed');
      await this.writer?.worker.terminate();
    }
    if (this.db.open) this.db.close();
  }
}

function parseEvent(workshopId: string, row: { seq: number; data: string }): WorkshopEvent {
  try {
    return JSON.parse(row.data) as WorkshopEvent;
  } catch (err) {
    throw new BrokenLogError(workshopId, row.seq, err);
  }
}
