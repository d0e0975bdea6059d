import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import type { Series } from '@fokus/core';
import { SERIES_SCHEMA, templateDesign } from '@fokus/core';
import { SqliteStore } from './sqlite-store.ts';

it('opens a data folder made before series existed and stores a series in it, linked to an old workshop', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'fokus-store-')), 'fokus.db');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  old.exec(`
    CREATE TABLE workshops (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, key_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
    CREATE TABLE events (workshop_id TEXT NOT NULL REFERENCES workshops(id), seq INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (workshop_id, seq)) WITHOUT ROWID;
    CREATE TABLE ops (workshop_id TEXT NOT NULL REFERENCES workshops(id), actor TEXT NOT NULL, op_id TEXT NOT NULL, result TEXT NOT NULL, PRIMARY KEY (workshop_id, actor, op_id)) WITHOUT ROWID;
  `);
  old.prepare('INSERT INTO workshops VALUES (?, ?, ?, ?)').run('w1', 'ABCDEF', 'h', 1000);
  old.close();
  const store = new SqliteStore(file);
  const room = { id: 'r1', region: 'Syd', town: 'Kristianstad', host: 'Ö', workshopId: 'w1', code: 'ABCDEF', closed: false, createdAt: 2000 };
  const series: Series = {
    schema: SERIES_SCHEMA,
    id: 's1',
    title: 'Nätverksträff',
    theme: 'T',
    date: '2019-09-03',
    lang: 'sv',
    intro: '',
    design: templateDesign('fragerunda', 'sv', 2019),
    rooms: [room],
    createdAt: 2000,
  };
  await store.createSeries({ id: 's1', keyHash: 'k', createdAt: 2000, revision: 1, series });
  expect((await store.findSeries('s1'))?.series.rooms[0]?.town).toBe('Kristianstad');
  expect(await store.seriesRooms('s1')).toEqual([{ roomId: 'r1', workshopId: 'w1' }]);
  // The erasure of the old workshop leaves the room pointing nowhere (the foreign key's ON DELETE SET NULL).
  await store.deleteWorkshop('w1');
  expect(await store.seriesRooms('s1')).toEqual([{ roomId: 'r1', workshopId: null }]);
  await store.close();
});

it('deleteSeries: none of its text in the database, WAL or shared memory file; another series kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fokus-store-'));
  const store = new SqliteStore(join(dir, 'fokus.db'));
  const found = (text: string) => readdirSync(dir).some((f) => readFileSync(join(dir, f)).includes(Buffer.from(text, 'utf8')));
  const make = (id: string, intro: string): Series => ({
    schema: SERIES_SCHEMA,
    id,
    title: 'Nätverksträff',
    theme: '',
    date: '2019-09-03',
    lang: 'sv',
    intro,
    design: templateDesign('fragerunda', 'sv', 2019),
    rooms: [],
    createdAt: 1,
  });
  await store.createSeries({ id: 's1', keyHash: 'k', createdAt: 1, revision: 1, series: make('s1', 'Kanariefågel-S1 '.repeat(400)) });
  await store.createSeries({ id: 's2', keyHash: 'k', createdAt: 1, revision: 1, series: make('s2', 'Behålls-S2') });
  expect(found('Kanariefågel-S1')).toBe(true);
  await store.deleteSeries('s1');
  expect(found('Kanariefågel-S1')).toBe(false);
  expect(found('Behålls-S2')).toBe(true);
  await store.close();
});
