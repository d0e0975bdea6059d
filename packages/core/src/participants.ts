import type { Participant, Workshop } from './model.ts';

/** Who is in, by participants record: records are immutable, so a vote (which leaves them alone) costs no scan. */
const activeByRecord = new WeakMap<object, readonly Participant[]>();

/** The participants not removed, in the record's order. Shared and frozen: sort a copy. */
export function activeParticipants(s: Pick<Workshop, 'participants'>): readonly Participant[] {
  let people = activeByRecord.get(s.participants);
  if (!people) {
    people = Object.freeze(Object.values(s.participants).filter((p) => !p.removed));
    activeByRecord.set(s.participants, people);
  }
  return people;
}

/**
 * `after` is `before` with `joined` added at the end: its list is the one before plus them, not a new scan of the
 * whole record (a hall of 2,000 joining would scan it 2,000 times).
 */
export function joinedTo(before: object, after: object, joined: Participant): void {
  const people = activeByRecord.get(before);
  // A new key goes last in the record's order, unless it reads as an array index: those go first (then: scan).
  if (people && !INDEX_LIKE.test(joined.id)) activeByRecord.set(after, Object.freeze([...people, joined]));
}

const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;
