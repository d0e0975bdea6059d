import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkshopEvent } from '@fokus/core';
import { SqliteStore } from './sqlite-store.ts';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

function open(): { store: SqliteStore; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'fokus-writer-')), 'fokus.db');
  const store = new SqliteStore(file);
  stores.push(store);
  return { store, file };
}

const created: WorkshopEvent = {
  type: 'workshop.created',
  workshopId: 'w1',
  title: 'T',
  lang: 'sv',
  template: 'blank',
  rules: [],
  boards: [],
  agenda: [],
  at: 1,
};
const locked = (locked: boolean): WorkshopEvent => ({ type: 'joining.locked', locked });
const record = { id: 'w1', code: 'ABCDEF', keyHash: 'h', createdAt: 1 };

/** The worker thread behind the store: reached into only to kill it. */
const writerOf = (store: SqliteStore): Worker => (store as unknown as { writer: { worker: Worker } }).writer.worker;

describe('SQLite writer thread', () => {
  it('runs with WAL, synchronous=FULL, secure_delete and foreign keys on its own connection', async () => {
    const { store, file } = open();
    await store.close();
    // Settings are per connection: a reopened file must get them again on the writer's connection.
    const again = new SqliteStore(file);
    stores.push(again);
    expect(await again.writerPragmas()).toEqual({ journal_mode: 'wal', synchronous: 2, secure_delete: 1, foreign_keys: 1 });
  });

  it('probes with a real, durable write', async () => {
    const { store, file } = open();
    await store.probe();
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT at FROM health').get() as { at: number }).at).toBeGreaterThan(0);
    db.close();
  });

  it('fails the probe while another process holds the write lock', async () => {
    const { store, file } = open();
    await store.probe();
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(store.probe()).rejects.toThrow(/locked|busy/i);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await store.probe();
  }, 15_000);

  it('fails what waited on a writer that died, and starts a new one for the next write', async () => {
    const { store } = open();
    await store.createWorkshop(record, { workshopId: 'w1', fromSeq: 1, events: [created], ops: [] });
    const writer = writerOf(store);
    const waiting = store.commit([{ workshopId: 'w1', fromSeq: 2, events: [locked(true)], ops: [] }]);
    await writer.terminate();
    await expect(waiting).rejects.toThrow(/writer stopped/);
    // Whether the lost write landed is unknown to the caller; the log says, and it continues from there.
    const seq = (await store.loadEvents('w1')).length;
    await store.commit([{ workshopId: 'w1', fromSeq: seq + 1, events: [locked(false)], ops: [] }]);
    expect((await store.loadEvents('w1')).at(-1)?.event).toEqual(locked(false));
    expect(writerOf(store)).not.toBe(writer);
    expect((await store.writerPragmas()).synchronous).toBe(2);
  });
});
