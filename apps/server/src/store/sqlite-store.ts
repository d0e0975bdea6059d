import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { StoredSeries, WorkshopEvent } from '@fokus/core';
import { upgradeSeries } from '@fokus/core';
import { migrateSqlite } from './migrate.ts';
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

/** The reading connection's statements: prepared once the migrations have made the tables. */
function prepareReads(db: Database.Database) {
  return {
    byCode: db.prepare('SELECT * FROM workshops WHERE code = ?'),
    idle: db.prepare('SELECT * FROM workshops WHERE COALESCE(updated_at, created_at) < ? ORDER BY created_at'),
    events: db.prepare('SELECT seq, data FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq'),
    ops: db.prepare('SELECT actor, op_id, result, created_at FROM ops WHERE workshop_id = ? ORDER BY created_at'),
    opsSince: db.prepare('SELECT actor, op_id, result, created_at FROM ops WHERE workshop_id = ? AND created_at >= ? ORDER BY created_at'),
    op: db.prepare('SELECT actor, op_id, result, created_at FROM ops WHERE workshop_id = ? AND actor = ? AND op_id = ?'),
    series: db.prepare('SELECT id, key_hash, created_at, revision, data FROM series WHERE id = ?'),
    seriesRooms: db.prepare('SELECT room_id, workshop_id FROM series_rooms WHERE series_id = ?'),
  };
}
type Reads = ReturnType<typeof prepareReads>;

/**
 * The embedded default store: SQLite in WAL mode with synchronous=FULL. Writes go to a writer thread
 * (sqlite-writer.worker.mjs), so the fsync of a commit never blocks the event loop; a commit resolves once
 * it is on disk. Reads use this thread's own connection.
 *
 * Construction is synchronous, opening is not: `ready` migrates the file (migrate.ts), then prepares the reads
 * and starts the writer. Every method waits for it; if it fails (a schema newer than this code, a broken file)
 * every call rejects with its error. Await `ready` to fail at startup rather than at the first request.
 */
export class SqliteStore implements WorkshopStore {
  readonly ready: Promise<void>;
  private readonly db: Database.Database;
  /** Null before `ready`, and once it has died: the next request starts a new one. */
  private writer: Writer | null = null;
  private nextId = 1;
  private failure: Error | null = null;
  private stmts: Reads | null = null;

  constructor(private readonly file: string) {
    const db = openDatabase(file);
    this.db = db;
    this.ready = (async () => {
      await migrateSqlite(file);
      this.stmts = prepareReads(db);
      this.writer = this.startWriter();
    })();
    // Nobody may be awaiting it yet: its rejection is reported by every call instead of as unhandled.
    this.ready.catch(() => undefined);
  }

  /** The reads, once the store is ready. */
  private async reads(): Promise<Reads> {
    await this.ready;
    if (this.failure) throw this.failure;
    return this.stmts as Reads;
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

  private async request(req: WriterRequest): Promise<unknown> {
    await this.ready;
    if (this.failure) throw this.failure;
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
    const row = (await this.reads()).byCode.get(code) as WorkshopRow | undefined;
    return row ? toRecord(row) : null;
  }

  async listIdle(before: number): Promise<WorkshopRecord[]> {
    return ((await this.reads()).idle.all(before) as WorkshopRow[]).map(toRecord);
  }

  async loadEvents(workshopId: string, afterSeq = 0): Promise<StoredEvent[]> {
    const rows = (await this.reads()).events.all(workshopId, afterSeq) as { seq: number; data: string }[];
    return rows.map((r) => ({ seq: r.seq, event: parseEvent(workshopId, r) }));
  }

  async loadOps(workshopId: string, since?: number): Promise<StoredOp[]> {
    const reads = await this.reads();
    const rows = (since === undefined ? reads.ops.all(workshopId) : reads.opsSince.all(workshopId, since)) as {
      actor: string;
      op_id: string;
      result: string;
      created_at: number;
    }[];
    return rows.map((r) => ({ actor: r.actor, opId: r.op_id, result: r.result, at: r.created_at }));
  }

  async findOp(workshopId: string, actor: string, opId: string): Promise<StoredOp | null> {
    const r = (await this.reads()).op.get(workshopId, actor, opId) as { actor: string; op_id: string; result: string; created_at: number } | undefined;
    return r ? { actor: r.actor, opId: r.op_id, result: r.result, at: r.created_at } : null;
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
    const row = (await this.reads()).series.get(seriesId) as { id: string; key_hash: string; created_at: number; revision: number; data: string } | undefined;
    if (!row) return null;
    // Written by this store from a checked document: the parse boundary is here.
    const series = upgradeSeries(JSON.parse(row.data) as StoredSeries);
    return { id: row.id, keyHash: row.key_hash, createdAt: row.created_at, revision: row.revision, series };
  }

  async seriesRooms(seriesId: string): Promise<SeriesRoomLink[]> {
    const rows = (await this.reads()).seriesRooms.all(seriesId) as { room_id: string; workshop_id: string | null }[];
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
    await this.ready.catch(() => undefined);
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
