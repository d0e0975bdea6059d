import Database from 'better-sqlite3';
import type { WorkshopEvent } from '@fokus/core';
import type { OpRecord, StoredEvent, WorkshopRecord, WorkshopStore, WorkshopWrite } from './store.ts';
import { StoreConflictError } from './store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  key_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  workshop_id TEXT NOT NULL REFERENCES workshops(id),
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (workshop_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ops (
  workshop_id TEXT NOT NULL REFERENCES workshops(id),
  actor TEXT NOT NULL,
  op_id TEXT NOT NULL,
  result TEXT NOT NULL,
  PRIMARY KEY (workshop_id, actor, op_id)
) WITHOUT ROWID;
`;

interface WorkshopRow {
  id: string;
  code: string;
  key_hash: string;
  created_at: number;
}

const toRecord = (r: WorkshopRow): WorkshopRecord => ({ id: r.id, code: r.code, keyHash: r.key_hash, createdAt: r.created_at });

/**
 * The embedded default store. better-sqlite3 is synchronous, so a commit is durable (WAL, synchronous=FULL)
 * by the time the promise resolves; the server batches many commands into one commit.
 */
export class SqliteStore implements WorkshopStore {
  private readonly db: Database.Database;
  private readonly stmts;
  private readonly commitTx: (writes: readonly WorkshopWrite[]) => void;

  constructor(file: string) {
    this.db = new Database(file);
    // Set on every open: these pragmas are per connection, not stored in the file.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.stmts = {
      insertWorkshop: this.db.prepare('INSERT INTO workshops (id, code, key_hash, created_at) VALUES (?, ?, ?, ?)'),
      insertEvent: this.db.prepare('INSERT INTO events (workshop_id, seq, type, data) VALUES (?, ?, ?, ?)'),
      insertOp: this.db.prepare('INSERT INTO ops (workshop_id, actor, op_id, result) VALUES (?, ?, ?, ?)'),
      lastSeq: this.db.prepare('SELECT MAX(seq) AS seq FROM events WHERE workshop_id = ?'),
      byCode: this.db.prepare('SELECT * FROM workshops WHERE code = ?'),
      byId: this.db.prepare('SELECT * FROM workshops WHERE id = ?'),
      all: this.db.prepare('SELECT * FROM workshops ORDER BY created_at'),
      events: this.db.prepare('SELECT seq, data FROM events WHERE workshop_id = ? ORDER BY seq'),
      ops: this.db.prepare('SELECT actor, op_id, result FROM ops WHERE workshop_id = ?'),
    };
    this.commitTx = this.db.transaction((writes: readonly WorkshopWrite[]) => this.writeAll(writes));
  }

  private readonly writeAll = (writes: readonly WorkshopWrite[]) => {
    for (const w of writes) {
      const last = (this.stmts.lastSeq.get(w.workshopId) as { seq: number | null }).seq ?? 0;
      // The log is append-only and gap-free: a write that doesn't continue it is a bug upstream.
      if (w.events.length > 0 && w.fromSeq !== last + 1) {
        throw new StoreConflictError(`workshop ${w.workshopId}: expected seq ${last + 1}, got ${w.fromSeq}`);
      }
      w.events.forEach((e, i) => this.stmts.insertEvent.run(w.workshopId, w.fromSeq + i, e.type, JSON.stringify(e)));
      for (const op of w.ops) this.stmts.insertOp.run(w.workshopId, op.actor, op.opId, op.result);
    }
  };

  async createWorkshop(record: WorkshopRecord, first: WorkshopWrite): Promise<void> {
    this.db.transaction(() => {
      this.stmts.insertWorkshop.run(record.id, record.code, record.keyHash, record.createdAt);
      this.writeAll([first]);
    })();
  }

  async commit(writes: readonly WorkshopWrite[]): Promise<void> {
    if (writes.length > 0) this.commitTx(writes);
  }

  async findByCode(code: string): Promise<WorkshopRecord | null> {
    const row = this.stmts.byCode.get(code) as WorkshopRow | undefined;
    return row ? toRecord(row) : null;
  }

  async findById(id: string): Promise<WorkshopRecord | null> {
    const row = this.stmts.byId.get(id) as WorkshopRow | undefined;
    return row ? toRecord(row) : null;
  }

  async listWorkshops(): Promise<WorkshopRecord[]> {
    return (this.stmts.all.all() as WorkshopRow[]).map(toRecord);
  }

  async loadEvents(workshopId: string): Promise<StoredEvent[]> {
    const rows = this.stmts.events.all(workshopId) as { seq: number; data: string }[];
    return rows.map((r) => ({ seq: r.seq, event: JSON.parse(r.data) as WorkshopEvent }));
  }

  async loadOps(workshopId: string): Promise<OpRecord[]> {
    const rows = this.stmts.ops.all(workshopId) as { actor: string; op_id: string; result: string }[];
    return rows.map((r) => ({ actor: r.actor, opId: r.op_id, result: r.result }));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
