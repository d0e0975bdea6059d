import type { Workshop } from './model.ts';
import { eachBallot } from './ballots.ts';
import { emptyRecord, getOwn } from './records.ts';

/** The least an idea needs to be ranked; the state and every role's view both have it. */
export interface RankableIdea {
  id: string;
  boardId: string;
  hidden: boolean;
  seq: number;
}

export interface Tally {
  dots: number;
  voters: number;
}

export interface RankedIdea {
  ideaId: string;
  boardId: string;
  dots: number;
  voters: number;
  /** Competition rank: equal dots share a rank and the next rank skips ("1, 2, 2, 4"). */
  rank: number;
}

/** Dots and distinct voters per idea, from the individual votes. */
export function tallyOf(s: Pick<Workshop, 'votes'>): Record<string, Tally> {
  const out = emptyRecord<Tally>();
  for (const [, mine] of eachBallot(s.votes)) {
    for (const [ideaId, n] of Object.entries(mine)) {
      if (n <= 0) continue;
      const t = out[ideaId];
      if (t) {
        t.dots += n;
        t.voters += 1;
      } else out[ideaId] = { dots: n, voters: 1 };
    }
  }
  return out;
}

/**
 * Visible ideas, most dots first; equal dots keep creation order so the list never shuffles.
 * `tally` may come off the wire (a plain parsed object): it is read by own properties only.
 */
export function rankIdeas(ideas: Iterable<RankableIdea>, tally: Readonly<Record<string, Tally>>, boardId?: string): RankedIdea[] {
  const rows = [...ideas]
    .filter((i) => !i.hidden && (boardId === undefined || i.boardId === boardId))
    .map((i) => {
      const t = getOwn(tally, i.id);
      return { idea: i, dots: t?.dots ?? 0, voters: t?.voters ?? 0 };
    })
    .sort((a, b) => b.dots - a.dots || a.idea.seq - b.idea.seq);
  let rank = 0;
  return rows.map((r, index) => {
    if (index === 0 || (rows[index - 1] as { dots: number }).dots !== r.dots) rank = index + 1;
    return { ideaId: r.idea.id, boardId: r.idea.boardId, dots: r.dots, voters: r.voters, rank };
  });
}
