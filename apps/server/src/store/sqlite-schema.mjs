// Shared by the store's reading connection and its writer thread: plain JavaScript so a worker can load it
// without a TypeScript loader, in development and in the bundled server alike.
import Database from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  key_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER
);
CREATE TABLE IF NOT EXISTS events (
  workshop_id TEXT NOT NULL REFERENCES workshops(id),
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (workshop_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ops (
  workshop_id TEXT NOT NULL REFERENCES workshops(id),
  actor TEXT NOT NULL,
  op_id TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at INTEGER,
  PRIMARY KEY (workshop_id, actor, op_id)
) WITHOUT ROWID;
-- A series (parallel rooms, one theme): its document as JSON with the document's schema version, and a
-- revision every update names. Tables new in a release arrive through IF NOT EXISTS in old data folders too.
CREATE TABLE IF NOT EXISTS series (
  id TEXT PRIMARY KEY,
  key_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  schema INTEGER NOT NULL,
  data TEXT NOT NULL
);
-- Which workshop each room is. Erasing the workshop leaves the room, pointing nowhere: the series shows it gone.
CREATE TABLE IF NOT EXISTS series_rooms (
  series_id TEXT NOT NULL REFERENCES series(id),
  room_id TEXT NOT NULL,
  workshop_id TEXT REFERENCES workshops(id) ON DELETE SET NULL,
  PRIMARY KEY (series_id, room_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS series_rooms_workshop ON series_rooms (workshop_id);
`;

/**
 * Columns added after the first release. A data folder made before them gets them here, once, with a value
 * that keeps its meaning: a workshop's last activity is its newest timestamped event (never sooner than its
 * creation), so an upgrade does not make a workshop used yesterday look abandoned; old op records count from now.
 */
function migrate(db) {
  const has = (table, column) =>
    db
      .prepare(`PRAGMA table_info(${table})`)
      .all()
      .some((c) => c.name === column);
  db.transaction(() => {
    if (!has('workshops', 'updated_at')) {
      db.exec('ALTER TABLE workshops ADD COLUMN updated_at INTEGER');
      db.exec(`UPDATE workshops SET updated_at = MAX(created_at, COALESCE(
        (SELECT MAX(json_extract(data, '$.at')) FROM events WHERE events.workshop_id = workshops.id), 0))`);
    }
    if (!has('ops', 'created_at')) {
      db.exec('ALTER TABLE ops ADD COLUMN created_at INTEGER');
      db.prepare('UPDATE ops SET created_at = ?').run(Date.now());
    }
  }).immediate();
}

/** Opens the database file with the settings Fokus relies on; they are per connection, so every open sets them. */
export function openDatabase(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  migrate(db);
  return db;
}
