import { join } from 'node:path';
import type { Config } from '../config.ts';
import { PostgresStore } from './postgres-store.ts';
import { SqliteStore } from './sqlite-store.ts';
import type { WorkshopStore } from './store.ts';

/**
 * The store the configuration names, migrated and ready: PostgreSQL when DATABASE_URL is set, else the embedded
 * SQLite file in the data folder. Rejects when the database cannot be opened or its schema is newer than this
 * code, so the server refuses to start rather than failing its first request.
 */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<WorkshopStore> {
  if (config.databaseUrl) return PostgresStore.open(config.databaseUrl);
  const store = new SqliteStore(join(config.dataDir, 'fokus.db'));
  try {
    await store.ready;
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
