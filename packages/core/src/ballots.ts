import { type Sharded, emptyRecord, shardedEntries, shardedGet, shardedMap, shardedWith } from './records.ts';

/** One person's dots: ideaId -> count (a prototype-free record, see records.ts). */
export type Ballot = Readonly<Record<string, number>>;

/** Everyone's ballots, sharded by participant id (records.ts): one dot copies one small shard, not the room. */
export type Ballots = Sharded<Ballot>;

export function ballotOf(ballots: Ballots, participantId: string): Ballot | undefined {
  return shardedGet(ballots, participantId);
}

/** A copy with one participant's ballot replaced (or removed, with null). */
export function withBallot(ballots: Ballots, participantId: string, ballot: Ballot | null): Ballots {
  return shardedWith(ballots, participantId, ballot);
}

export const eachBallot = shardedEntries<Ballot>;

/** participantId -> ballot, for the wire and for tests. */
export function ballotsAsRecord(ballots: Ballots): Record<string, Ballot> {
  const out = emptyRecord<Ballot>();
  for (const [participantId, ballot] of eachBallot(ballots)) out[participantId] = ballot;
  return out;
}

/** Applies `fn` to every ballot; shards whose ballots all come back unchanged are shared, not copied. */
export const mapBallots = shardedMap<Ballot>;
