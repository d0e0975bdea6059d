// The store's writer thread: every commit (and its fsync) happens here, so the event loop that answers
// phones never waits for the disk. Messages: { id, kind: 'create' | 'commit' | 'delete' | 'rewrite' | 'series-create' | 'series-update' | 'series-delete' | 'prune' | 'probe' | 'pragmas', ... }
// -> { id, ok, message?, value? }. It starts only after the main thread has migrated the file: it makes no schema.
// Every write transaction is BEGIN IMMEDIATE: it holds the write lock from its first read, so the seq it checks is
// still the last one when it inserts, whatever another connection (another store on the file) does meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './sqlite-schema.mjs';

const db = openDatabase(workerData.file);
const insertWorkshop = db.prepare('INSERT INTO workshops (id, code, key_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
const insertEvent = db.prepare('INSERT INTO events (workshop_id, seq, type, data) VALUES (?, ?, ?, ?)');
const insertOp = db.prepare('INSERT INTO ops (workshop_id, actor, op_id, result, created_at) VALUES (?, ?, ?, ?, ?)');
const touch = db.prepare('UPDATE workshops SET updated_at = MAX(COALESCE(updated_at, 0), ?) WHERE id = ?');
const deleteOps = db.prepare('DELETE FROM ops WHERE workshop_id = ?');
const deleteEvents = db.prepare('DELETE FROM events WHERE workshop_id = ?');
const deleteWorkshopRow = db.prepare('DELETE FROM workshops WHERE id = ?');
const updateEvent = db.prepare('UPDATE events SET type = ?, data = ? WHERE workshop_id = ? AND seq = ?');
const pruneOps = db.prepare('DELETE FROM ops WHERE created_at < ?');
const lastSeq = db.prepare('SELECT MAX(seq) AS seq FROM events WHERE workshop_id = ?');
const insertSeries = db.prepare('INSERT INTO series (id, key_hash, created_at, revision, schema, data) VALUES (?, ?, ?, ?, ?, ?)');
const updateSeriesRow = db.prepare('UPDATE series SET revision = ?, schema = ?, data = ? WHERE id = ? AND revision = ?');
// A known room keeps its link (null once its workshop is erased); a room whose workshop is not stored links to none.
const linkRoom = db.prepare('INSERT OR IGNORE INTO series_rooms (series_id, room_id, workshop_id) VALUES (?, ?, (SELECT id FROM workshops WHERE id = ?))');
const linkRooms = (record) => {
  for (const room of record.series.rooms) linkRoom.run(record.id, room.id, room.workshopId);
};
const createSeries = db.transaction((record) => {
  if (record.revision !== 1) throw new Error('conflict: a new series starts at revision 1');
  insertSeries.run(record.id, record.keyHash, record.createdAt, 1, record.series.schema, JSON.stringify(record.series));
  linkRooms(record);
});
const updateSeries = db.transaction((record) => {
  const changed = updateSeriesRow.run(record.revision, record.series.schema, JSON.stringify(record.series), record.id, record.revision - 1).changes;
  if (changed !== 1) throw new Error(`conflict: series ${record.id}: not at revision ${record.revision - 1}`);
  linkRooms(record);
});
const eraseSeries = db.transaction((seriesId) => {
  db.prepare('DELETE FROM series_rooms WHERE series_id = ?').run(seriesId);
  db.prepare('DELETE FROM series WHERE id = ?').run(seriesId);
});
// Health: one row rewritten and made durable, a commit as real as a vote's.
const probe = db.prepare('INSERT INTO health (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at');
const pragmas = () => ({
  journal_mode: db.pragma('journal_mode', { simple: true }),
  synchronous: db.pragma('synchronous', { simple: true }),
  secure_delete: db.pragma('secure_delete', { simple: true }),
  foreign_keys: db.pragma('foreign_keys', { simple: true }),
});

function writeAll(writes) {
  // A batch holds many writes of one hall: its last seq is read once and followed here, its time touched once.
  const seqs = new Map();
  const touched = new Map();
  for (const w of writes) {
    const last = seqs.has(w.workshopId) ? seqs.get(w.workshopId) : (lastSeq.get(w.workshopId).seq ?? 0);
    // The log is append-only and gap-free: a write that does not continue it is a bug upstream.
    if (w.events.length > 0 && w.fromSeq !== last + 1) {
      throw new Error(`conflict: workshop ${w.workshopId}: expected seq ${last + 1}, got ${w.fromSeq}`);
    }
    seqs.set(w.workshopId, w.events.length > 0 ? w.fromSeq + w.events.length - 1 : last);
    const at = w.at ?? Date.now();
    for (const [i, e] of w.events.entries()) insertEvent.run(w.workshopId, w.fromSeq + i, e.type, JSON.stringify(e));
    for (const op of w.ops) {
      try {
        insertOp.run(w.workshopId, op.actor, op.opId, op.result, at);
      } catch (err) {
        // Another process answered this op first (or the batch repeats it): a lost race, not a broken store.
        if (err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new Error(`conflict: workshop ${w.workshopId}: op ${op.opId} of ${op.actor} already stored`);
        throw err;
      }
    }
    touched.set(w.workshopId, Math.max(touched.get(w.workshopId) ?? 0, at));
  }
  for (const [workshopId, at] of touched) touch.run(at, workshopId);
}

const commit = db.transaction((writes) => writeAll(writes));
const create = db.transaction((record, first) => {
  try {
    insertWorkshop.run(record.id, record.code, record.keyHash, record.createdAt, record.createdAt);
  } catch (err) {
    if (err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw new Error(`conflict: workshop ${record.id} or code ${record.code} exists`);
    throw err;
  }
  writeAll([{ ...first, at: first.at ?? record.createdAt }]);
});

// Erasure. secure_delete zeroes freed content in the database's pages; the WAL still holds the pages as
// they were until a checkpoint copies the new ones back and TRUNCATE empties it. Only then is the text gone
// from every file.
const erase = db.transaction((workshopId) => {
  deleteOps.run(workshopId);
  deleteEvents.run(workshopId);
  deleteWorkshopRow.run(workshopId);
});
const rewrite = db.transaction((workshopId, events) => {
  for (const { seq, event } of events) {
    if (updateEvent.run(event.type, JSON.stringify(event), workshopId, seq).changes !== 1) {
      throw new Error(`conflict: workshop ${workshopId}: no event ${seq} to rewrite`);
    }
  }
});

function checkpoint() {
  // A reader in the middle of a statement keeps the WAL in use: wait briefly for it, a few times.
  for (let attempt = 0; attempt < 50; attempt++) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)');
    if (result.busy === 0) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  throw new Error('checkpoint: the WAL stayed busy; erased text may remain in it until the next checkpoint');
}

parentPort.on('message', (msg) => {
  if (msg.kind === 'close') {
    db.close();
    parentPort.postMessage({ id: msg.id, ok: true });
    return;
  }
  try {
    let value;
    if (msg.kind === 'create') create.immediate(msg.record, msg.first);
    else if (msg.kind === 'delete') {
      erase.immediate(msg.workshopId);
      checkpoint();
    } else if (msg.kind === 'rewrite') {
      rewrite.immediate(msg.workshopId, msg.events);
      checkpoint();
    } else if (msg.kind === 'series-create') createSeries.immediate(msg.record);
    else if (msg.kind === 'series-update') updateSeries.immediate(msg.record);
    else if (msg.kind === 'series-delete') {
      eraseSeries.immediate(msg.seriesId);
      checkpoint();
    } else if (msg.kind === 'prune') value = pruneOps.run(msg.before).changes;
    else if (msg.kind === 'probe') probe.run(Date.now());
    else if (msg.kind === 'pragmas') value = pragmas();
    else commit.immediate(msg.writes);
    parentPort.postMessage({ id: msg.id, ok: true, value });
  } catch (err) {
    parentPort.postMessage({ id: msg.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
