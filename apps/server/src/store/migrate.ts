import { resolve } from 'node:path';
import type { Migration as KyselyMigration, MigrationProvider, MigrationResult } from 'kysely';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import type { Migration, SqlDialect } from './migrations.ts';
import { MIGRATIONS } from './migrations.ts';
import { openDatabase } from './sqlite-schema.mjs';

export const MIGRATION_TABLE = 'fokus_migration';
export const MIGRATION_LOCK_TABLE = 'fokus_migration_lock';

/** The database has run a migration this Fokus does not know: a newer Fokus wrote it. Starting would corrupt it. */
export class SchemaTooNewError extends Error {
  constructor(readonly migration: string) {
    super(`the database schema is newer than this Fokus (migration ${migration}): upgrade Fokus or use the matching database`);
    this.name = 'SchemaTooNewError';
  }
}

export interface MigrateOptions {
  /** Stop after this migration (tests build an older schema with it). */
  to?: string;
}

// Kysely's own type for "a database of any tables": the migrator does not know ours.
// biome-ignore lint/suspicious/noExplicitAny: Kysely's Migrator takes Kysely<any>.
type AnyDb = Kysely<any>;

const hasColumn = async (db: AnyDb, dialect: SqlDialect, table: string, column: string): Promise<boolean> => {
  const found =
    dialect === 'sqlite'
      ? await sql`SELECT 1 FROM pragma_table_info(${table}) WHERE name = ${column}`.execute(db)
      : await sql`SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} AND column_name = ${column}`.execute(
          db,
        );
  return found.rows.length > 0;
};

const toKysely = (m: Migration, dialect: SqlDialect): KyselyMigration => ({
  async up(db) {
    if (m.unlessColumn && (await hasColumn(db, dialect, m.unlessColumn.table, m.unlessColumn.column))) return;
    for (const statement of m[dialect]) await sql.raw(statement).execute(db);
  },
});

/** Why a migration run failed, in words an operator can act on. */
function explain(error: unknown, results: MigrationResult[] | undefined): Error {
  const message = error instanceof Error ? error.message : String(error);
  // Kysely's words for a run migration missing from the list, and for a list that does not begin with the run ones.
  const unknown = /previously executed migration (\S+) is missing/.exec(message);
  if (unknown?.[1]) return new SchemaTooNewError(unknown[1]);
  if (/corrupted migrations/.test(message)) return new Error(`the database's migrations do not match this Fokus: ${message}`, { cause: error });
  const failed = results?.find((r) => r.status === 'Error')?.migrationName;
  return new Error(`database migration ${failed ?? ''} failed: ${message}`, { cause: error });
}

/**
 * Runs the migrations this database has not run, with Kysely's Migrator. Refuses (SchemaTooNewError) a database
 * that has run one this code does not know. Resolves to the names it ran. PostgreSQL: under Kysely's advisory lock,
 * all in one transaction. SQLite: call migrateSqlite, which adds the lock and the transaction.
 */
export async function migrate(db: AnyDb, dialect: SqlDialect, options: MigrateOptions = {}, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: async () => Object.fromEntries(migrations.map((m) => [m.name, toKysely(m, dialect)])),
  };
  // PostgreSQL: Kysely looks for its tables in every schema; name ours, so another schema's table is not taken for it.
  const schema = dialect === 'postgres' ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = options.to ? await migrator.migrateTo(options.to) : await migrator.migrateToLatest();
  if (error) throw explain(error, results);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Per file, the run in progress in this process: two stores opening one file migrate one after the other. */
const running = new Map<string, Promise<unknown>>();

/**
 * Migrates the SQLite file on a connection of its own (closed after). The whole run is one BEGIN IMMEDIATE
 * transaction: atomic, and another process opening the same file waits for it (Kysely does neither for SQLite).
 * In this process runs on one file are chained, since a second connection waiting for the lock would block the
 * thread that must finish the first.
 */
export async function migrateSqlite(file: string, options: MigrateOptions = {}, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  const key = resolve(file);
  const run = (running.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => migrateSqliteNow(file, options, migrations));
  running.set(key, run);
  try {
    return await run;
  } finally {
    if (running.get(key) === run) running.delete(key);
  }
}

async function migrateSqliteNow(file: string, options: MigrateOptions, migrations: readonly Migration[]): Promise<string[]> {
  const conn = openDatabase(file);
  const db: AnyDb = new Kysely({ dialect: new SqliteDialect({ database: conn }) });
  try {
    conn.exec('BEGIN IMMEDIATE');
    try {
      const ran = await migrate(db, 'sqlite', options, migrations);
      conn.exec('COMMIT');
      return ran;
    } catch (err) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      throw err;
    }
  } finally {
    await db.destroy(); // closes conn
  }
}
