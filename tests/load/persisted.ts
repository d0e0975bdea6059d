import Database from 'better-sqlite3';
import pg from 'pg';

/** The SQL both stores answer: dots in the log per join code, vote.added minus vote.removed. */
const DOTS_BY_CODE = `SELECT w.code AS id, SUM(CASE e.type WHEN 'vote.added' THEN 1 WHEN 'vote.removed' THEN -1 ELSE 0 END) AS dots
  FROM events e JOIN workshops w ON w.id = e.workshop_id GROUP BY w.code`;

/** Dots in the SQLite store after the run: vote.added minus vote.removed, per join code. */
export function persistedVotes(dbFile: string): Map<string, number> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db.prepare(DOTS_BY_CODE).all() as Array<{ id: string; dots: number }>;
    return new Map(rows.map((r) => [r.id, r.dots]));
  } finally {
    db.close();
  }
}

export interface PostgresPersisted {
  /** As persistedVotes, per join code. */
  dotsByCode: Map<string, number>;
  /**
   * Distinct transactions that inserted vote.added events: each row's xmin is the transaction that wrote it, so this
   * is the number of commit batches that carried votes (whichever process made them).
   */
  voteCommits: number;
}

/** The same reading from the PostgreSQL store at `url`, plus how many commits the votes took. */
export async function persistedVotesPostgres(url: string): Promise<PostgresPersisted> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const dots = await client.query<{ id: string; dots: string }>(DOTS_BY_CODE);
    // xid has no ordering, so DISTINCT goes through its text form.
    const commits = await client.query<{ n: string }>(`SELECT COUNT(DISTINCT xmin::text) AS n FROM events WHERE type = 'vote.added'`);
    return {
      dotsByCode: new Map(dots.rows.map((r) => [r.id, Number(r.dots)])),
      voteCommits: Number(commits.rows[0]?.n ?? 0),
    };
  } finally {
    await client.end();
  }
}
