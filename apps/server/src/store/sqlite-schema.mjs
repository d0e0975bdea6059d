// Shared by the store's connections (reading, migrating) and its writer thread: plain JavaScript so a worker can
// load it without a TypeScript loader, in development and in the bundled server alike. The schema itself is made
// by the migrations (migrations.ts, run by migrate.ts before the writer starts), never here.
import Database from 'better-sqlite3';

/** Opens the database file with the settings Fokus relies on; they are per connection, so every open sets them. */
export function openDatabase(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
