// Test support: lets the PostgreSQL store (Kysely's PostgresDriver) run on an embedded PGlite, so its tests need
// no PostgreSQL server. Not used by the server.
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Per PGlite, the tail of its queue. PGlite is one session: a transaction is the session's, so a connection is
 * held by one user at a time across every pool over the same PGlite (as a store and its twin in tests are).
 */
const queues = new WeakMap<PGlite, Promise<void>>();

async function take(lite: PGlite): Promise<() => void> {
  const before = queues.get(lite) ?? Promise.resolve();
  let release = () => {};
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  queues.set(
    lite,
    before.then(() => mine),
  );
  await before;
  return release;
}

type Command = PostgresQueryResult<unknown>['command'];
const COMMANDS = new Set<string>(['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE', 'COMMIT', 'ROLLBACK']);

/** pg names a result by its statement's command tag; PGlite does not report the tag, so read it off the SQL. */
const commandOf = (text: string): Command => {
  const word = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'SELECT';
  return (COMMANDS.has(word) ? word : 'SELECT') as Command;
};

class PgliteClient implements PostgresPoolClient {
  private released = false;

  constructor(
    private readonly lite: PGlite,
    private readonly release_: () => void,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sql: string | PostgresCursor<R>, parameters: ReadonlyArray<unknown> = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sql !== 'string') throw new Error('pglite-pool: cursors are not supported');
    if (this.released) return Promise.reject(new Error('pglite-pool: query on a released connection'));
    return this.lite.query<R>(sql, [...parameters]).then((r) => ({
      command: commandOf(sql),
      rowCount: r.affectedRows ?? r.rows.length,
      rows: r.rows,
    }));
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.release_();
  }
}

/**
 * A pg-Pool-shaped view of a PGlite: `connect` waits for the session, `release` hands it on. `searchPath` is set on
 * every connect, so pools over one PGlite can each work in their own schema. `end` leaves the PGlite open: its
 * owner closes it, and a new pool over it sees the same data (a reopened store).
 */
export class PglitePool implements PostgresPool {
  private ended = false;

  constructor(
    private readonly lite: PGlite,
    private readonly options: { searchPath?: string } = {},
  ) {}

  async connect(): Promise<PostgresPoolClient> {
    if (this.ended) throw new Error('pglite-pool: pool has ended');
    const release = await take(this.lite);
    try {
      if (this.options.searchPath) await this.lite.query('SELECT set_config($1, $2, false)', ['search_path', this.options.searchPath]);
    } catch (err) {
      release();
      throw err;
    }
    return new PgliteClient(this.lite, release);
  }

  async end(): Promise<void> {
    this.ended = true;
  }
}
