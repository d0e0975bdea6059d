import type { Workshop } from './model.ts';
import type { Ballots } from './ballots.ts';
import { eachBallot } from './ballots.ts';
import { copyRecord, emptyRecord, getOwn } from './records.ts';

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

/**
 * The figures of a ballots object (immutable), once: a dot derives the next ballots' figures from the ones before it
 * (`dotMoved`, one idea changes), so the room's figures after a dot cost one idea, not a count of the hall.
 */
const figuresByBallots = new WeakMap<object, Readonly<Record<string, Readonly<Tally>>>>();

function counted(votes: Ballots): Readonly<Record<string, Readonly<Tally>>> {
  let out = figuresByBallots.get(votes);
  if (!out) {
    const sums = emptyRecord<Tally>();
    for (const [, mine] of eachBallot(votes)) {
      for (const [ideaId, n] of Object.entries(mine)) {
        if (n <= 0) continue;
        const t = sums[ideaId];
        if (t) {
          t.dots += n;
          t.voters += 1;
        } else sums[ideaId] = { dots: n, voters: 1 };
      }
    }
    out = sums;
    figuresByBallots.set(votes, out);
  }
  return out;
}

/** One person's dots on one idea went from `from` to `to` between two ballots objects: the figures follow. */
export function dotMoved(before: Ballots, after: Ballots, ideaId: string, from: number, to: number): void {
  const prior = counted(before);
  const next = copyRecord(prior);
  const was = getOwn(prior, ideaId);
  const dots = (was?.dots ?? 0) + to - from;
  const voters = (was?.voters ?? 0) + (to > 0 ? 1 : 0) - (from > 0 ? 1 : 0);
  if (dots > 0) next[ideaId] = { dots, voters };
  else delete next[ideaId];
  figuresByBallots.set(after, next);
}

/** Dots and distinct voters per idea, from the individual votes. */
export function tallyOf(s: Pick<Workshop, 'votes'>): Record<string, Tally> {
  const out = emptyRecord<Tally>();
  for (const [ideaId, t] of Object.entries(counted(s.votes))) out[ideaId] = { dots: t.dots, voters: t.voters };
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
