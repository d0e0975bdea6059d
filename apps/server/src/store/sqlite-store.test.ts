import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WorkshopEvent } from '@fokus/core';
import { SqliteStore } from './sqlite-store.ts';
import { storeContract } from './store-contract.ts';

storeContract('sqlite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'fokus-store-')), 'fokus.db');
  const again = async () => {
    const store = new SqliteStore(file);
    await store.ready;
    return store;
  };
  // The twin has its own connections and writer thread: to the file, another process.
  return { store: await again(), reopen: again, twin: again };
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

it('opens a data folder made before last activity and op times were stored, and fills them in', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'fokus-store-')), 'fokus.db');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  old.exec(`
    CREATE TABLE workshops (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, key_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
    CREATE TABLE events (workshop_id TEXT NOT NULL REFERENCES workshops(id), seq INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (workshop_id, seq)) WITHOUT ROWID;
    CREATE TABLE ops (workshop_id TEXT NOT NULL REFERENCES workshops(id), actor TEXT NOT NULL, op_id TEXT NOT NULL, result TEXT NOT NULL, PRIMARY KEY (workshop_id, actor, op_id)) WITHOUT ROWID;
  `);
  old.prepare('INSERT INTO workshops VALUES (?, ?, ?, ?)').run('w1', 'ABCDEF', 'h', 1000);
  old.prepare('INSERT INTO workshops VALUES (?, ?, ?, ?)').run('w2', 'BCDEFG', 'h', 1000);
  const join1 = { type: 'participant.joined', participantId: 'p', name: 'A', organisation: '', tokenHash: 't', at: 9000 };
  old.prepare('INSERT INTO events VALUES (?, ?, ?, ?)').run('w1', 1, 'participant.joined', JSON.stringify(join1));
  old.prepare('INSERT INTO ops VALUES (?, ?, ?, ?)').run('w1', 'p:p', 'o1', '{"ok":true}');
  old.close();

  const before = Date.now();
  const store = new SqliteStore(file);
  // The newest timestamped event counts as last activity; without one, the creation does.
  expect((await store.listIdle(9000)).map((w) => w.id)).toEqual(['w2']);
  expect((await store.listIdle(9001)).map((w) => w.id)).toEqual(['w1', 'w2']);
  // Old op records count from the upgrade: a resend that was possible before it still is.
  const [op] = await store.loadOps('w1');
  expect(op?.at).toBeGreaterThanOrEqual(before);
  expect(await store.pruneOps(before)).toBe(0);
  await store.commit([
    {
      workshopId: 'w1',
      fromSeq: 2,
      events: [{ type: 'vote.added', participantId: 'p', ideaId: 'i' }],
      ops: [{ actor: 'p:p', opId: 'o2', result: '{}' }],
      at: 20_000,
    },
  ]);
  expect((await store.listIdle(20_000)).map((w) => w.id)).toEqual(['w2']);
  await store.close();
  // Opening again migrates nothing twice.
  const again = new SqliteStore(file);
  expect((await again.loadOps('w1')).map((o) => o.opId).sort()).toEqual(['o1', 'o2']);
  await again.close();
});

describe('erasure leaves no trace in any file', () => {
  const filesOf = (dir: string) => readdirSync(dir).map((f) => readFileSync(join(dir, f)));
  const found = (dir: string, text: string) => filesOf(dir).some((bytes) => bytes.includes(Buffer.from(text, 'utf8')));
  const created = (id: string, title: string): WorkshopEvent => ({
    type: 'workshop.created',
    workshopId: id,
    title,
    lang: 'sv',
    template: 'blank',
    rules: [],
    boards: [],
    agenda: [],
    at: 1000,
  });
  const idea = (n: number, text: string): WorkshopEvent => ({
    type: 'idea.added',
    ideaId: `i${n}`,
    boardId: 'b',
    text,
    details: text,
    groupId: null,
    authorId: 'p',
  });

  it('deleteWorkshop: none of its text in the database, WAL or shared memory file; other workshops kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fokus-store-'));
    const store = new SqliteStore(join(dir, 'fokus.db'));
    await store.createWorkshop(
      { id: 'w1', code: 'ABCDEF', keyHash: 'h', createdAt: 1 },
      { workshopId: 'w1', fromSeq: 1, events: [created('w1', 'Kanariefågel-Q7')], ops: [] },
    );
    await store.createWorkshop(
      { id: 'w2', code: 'BCDEFG', keyHash: 'h', createdAt: 1 },
      { workshopId: 'w2', fromSeq: 1, events: [created('w2', 'Behålls-Z9')], ops: [] },
    );
    // Enough text to spill over many pages, written in several commits as a live workshop would.
    for (let n = 0; n < 40; n++) {
      await store.commit([{ workshopId: 'w1', fromSeq: n + 2, events: [idea(n, `Kanariefågel-Q7 idé ${n} `.repeat(20))], ops: [] }]);
    }
    expect(found(dir, 'Kanariefågel-Q7')).toBe(true);
    await store.deleteWorkshop('w1');
    expect(found(dir, 'Kanariefågel-Q7')).toBe(false);
    expect(found(dir, 'Behålls-Z9')).toBe(true);
    await store.close();
  });

  it('rewriteEvents: the old text of the rewritten events is gone from every file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fokus-store-'));
    const store = new SqliteStore(join(dir, 'fokus.db'));
    await store.createWorkshop(
      { id: 'w1', code: 'ABCDEF', keyHash: 'h', createdAt: 1 },
      { workshopId: 'w1', fromSeq: 1, events: [created('w1', 'Behålls-Z9')], ops: [] },
    );
    const joined = (name: string, organisation: string): WorkshopEvent => ({
      type: 'participant.joined',
      participantId: 'p',
      name,
      organisation,
      tokenHash: 't',
      at: 1,
    });
    await store.commit([{ workshopId: 'w1', fromSeq: 2, events: [joined('Namn-K4', 'Org-K4')], ops: [] }]);
    for (let n = 0; n < 20; n++) await store.commit([{ workshopId: 'w1', fromSeq: n + 3, events: [idea(n, `Behålls-Z9 ${n} `.repeat(30))], ops: [] }]);
    expect(found(dir, 'Namn-K4')).toBe(true);
    await store.rewriteEvents('w1', [{ seq: 2, event: joined('Borttagen deltagare', '') }]);
    expect(found(dir, 'Namn-K4')).toBe(false);
    expect(found(dir, 'Org-K4')).toBe(false);
    expect(found(dir, 'Behålls-Z9')).toBe(true);
    expect((await store.loadEvents('w1'))[1]?.event).toEqual(joined('Borttagen deltagare', ''));
    await store.close();
  });
});
