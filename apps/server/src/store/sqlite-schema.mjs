// Shared by the store's reading connection and its writer thread: plain JavaScript so a worker can load it
// without a TypeScript loader, in development and in the bundled server alike.
import Database from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  key_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
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
  PRIMARY KEY (workshop_id, actor, op_id)
) WITHOUT ROWID;
`;

/** Opens the database file with the settings Fokus relies on; they are per connection, so every open sets them. */
export function openDatabase(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
