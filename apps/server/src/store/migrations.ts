/** The SQL dialects Fokus stores in: the embedded SQLite file, or PostgreSQL. */
export type SqlDialect = 'sqlite' | 'postgres';

/**
 * One step of the schema, the same step in both dialects. Statements run one by one, in order, in the
 * migration's transaction (one per run in SQLite, see migrate.ts). Never edit a released step: add one.
 */
export interface Migration {
  /** Sorts in order: `0001_base`, `0002_…`. Stored in `fokus_migration` once run. */
  name: string;
  /**
   * Skip the statements when this column already exists. SQLite data folders made before the migrator
   * (by the old `CREATE TABLE IF NOT EXISTS` schema) may already have the column and its values.
   */
  unlessColumn?: { table: string; column: string };
  sqlite: readonly string[];
  postgres: readonly string[];
}

/**
 * Every schema step, oldest first. 0001 creates the tables as the first release had them, with IF NOT EXISTS, so
 * a data folder made before the migrator is adopted rather than refused. In PostgreSQL, times and seqs are BIGINT
 * (milliseconds outgrow INTEGER) and JSON stays TEXT: the exact text written is the text read back.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: '0001_base',
    sqlite: [
      `CREATE TABLE IF NOT EXISTS workshops (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        key_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`,
      `CREATE TABLE IF NOT EXISTS events (
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (workshop_id, seq)
      ) WITHOUT ROWID`,
      `CREATE TABLE IF NOT EXISTS ops (
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        actor TEXT NOT NULL,
        op_id TEXT NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (workshop_id, actor, op_id)
      ) WITHOUT ROWID`,
    ],
    postgres: [
      `CREATE TABLE IF NOT EXISTS workshops (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        key_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
      // The primary key is the unique (workshop_id, seq) that decides which of two racing writers gets a seq.
      `CREATE TABLE IF NOT EXISTS events (
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        seq BIGINT NOT NULL,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (workshop_id, seq)
      )`,
      `CREATE TABLE IF NOT EXISTS ops (
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        actor TEXT NOT NULL,
        op_id TEXT NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (workshop_id, actor, op_id)
      )`,
    ],
  },
  {
    // A workshop's last activity (retention erases idle ones): its newest timestamped event, never sooner than its
    // creation, so an upgrade does not make a workshop used yesterday look abandoned.
    name: '0002_workshop_updated_at',
    unlessColumn: { table: 'workshops', column: 'updated_at' },
    sqlite: [
      'ALTER TABLE workshops ADD COLUMN updated_at INTEGER',
      `UPDATE workshops SET updated_at = MAX(created_at, COALESCE(
        (SELECT MAX(json_extract(data, '$.at')) FROM events WHERE events.workshop_id = workshops.id), 0))`,
    ],
    postgres: [
      'ALTER TABLE workshops ADD COLUMN updated_at BIGINT',
      `UPDATE workshops SET updated_at = GREATEST(created_at, COALESCE(
        (SELECT MAX(CASE WHEN jsonb_typeof(data::jsonb -> 'at') = 'number' THEN (data::jsonb ->> 'at')::numeric END)
         FROM events WHERE events.workshop_id = workshops.id), 0))::bigint`,
    ],
  },
  {
    // When an op record was written, so records no resend can still need are pruned; old ones count from now.
    name: '0003_op_created_at',
    unlessColumn: { table: 'ops', column: 'created_at' },
    sqlite: [
      'ALTER TABLE ops ADD COLUMN created_at INTEGER',
      // Milliseconds since 1970 from SQLite's clock (ROUND undoes the float error of the Julian day).
      `UPDATE ops SET created_at = CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)`,
    ],
    postgres: ['ALTER TABLE ops ADD COLUMN created_at BIGINT', 'UPDATE ops SET created_at = FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint'],
  },
  {
    // A series (parallel rooms, one theme): its document as JSON with the document's schema version, and a revision
    // every update names. Per room, which workshop it is: erasing the workshop leaves the room pointing nowhere.
    name: '0004_series',
    sqlite: [
      `CREATE TABLE IF NOT EXISTS series (
        id TEXT PRIMARY KEY,
        key_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        schema INTEGER NOT NULL,
        data TEXT NOT NULL
      )`,
      `CREATE TABLE IF NOT EXISTS series_rooms (
        series_id TEXT NOT NULL REFERENCES series(id),
        room_id TEXT NOT NULL,
        workshop_id TEXT REFERENCES workshops(id) ON DELETE SET NULL,
        PRIMARY KEY (series_id, room_id)
      ) WITHOUT ROWID`,
      'CREATE INDEX IF NOT EXISTS series_rooms_workshop ON series_rooms (workshop_id)',
    ],
    postgres: [
      `CREATE TABLE IF NOT EXISTS series (
        id TEXT PRIMARY KEY,
        key_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        revision INTEGER NOT NULL,
        schema INTEGER NOT NULL,
        data TEXT NOT NULL
      )`,
      `CREATE TABLE IF NOT EXISTS series_rooms (
        series_id TEXT NOT NULL REFERENCES series(id),
        room_id TEXT NOT NULL,
        workshop_id TEXT REFERENCES workshops(id) ON DELETE SET NULL,
        PRIMARY KEY (series_id, room_id)
      )`,
      'CREATE INDEX IF NOT EXISTS series_rooms_workshop ON series_rooms (workshop_id)',
    ],
  },
  {
    // Health: one row rewritten and made durable by every probe, a commit as real as a vote's.
    name: '0005_health',
    sqlite: ['CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY CHECK (id = 1), at INTEGER NOT NULL)'],
    postgres: ['CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY CHECK (id = 1), at BIGINT NOT NULL)'],
  },
];
