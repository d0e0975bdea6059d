// The store's writer thread: every commit (and its fsync) happens here, so the event loop that answers
// phones never waits for the disk. Messages: { id, kind: 'create' | 'commit', ... } -> { id, ok, message? }.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './sqlite-schema.mjs';

const db = openDatabase(workerData.file);
const insertWorkshop = db.prepare('INSERT INTO workshops (id, code, key_hash, created_at) VALUES (?, ?, ?, ?)');
const insertEvent = db.prepare('INSERT INTO events (workshop_id, seq, type, data) VALUES (?, ?, ?, ?)');
const insertOp = db.prepare('INSERT INTO ops (workshop_id, actor, op_id, result) VALUES (?, ?, ?, ?)');
const lastSeq = db.prepare('SELECT MAX(seq) AS seq FROM events WHERE workshop_id = ?');

function writeAll(writes) {
  for (const w of writes) {
    const last = lastSeq.get(w.workshopId).seq ?? 0;
    // The log is append-only and gap-free: a write that does not continue it is a bug upstream.
    if (w.events.length > 0 && w.fromSeq !== last + 1) {
      throw new Error(`conflict: workshop ${w.workshopId}: expected seq ${last + 1}, got ${w.fromSeq}`);
    }
    w.events.forEach((e, i) => insertEvent.run(w.workshopId, w.fromSeq + i, e.type, JSON.stringify(e)));
    for (const op of w.ops) insertOp.run(w.workshopId, op.actor, op.opId, op.result);
  }
}

const commit = db.transaction((writes) => writeAll(writes));
const create = db.transaction((record, first) => {
  insertWorkshop.run(record.id, record.code, record.keyHash, record.createdAt);
  writeAll([first]);
});

parentPort.on('message', (msg) => {
  if (msg.kind === 'close') {
    db.close();
    parentPort.postMessage({ id: msg.id, ok: true });
    return;
  }
  try {
    if (msg.kind === 'create') create(msg.record, msg.first);
    else commit(msg.writes);
    parentPort.postMessage({ id: msg.id, ok: true });
  } catch (err) {
    parentPort.postMessage({ id: msg.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
