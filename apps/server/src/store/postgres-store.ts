import type { StoredSeries, WorkshopEvent } from '@fokus/core';
import { upgradeSeries } from '@fokus/core';
import type { ColumnType, PostgresPool, Transaction } from 'kysely';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { BrokenLogError } from '../unavailable.ts';
import { migrate } from './migrate.ts';
import type { SeriesRecord, SeriesRoomLink, StoredEvent, StoredOp, WorkshopRecord, WorkshopStore, WorkshopWrite } from './store.ts';
import { StoreConflictError } from './store.ts';

/** BIGINT: pg reads it as a string (it may outgrow a number), PGlite as a number; Fokus's values are milliseconds and seqs. */
type Int8 = ColumnType<string | number, number, number>;

interface Tables {
  workshops: { id: string; code: string; key_hash: string; created_at: Int8; updated_at: Int8 | null };
  events: { workshop_id: string; seq: Int8; type: string; data: string };
  ops: { workshop_id: string; actor: string; op_id: string; result: string; created_at: Int8 };
  series: { id: string; key_hash: string; created_at: Int8; revision: number; schema: number; data: string };
  series_rooms: { series_id: string; room_id: string; workshop_id: string | null };
  health: { id: number; at: Int8 };
}
type Db = Kysely<Tables>;
type Tx = Transaction<Tables>;

/** Where the store's database is: a postgres:// address, or a pool made elsewhere (tests: a schema of their own). */
export type PostgresSource = string | { pool: PostgresPool };

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters however wide a row is. */
const CHUNK = 1000;
const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
};

const toRecord = (r: { id: string; code: string; key_hash: string; created_at: string | number }): WorkshopRecord => ({
  id: r.id,
  code: r.code,
  keyHash: r.key_hash,
  createdAt: Number(r.created_at),
});

/**
 * What PostgreSQL's refusal means here. unique_violation: the seq or the op id was taken by another writer between
 * our check and our insert, or the workshop or series exists. deadlock_detected: PostgreSQL aborted us to let a
 * crossing writer on. Both are a lost race: reload and decide again.
 */
function asConflict(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === '23505' || code === '40P01') {
    const detail = (err as { detail?: string }).detail;
    return new StoreConflictError(`conflict: ${(err as Error).message}${detail ? ` (${detail})` : ''}`);
  }
  return err;
}

function parseEvent(workshopId: string, row: { seq: number; data: string }): WorkshopEvent {
  try {
    return JSON.parse(row.data) as WorkshopEvent;
  } catch (err) {
    throw new BrokenLogError(workshopId, row.seq, err);
  }
}

/**
 * The store for several Fokus processes sharing one database: PostgreSQL through Kysely and pg. Every commit is
 * one transaction that locks its workshops' rows (in id order, so two batches never deadlock each other), checks
 * that each write continues its log, and inserts; the (workshop_id, seq) and (workshop_id, actor, op_id) keys
 * refuse what a check could not see. Open with `PostgresStore.open`, which migrates first.
 */
export class PostgresStore implements WorkshopStore {
  private constructor(private readonly db: Db) {}

  /** Connects and runs the migrations; rejects (and closes the pool) if they fail or the schema is newer than this code. */
  static async open(source: PostgresSource): Promise<PostgresStore> {
    let pool: PostgresPool;
    if (typeof source === 'string') {
      const own = new pg.Pool({ connectionString: source, connectionTimeoutMillis: 10_000 });
      // An idle connection that breaks (a restarted server) is an 'error' event; unheard it would end the process.
      // The next query that needs a connection gets a new one, or the error.
      own.on('error', () => undefined);
      pool = own;
    } else pool = source.pool;
    const db: Db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    try {
      await migrate(db, 'postgres');
    } catch (err) {
      await db.destroy();
      throw err;
    }
    return new PostgresStore(db);
  }

