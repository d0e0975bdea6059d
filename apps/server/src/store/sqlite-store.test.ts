import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.ts';
import { storeContract } from './store-contract.ts';

storeContract('sqlite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'fokus-store-')), 'fokus.db');
  return { store: new SqliteStore(file), reopen: async () => new SqliteStore(file) };
});

it('sets WAL, synchronous=FULL and secure_delete on every open', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'fokus-store-')), 'fokus.db');
  new SqliteStore(file).close();
  const store = new SqliteStore(file);
  // Read the pragmas through the store's own connection: they are per connection.
  const db = (store as unknown as { db: Database.Database }).db;
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('synchronous', { simple: true })).toBe(2);
  expect(db.pragma('secure_delete', { simple: true })).toBe(1);
  void store.close();
});
