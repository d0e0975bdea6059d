import type { Participant, Workshop } from './model.ts';
import { shardedEntries, shardedFrom, shardedGet, shardedMap, shardedWith } from './records.ts';

/**
 * Everyone who joined, removed people included, sharded by id (records.ts): a join copies one small shard, not the
 * hall. Read it through the functions here; the lists they give are in join order.
 */
export type Participants = Workshop['participants'];

type WithParticipants = Pick<Workshop, 'participants'>;

/** A name in the case names are compared in, once per participant. */
const comparedNames = new WeakMap<Participant, string>();
export function comparedName(p: Participant): string {
  let lower = comparedNames.get(p);
  if (lower === undefined) {
    lower = p.name.toLocaleLowerCase('sv');
    comparedNames.set(p, lower);
  }
  return lower;
}

/** A figure kept per participants record, and how a join changes it (none: computed again after a join). */
interface Figure {
  known: WeakMap<Participants, unknown>;
  onJoin: ((value: never, joined: Participant) => unknown) | null;
  /** The value is changed in place by a join: it moves to the new record. */
  handedOn: boolean;
}
const figures: Figure[] = [];

function perParticipants<T>(
  build: (participants: Participants) => T,
  onJoin: ((value: T, joined: Participant) => T) | null = null,
  options: { handedOn?: boolean } = {},
): (s: WithParticipants) => T {
  const figure: Figure = { known: new WeakMap(), onJoin: onJoin as Figure['onJoin'], handedOn: options.handedOn === true };
  figures.push(figure);
  return (s) => {
    if (figure.known.has(s.participants)) return figure.known.get(s.participants) as T;
    const value = build(s.participants);
    figure.known.set(s.participants, value);
    return value;
  };
}

export function participantOf(s: WithParticipants, participantId: string): Participant | undefined {
  return shardedGet(s.participants, participantId);
}

/** A copy with this participant added or replaced. */
export function withParticipant(participants: Participants, p: Participant): Participants {
  return shardedWith(participants, p.id, p);
}

/** Applies `fn` to everyone; shards where nobody changes are shared. */
export const mapParticipants = shardedMap<Participant>;

/** A participants record holding these people (fixtures, tests). */
export function participantsFrom(people: Iterable<Participant>): Participants {
  return shardedFrom([...people].map((p) => [p.id, p] as const));
}

/** Everyone in the record, removed people included, in join order. Shared and frozen: sort a copy. */
export const allParticipants = perParticipants(
  (participants) =>
    Object.freeze(
      [...shardedEntries(participants)].map(([, p]) => p).sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    ) as readonly Participant[],
);

/** The participants not removed, in join order. Shared and frozen: sort a copy. */
export const activeParticipants = perParticipants((participants) => Object.freeze(allParticipants({ participants }).filter((p) => !p.removed)));

/*
 * Figures a join changes by one person. Each is kept per participants record and handed on to the record after a
 * join in O(1), so a hall of 5,000 joining costs 5,000 small steps rather than 5,000 scans of the hall.
 */

/** How many are in (not removed). */
export const activeCount = perParticipants(
  (participants) => activeParticipants({ participants }).length,
  (count) => count + 1,
);

/** How many said "klar". */
export const doneCount = perParticipants(
  (participants) => activeParticipants({ participants }).filter((p) => p.done).length,
  (count, joined) => count + (joined.done ? 1 : 0),
);

/** Member names by group id, each group in join order. */
export const groupMembers = perParticipants(
  (participants): ReadonlyMap<string, readonly string[]> => {
    const groups = new Map<string, string[]>();
    for (const p of activeParticipants({ participants })) {
      if (p.groupId === null) continue;
      const names = groups.get(p.groupId);
      if (names) names.push(p.name);
      else groups.set(p.groupId, [p.name]);
    }
    return groups;
  },
  (groups, joined) => (joined.groupId === null ? groups : new Map(groups).set(joined.groupId, [...(groups.get(joined.groupId) ?? []), joined.name])),
);

/**
 * How many people in hold each name, compared in Swedish lower case. A join adds its name to the map itself,
 * which then belongs to the new record (the old record's entry is dropped: asked again, it scans).
 */
export const takenNames = perParticipants(
  (participants) => {
    const taken = new Map<string, number>();
    for (const p of activeParticipants({ participants })) {
      const lower = comparedName(p);
      taken.set(lower, (taken.get(lower) ?? 0) + 1);
    }
    return taken as ReadonlyMap<string, number>;
  },
  (taken, joined) => (taken as Map<string, number>).set(comparedName(joined), (taken.get(comparedName(joined)) ?? 0) + 1),
  { handedOn: true },
);

/** Records made by a join, with the record and person they came from (see joinedSince). */
const joins = new WeakMap<Participants, { before: Participants; joined: Participant }>();

/** `after` is `before` with `joined` added (a new id, not removed): the figures above follow in O(1). */
export function joinedTo(before: Participants, after: Participants, joined: Participant): void {
  joins.set(after, { before, joined });
  for (const figure of figures) {
    if (!figure.known.has(before)) continue;
    if (!figure.onJoin) continue;
    figure.known.set(after, figure.onJoin(figure.known.get(before) as never, joined));
    if (figure.handedOn) figure.known.delete(before);
  }
}

/**
 * The people who joined between two records, when `after` came from `before` by joins alone (at most `limit` of
 * them); null when something else changed or the chain is longer. Lets a count over `before` follow cheaply.
 */
export function joinedSince(before: Participants, after: Participants, limit = 64): Participant[] | null {
  const joined: Participant[] = [];
  for (let at = after; at !== before; ) {
    const step = joins.get(at);
    if (!step || joined.length >= limit) return null;
    joined.push(step.joined);
    at = step.before;
  }
  return joined.reverse();
}
