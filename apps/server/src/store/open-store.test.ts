import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { MIGRATION_TABLE, migrateSqlite } from './migrate.ts';
import { openStore } from './open-store.ts';
import { PostgresStore } from './postgres-store.ts';
import { TEST_DATABASE_URL, serverPostgres } from './postgres-test-databases.ts';
import { SqliteStore } from './sqlite-store.ts';

const TOO_NEW = /the database schema is newer than this Fokus \(migration 9999_from_the_future\)/;

it('opens the SQLite file in the data folder, migrated and ready, without DATABASE_URL', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fokus-open-'));
  const store = await openStore({ databaseUrl: null, dataDir });
  expect(store).toBeInstanceOf(SqliteStore);
  expect(existsSync(join(dataDir, 'fokus.db'))).toBe(true);
  await store.probe();
  await store.close();
});

it('refuses to open a SQLite file from a newer Fokus', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fokus-open-'));
  await migrateSqlite(join(dataDir, 'fokus.db'));
  const db = new Database(join(dataDir, 'fokus.db'));
  db.prepare(`INSERT INTO ${MIGRATION_TABLE} (name, timestamp) VALUES ('9999_from_the_future', ?)`).run(new Date().toISOString());
  db.close();
  await expect(openStore({ databaseUrl: null, dataDir })).rejects.toThrow(TOO_NEW);
});

it('fails to open a PostgreSQL nobody listens at, rather than hanging', async () => {
  await expect(openStore({ databaseUrl: 'postgres://fokus@127.0.0.1:1/fokus', dataDir: '/nonexistent' })).rejects.toThrow();
});

const server = await serverPostgres();
if (server) {
  afterAll(() => server.close());
  it('opens PostgreSQL from DATABASE_URL, migrated, and refuses it once it is from a newer Fokus', async () => {
    const schema = await server.fresh();
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema.name}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'fokus-open-'));
    const store = await openStore({ databaseUrl: url.href, dataDir });
    expect(store).toBeInstanceOf(PostgresStore);
    await store.probe();
    await store.close();
    // It used the schema named in the address, and no data folder.
    const pool = schema.pool() as unknown as { query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>; end(): Promise<void> };
    expect((await pool.query('SELECT id FROM health')).rows).toEqual([{ id: 1 }]);
    expect(existsSync(join(dataDir, 'fokus.db'))).toBe(false);
    await pool.query(`INSERT INTO ${MIGRATION_TABLE} (name, timestamp) VALUES ('9999_from_the_future', $1)`, [new Date().toISOString()]);
    await pool.end();
    await expect(openStore({ databaseUrl: url.href, dataDir })).rejects.toThrow(TOO_NEW);
  });
} else it.skip(`openStore on PostgreSQL — ${TEST_DATABASE_URL} unreachable`, () => {});
