import Database from 'better-sqlite3';

/** Dots in the store after the run: vote.added minus vote.removed, per join code. */
export function persistedVotes(dbFile: string): Map<string, number> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT w.code AS id, SUM(CASE e.type WHEN 'vote.added' THEN 1 WHEN 'vote.removed' THEN -1 ELSE 0 END) AS dots
         FROM events e JOIN workshops w ON w.id = e.workshop_id GROUP BY w.code`,
      )
      .all() as Array<{ id: string; dots: number }>;
    return new Map(rows.map((r) => [r.id, r.dots]));
  } finally {
    db.close();
  }
}
