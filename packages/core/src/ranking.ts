import type { Workshop } from './model.ts';
import type { Ballot } from './ballots.ts';
import { eachShard } from './ballots.ts';
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

/**
 * Each shard's figures, by shard: shards are immutable and a dot copies only its own, so counting the room again
 * after a dot counts one shard's ballots (a sixty-fourth of the hall) and adds up the rest as they were.
 */
const tallyByShard = new WeakMap<object, Readonly<Record<string, Tally>>>();

function shardTally(shard: Readonly<Record<string, Ballot>>): Readonly<Record<string, Tally>> {
  let out = tallyByShard.get(shard);
  if (!out) {
    const counted = emptyRecord<Tally>();
    for (const mine of Object.values(shard)) addBallot(counted, mine);
    out = counted;
    tallyByShard.set(shard, out);
  }
  return out;
}

function addBallot(out: Record<string, Tally>, mine: Ballot): void {
  for (const [ideaId, n] of Object.entries(mine)) {
    if (n <= 0) continue;
    const t = out[ideaId];
    if (t) {
      t.dots += n;
      t.voters += 1;
    } else out[ideaId] = { dots: n, voters: 1 };
  }
}

/** Dots and distinct voters per idea, from the individual votes. */
export function tallyOf(s: Pick<Workshop, 'votes'>): Record<string, Tally> {
  const out = emptyRecord<Tally>();
  for (const shard of eachShard(s.votes)) {
    for (const [ideaId, t] of Object.entries(shardTally(shard))) {
      const sum = out[ideaId];
      if (sum) {
        sum.dots += t.dots;
        sum.voters += t.voters;
      } else out[ideaId] = { dots: t.dots, voters: t.voters };
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