  private async transaction<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } catch (err) {
      throw asConflict(err);
    }
  }

  /**
   * Erasure's second half. VACUUM removes the dead row versions (and their TOAST) that still hold the deleted or
   * rewritten text, so no query, index or snapshot can reach them; it cannot run in a transaction. It does not zero
   * the bytes: PostgreSQL has no secure_delete, and the text stays in the table's data file until its space is
   * reused (checked on PostgreSQL 15; VACUUM FULL removes it but locks the table against every room's commits
   * while it rewrites it). PostgreSQL's WAL segments, a replica's, and backups keep the old text until they are
   * rotated out: set their retention to match the promise made to participants.
   */
  private async vacuum(tables: readonly (keyof Tables)[]): Promise<void> {
    await sql.raw(`VACUUM ${tables.join(', ')}`).execute(this.db);
  }

  async createWorkshop(record: WorkshopRecord, first: WorkshopWrite): Promise<void> {
    await this.transaction(async (trx) => {
      await trx
        .insertInto('workshops')
        .values({ id: record.id, code: record.code, key_hash: record.keyHash, created_at: record.createdAt, updated_at: record.createdAt })
        .execute();
      await append(trx, { ...first, at: first.at ?? record.createdAt });
    });
  }

  async commit(writes: readonly WorkshopWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.transaction(async (trx) => {
      const ids = [...new Set(writes.map((w) => w.workshopId))].sort();
      const locked = await trx.selectFrom('workshops').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
      if (locked.length !== ids.length) {
        const missing = ids.filter((id) => !locked.some((r) => r.id === id));
        throw new StoreConflictError(`conflict: no workshop ${missing.join(', ')}`);
      }
      for (const w of writes) await append(trx, w);
    });
  }

  async findByCode(code: string): Promise<WorkshopRecord | null> {
    const row = await this.db.selectFrom('workshops').select(['id', 'code', 'key_hash', 'created_at']).where('code', '=', code).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async listIdle(before: number): Promise<WorkshopRecord[]> {
    // float8: `before` may be Infinity (everything) or a fraction, which a BIGINT parameter refuses.
    const rows = await this.db
      .selectFrom('workshops')
      .select(['id', 'code', 'key_hash', 'created_at'])
      .where(sql<boolean>`COALESCE(updated_at, created_at) < ${before}::float8`)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  async loadEvents(workshopId: string, afterSeq = 0): Promise<StoredEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .select(['seq', 'data'])
      .where('workshop_id', '=', workshopId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .execute();
    return rows.map((r) => {
      const seq = Number(r.seq);
      return { seq, event: parseEvent(workshopId, { seq, data: r.data }) };
    });
  }

  async loadOps(workshopId: string, since?: number): Promise<StoredOp[]> {
    let query = this.db.selectFrom('ops').select(['actor', 'op_id', 'result', 'created_at']).where('workshop_id', '=', workshopId);
    if (since !== undefined) query = query.where(sql<boolean>`created_at >= ${since}::float8`);
    const rows = await query.orderBy('created_at').orderBy('actor').orderBy('op_id').execute();
    return rows.map((r) => ({ actor: r.actor, opId: r.op_id, result: r.result, at: Number(r.created_at) }));
  }

  async findOp(workshopId: string, actor: string, opId: string): Promise<StoredOp | null> {
    const r = await this.db
      .selectFrom('ops')
      .select(['actor', 'op_id', 'result', 'created_at'])
      .where('workshop_id', '=', workshopId)
      .where('actor', '=', actor)
      .where('op_id', '=', opId)
      .executeTakeFirst();
    return r ? { actor: r.actor, opId: r.op_id, result: r.result, at: Number(r.created_at) } : null;
  }

  async deleteWorkshop(workshopId: string): Promise<void> {
    await this.transaction(async (trx) => {
      await trx.deleteFrom('ops').where('workshop_id', '=', workshopId).execute();
      await trx.deleteFrom('events').where('workshop_id', '=', workshopId).execute();
      // Its series rooms keep pointing nowhere: series_rooms.workshop_id is ON DELETE SET NULL.
      await trx.deleteFrom('workshops').where('id', '=', workshopId).execute();
    });
    await this.vacuum(['ops', 'events', 'workshops', 'series_rooms']);
  }

  async rewriteEvents(workshopId: string, events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.transaction(async (trx) => {
      for (const { seq, event } of events) {
        const done = await trx
          .updateTable('events')
          .set({ type: event.type, data: JSON.stringify(event) })
          .where('workshop_id', '=', workshopId)
          .where('seq', '=', seq)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw new StoreConflictError(`conflict: workshop ${workshopId}: no event ${seq} to rewrite`);
      }
    });
    await this.vacuum(['events']);
  }

  async pruneOps(before: number): Promise<number> {
    const done = await this.db.deleteFrom('ops').where(sql<boolean>`created_at < ${before}::float8`).executeTakeFirst();
    return Number(done.numDeletedRows);
  }

  async createSeries(record: SeriesRecord): Promise<void> {
    if (record.revision !== 1) throw new StoreConflictError('conflict: a new series starts at revision 1');
    await this.transaction(async (trx) => {
      await trx
        .insertInto('series')
        .values({
          id: record.id,
          key_hash: record.keyHash,
          created_at: record.createdAt,
          revision: 1,
          schema: record.series.schema,
          data: JSON.stringify(record.series),
        })
        .execute();
      await linkRooms(trx, record);
    });
  }

  async updateSeries(record: SeriesRecord): Promise<void> {
    await this.transaction(async (trx) => {
      const done = await trx
        .updateTable('series')
        .set({ revision: record.revision, schema: record.series.schema, data: JSON.stringify(record.series) })
        .where('id', '=', record.id)
        .where('revision', '=', record.revision - 1)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw new StoreConflictError(`conflict: series ${record.id}: not at revision ${record.revision - 1}`);
      await linkRooms(trx, record);
    });
  }

  async findSeries(seriesId: string): Promise<SeriesRecord | null> {
    const row = await this.db.selectFrom('series').select(['id', 'key_hash', 'created_at', 'revision', 'data']).where('id', '=', seriesId).executeTakeFirst();
    if (!row) return null;
    // Written by this store from a checked document: the parse boundary is here.
    const series = upgradeSeries(JSON.parse(row.data) as StoredSeries);
    return { id: row.id, keyHash: row.key_hash, createdAt: Number(row.created_at), revision: Number(row.revision), series };
  }

  async seriesRooms(seriesId: string): Promise<SeriesRoomLink[]> {
    const rows = await this.db.selectFrom('series_rooms').select(['room_id', 'workshop_id']).where('series_id', '=', seriesId).orderBy('room_id').execute();
    return rows.map((r) => ({ roomId: r.room_id, workshopId: r.workshop_id }));
  }

  async deleteSeries(seriesId: string): Promise<void> {
    await this.transaction(async (trx) => {
      await trx.deleteFrom('series_rooms').where('series_id', '=', seriesId).execute();
      await trx.deleteFrom('series').where('id', '=', seriesId).execute();
    });
    await this.vacuum(['series', 'series_rooms']);
  }

  /** One row rewritten in a commit of its own: durable when it resolves (synchronous_commit is on by default). */
  async probe(): Promise<void> {
    await this.db
      .insertInto('health')
      .values({ id: 1, at: Date.now() })
      .onConflict((oc) => oc.column('id').doUpdateSet({ at: (eb) => eb.ref('excluded.at') }))
      .execute();
  }

  /** Ends the pool, whoever made it. */
  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** One write, inside a transaction that has locked its workshop's row: continue the log or refuse. */
async function append(trx: Tx, w: WorkshopWrite): Promise<void> {
  if (w.events.length > 0) {
    const row = await trx
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('last'))
      .where('workshop_id', '=', w.workshopId)
      .executeTakeFirst();
    const last = Number(row?.last ?? 0);
    if (w.fromSeq !== last + 1) throw new StoreConflictError(`conflict: workshop ${w.workshopId}: expected seq ${last + 1}, got ${w.fromSeq}`);
    for (const part of chunks(w.events.map((event, i) => ({ event, seq: w.fromSeq + i })))) {
      await trx
        .insertInto('events')
        .values(part.map(({ event, seq }) => ({ workshop_id: w.workshopId, seq, type: event.type, data: JSON.stringify(event) })))
        .execute();
    }
  }
  const at = w.at ?? Date.now();
  for (const part of chunks(w.ops)) {
    await trx
      .insertInto('ops')
      .values(part.map((op) => ({ workshop_id: w.workshopId, actor: op.actor, op_id: op.opId, result: op.result, created_at: at })))
      .execute();
  }
  await trx
    .updateTable('workshops')
    .set({ updated_at: sql<number>`GREATEST(COALESCE(updated_at, 0), ${at}::bigint)` })
    .where('id', '=', w.workshopId)
    .execute();
}

/** New rooms get their link (none if their workshop is not stored); a known room keeps its own, null once erased. */
async function linkRooms(trx: Tx, record: SeriesRecord): Promise<void> {
  const rooms = record.series.rooms;
  if (rooms.length === 0) return;
  await trx
    .insertInto('series_rooms')
    .values(
      rooms.map((room) => ({
        series_id: record.id,
        room_id: room.id,
        workshop_id: trx.selectFrom('workshops').select('id').where('id', '=', room.workshopId),
      })),
    )
    .onConflict((oc) => oc.columns(['series_id', 'room_id']).doNothing())
    .execute();
}
