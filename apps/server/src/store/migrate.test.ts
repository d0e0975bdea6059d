import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATION_TABLE, SchemaTooNewError, migrate, migrateSqlite } from './migrate.ts';
import type { Migration } from './migrations.ts';
import { MIGRATIONS } from './migrations.ts';
import { PostgresStore } from './postgres-store.ts';
import type { TestPostgres, TestSchema } from './postgres-test-databases.ts';
import { onEveryPostgres } from './postgres-test-databases.ts';
import { SqliteStore } from './sqlite-store.ts';

const ALL = MIGRATIONS.map((m) => m.name);
const TOO_NEW = /the database schema is newer than this Fokus \(migration 9999_from_the_future\): upgrade Fokus or use the matching database/;
const newFile = () => join(mkdtempSync(join(tmpdir(), 'fokus-migrate-')), 'fokus.db');
const vote = { type: 'vote.added', participantId: 'p', ideaId: 'i' };
const joinedAt = (at: number) => JSON.stringify({ type: 'participant.joined', participantId: 'p', name: 'Åsa', organisation: '', tokenHash: 't', at });

/** The schema exactly as sqlite-schema.mjs made it on every open before the migrator (up to db232ba). */
const PRE_MIGRATOR_SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, key_hash TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER);
CREATE TABLE IF NOT EXISTS events (workshop_id TEXT NOT NULL REFERENCES workshops(id), seq INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (workshop_id, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ops (workshop_id TEXT NOT NULL REFERENCES workshops(id), actor TEXT NOT NULL, op_id TEXT NOT NULL, result TEXT NOT NULL, created_at INTEGER, PRIMARY KEY (workshop_id, actor, op_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS series (id TEXT PRIMARY KEY, key_hash TEXT NOT NULL, created_at INTEGER NOT NULL, revision INTEGER NOT NULL, schema INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS series_rooms (series_id TEXT NOT NULL REFERENCES series(id), room_id TEXT NOT NULL, workshop_id TEXT REFERENCES workshops(id) ON DELETE SET NULL, PRIMARY KEY (series_id, room_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS series_rooms_workshop ON series_rooms (workshop_id);
CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY CHECK (id = 1), at INTEGER NOT NULL);
`;

const ranInFile = (file: string) => {
  const db = new Database(file, { readonly: true });
  const names = (db.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  db.close();
  return names;
};

describe('SQLite migrations', () => {
  it('make every table in an empty file, once', async () => {
    const file = newFile();
    expect(await migrateSqlite(file)).toEqual(ALL);
    expect(await migrateSqlite(file)).toEqual([]);
    expect(ranInFile(file)).toEqual(ALL);
    const db = new Database(file, { readonly: true });
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(['events', MIGRATION_TABLE, 'fokus_migration_lock', 'health', 'ops', 'series', 'series_rooms', 'workshops']);
    const columns = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
    expect(columns('workshops')).toEqual(['id', 'code', 'key_hash', 'created_at', 'updated_at']);
    expect(columns('ops')).toEqual(['workshop_id', 'actor', 'op_id', 'result', 'created_at']);
    db.close();
  });

  it('adopt a data folder made by the schema before the migrator, its data and values untouched', async () => {
    const file = newFile();
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(PRE_MIGRATOR_SCHEMA);
    old.prepare('INSERT INTO workshops VALUES (?, ?, ?, ?, ?)').run('w1', 'ABCDEF', 'h', 1000, 7000);
    // An event newer than updated_at: a backfill run again would move the last activity to 9000.
    old.prepare('INSERT INTO events VALUES (?, ?, ?, ?)').run('w1', 1, 'participant.joined', joinedAt(9000));
    old.prepare('INSERT INTO ops VALUES (?, ?, ?, ?, ?)').run('w1', 'p', 'o1', '{"ok":true}', 1234);
    old.prepare('INSERT INTO series VALUES (?, ?, ?, ?, ?, ?)').run('s1', 'k', 1, 1, 1, '{}');
    old.prepare('INSERT INTO series_rooms VALUES (?, ?, ?)').run('s1', 'r1', 'w1');
    old.prepare('INSERT INTO health VALUES (1, 5)').run();
    old.close();

    const store = new SqliteStore(file);
    await store.ready;
    expect(ranInFile(file)).toEqual(ALL);
    expect((await store.listIdle(7001)).map((w) => w.id)).toEqual(['w1']);
    expect(await store.loadOps('w1')).toEqual([{ actor: 'p', opId: 'o1', result: '{"ok":true}', at: 1234 }]);
    expect(await store.seriesRooms('s1')).toEqual([{ roomId: 'r1', workshopId: 'w1' }]);
    await store.commit([{ workshopId: 'w1', fromSeq: 2, events: [vote as never], ops: [], at: 8000 }]);
    expect((await store.loadEvents('w1')).map((e) => e.seq)).toEqual([1, 2]);
    await store.probe();
    await store.close();
  });

  it('refuse a file that has run a migration this code does not know: ready and every call reject, clearly', async () => {
    const file = newFile();
    await migrateSqlite(file);
    const db = new Database(file);
    db.prepare(`INSERT INTO ${MIGRATION_TABLE} (name, timestamp) VALUES (?, ?)`).run('9999_from_the_future', new Date().toISOString());
    db.close();
    const store = new SqliteStore(file);
    await expect(store.ready).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(store.ready).rejects.toThrow(TOO_NEW);
    await expect(store.loadEvents('w1')).rejects.toThrow(TOO_NEW);
    await expect(store.probe()).rejects.toThrow(TOO_NEW);
    await store.close();
    // Nothing was changed: the newer Fokus finds its file as it left it.
    expect(ranInFile(file)).toEqual([...ALL, '9999_from_the_future']);
  });

  it('run as one transaction: a failing migration leaves nothing of the run behind', async () => {
    const file = newFile();
    const broken: Migration[] = [
      MIGRATIONS[0] as Migration,
      { name: '0002_broken', sqlite: ['CREATE TABLE half (a INTEGER)', 'INSERT INTO nowhere VALUES (1)'], postgres: [] },
    ];
    await expect(migrateSqlite(file, {}, broken)).rejects.toThrow(/0002_broken failed: no such table: nowhere/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all()).toEqual([]);
    db.close();
    // The same file then migrates in full.
    expect(await migrateSqlite(file)).toEqual(ALL);
  });

  it('migrate once when two stores open the same new file at the same time', async () => {
    const file = newFile();
    const stores = [new SqliteStore(file), new SqliteStore(file)];
    await Promise.all(stores.map((s) => s.ready));
    expect(ranInFile(file)).toEqual(ALL);
    for (const s of stores) await s.close();
  });
});

/** The migration tests every PostgreSQL runs: each on a schema of its own. */
function postgresMigrations(label: string, postgres: () => TestPostgres) {
  const kyselyOn = (schema: TestSchema) => new Kysely<object>({ dialect: new PostgresDialect({ pool: schema.pool() }) });
  const ran = async (db: Kysely<object>) => (await sql<{ name: string }>`SELECT name FROM fokus_migration ORDER BY name`.execute(db)).rows.map((r) => r.name);

  describe(`PostgreSQL migrations (${label})`, () => {
    it('make every table in an empty schema, once, with BIGINT times and seqs and TEXT documents', async () => {
      const db = kyselyOn(await postgres().fresh());
      expect(await migrate(db, 'postgres')).toEqual(ALL);
      expect(await migrate(db, 'postgres')).toEqual([]);
      expect(await ran(db)).toEqual(ALL);
      const types = await sql<{ column: string; type: string }>`
        SELECT table_name || '.' || column_name AS column, data_type AS type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name IN ('workshops', 'events', 'ops', 'series', 'health')
        AND column_name IN ('created_at', 'updated_at', 'seq', 'at', 'data')
        ORDER BY 1`.execute(db);
      expect(Object.fromEntries(types.rows.map((r) => [r.column, r.type]))).toEqual({
        'events.data': 'text',
        'events.seq': 'bigint',
        'health.at': 'bigint',
        'ops.created_at': 'bigint',
        'series.created_at': 'bigint',
        'series.data': 'text',
        'workshops.created_at': 'bigint',
        'workshops.updated_at': 'bigint',
      });
      await db.destroy();
    });

    it('fill in last activity and op times for data stored before those columns', async () => {
      const schema = await postgres().fresh();
      const db = kyselyOn(schema);
      expect(await migrate(db, 'postgres', { to: '0001_base' })).toEqual(['0001_base']);
      await sql`INSERT INTO workshops VALUES ('w1', 'ABCDEF', 'h', 1000), ('w2', 'BCDEFG', 'h', 1000)`.execute(db);
      await sql`INSERT INTO events VALUES ('w1', 1, 'participant.joined', ${joinedAt(9000)}), ('w1', 2, 'vote.added', ${JSON.stringify(vote)})`.execute(db);
      await sql`INSERT INTO ops VALUES ('w1', 'p', 'o1', '{}')`.execute(db);
      await db.destroy();
      const before = Date.now();
      const store = await PostgresStore.open({ pool: schema.pool() });
      // The newest timestamped event is the last activity; without one, the creation is.
      expect((await store.listIdle(9000)).map((w) => w.id)).toEqual(['w2']);
      expect((await store.listIdle(9001)).map((w) => w.id)).toEqual(['w1', 'w2']);
      const [op] = await store.loadOps('w1');
      expect(op?.at).toBeGreaterThanOrEqual(before - 1);
      expect(op?.at).toBeLessThanOrEqual(Date.now() + 1);
      await store.close();
    });

    it('open a database one migration behind: run the last one, keep the data', async () => {
      const schema = await postgres().fresh();
      const db = kyselyOn(schema);
      const previous = ALL.at(-2) as string;
      expect(await migrate(db, 'postgres', { to: previous })).toEqual(ALL.slice(0, -1));
      await sql`INSERT INTO workshops VALUES ('w1', 'ABCDEF', 'h', 1000, 1000)`.execute(db);
      await sql`INSERT INTO events VALUES ('w1', 1, 'vote.added', ${JSON.stringify(vote)})`.execute(db);
      await db.destroy();
      const store = await PostgresStore.open({ pool: schema.pool() });
      expect((await store.loadEvents('w1')).map((e) => e.event)).toEqual([vote]);
      await store.probe();
      await store.commit([{ workshopId: 'w1', fromSeq: 2, events: [vote as never], ops: [] }]);
      await store.close();
      const check = kyselyOn(schema);
      expect(await ran(check)).toEqual(ALL);
      await check.destroy();
    });

    it('refuse a database that has run a migration this code does not know, clearly, changing nothing', async () => {
      const schema = await postgres().fresh();
      const db = kyselyOn(schema);
      await migrate(db, 'postgres');
      await sql`INSERT INTO fokus_migration (name, timestamp) VALUES ('9999_from_the_future', ${new Date().toISOString()})`.execute(db);
      await expect(PostgresStore.open({ pool: schema.pool() })).rejects.toThrow(TOO_NEW);
      await expect(migrate(db, 'postgres')).rejects.toBeInstanceOf(SchemaTooNewError);
      expect(await ran(db)).toEqual([...ALL, '9999_from_the_future']);
      await db.destroy();
    });
  });
}

await onEveryPostgres('PostgreSQL migrations', postgresMigrations);
