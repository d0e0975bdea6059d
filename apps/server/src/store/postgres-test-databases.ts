// Test support: fresh PostgreSQL schemas for the store's tests, on the real server when one answers, and always on
// an embedded PGlite. Not used by the server.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { PostgresPool } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, it } from 'vitest';
import { PglitePool } from './pglite-pool.ts';

/** One empty schema; every pool made for it works in it, so a store, its twin and a reopen share its tables. */
export interface TestSchema {
  name: string;
  pool(): PostgresPool;
}

/** A PostgreSQL that hands out empty schemas; `close` drops them. */
export interface TestPostgres {
  label: string;
  fresh(): Promise<TestSchema>;
  close(): Promise<void>;
}

const schemaName = () => `fokus_t_${randomBytes(6).toString('hex')}`;

/** An embedded PGlite (a few seconds to start: make one per test file). */
export async function pglitePostgres(): Promise<TestPostgres> {
  const lite = await PGlite.create();
  return {
    label: 'PGlite',
    async fresh() {
      const name = schemaName();
      await lite.query(`CREATE SCHEMA ${name}`);
      return { name, pool: () => new PglitePool(lite, { searchPath: name }) };
    },
    close: () => lite.close(),
  };
}

/** The address tried for a real server: DATABASE_URL, else the local test database. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The real server at TEST_DATABASE_URL, or null (with one log line) when it does not answer within a second. */
export async function serverPostgres(): Promise<TestPostgres | null> {
  const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 1000, max: 2 });
  admin.on('error', () => undefined);
  try {
    await admin.query('SELECT 1');
  } catch (err) {
    console.log(`PostgreSQL at ${TEST_DATABASE_URL} unreachable (${(err as Error).message}): only PGlite is tested`);
    await admin.end();
    return null;
  }
  const made: string[] = [];
  return {
    label: 'PostgreSQL server',
    async fresh() {
      const name = schemaName();
      await admin.query(`CREATE SCHEMA ${name}`);
      made.push(name);
      return {
        name,
        pool: () => {
          const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${name}`, max: 4 });
          pool.on('error', () => undefined);
          return pool;
        },
      };
    },
    async close() {
      for (const name of made) await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await admin.end();
    },
  };
}

/**
 * Declares `suite` for an embedded PGlite (one for the whole file: it takes seconds to start) and, when one answers,
 * for the real server; otherwise a skipped test says which address did not answer. `what` names the suite.
 */
export async function onEveryPostgres(what: string, suite: (label: 'PGlite' | 'server', postgres: () => TestPostgres) => void): Promise<void> {
  let lite: TestPostgres | null = null;
  beforeAll(async () => {
    lite = await pglitePostgres();
  }, 60_000);
  afterAll(async () => {
    await lite?.close();
  });
  suite('PGlite', () => lite as TestPostgres);
  const server = await serverPostgres();
  if (server) {
    afterAll(() => server.close());
    suite('server', () => server);
  } else it.skip(`${what} (server) — ${TEST_DATABASE_URL} unreachable`, () => {});
}
