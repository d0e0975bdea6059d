import { describe, expect, it } from 'vitest';
import type { WorkshopEvent } from './events.ts';
import { evolve } from './evolve.ts';
import type { Workshop } from './model.ts';
import {
  activeCount,
  activeParticipants,
  allParticipants,
  doneCount,
  groupMembers,
  joinedSince,
  participantOf,
  participantsFrom,
  takenNames,
} from './participants.ts';
import { shardsOf } from './records.ts';
import { createWorkshop, newShards, run } from './test-helpers.ts';

const joined = (participantId: string, at: number, name = `P ${participantId}`) =>
  ({ type: 'participant.joined', participantId, name, organisation: '', tokenHash: `t${participantId}`, at }) as const;

/** The same people in a record no join led to: every figure of it is computed from scratch. */
const scanned = (s: Workshop): Workshop => ({ ...s, participants: participantsFrom(allParticipants(s)) });

const figures = (s: Workshop) => ({
  active: activeParticipants(s).map((p) => p.id),
  count: activeCount(s),
  done: doneCount(s),
  members: [...groupMembers(s)],
  names: [...takenNames(s)].sort(),
});

describe('participants', () => {
  it('list everyone in join order, ids that read as numbers included', () => {
    let s: Workshop = run([createWorkshop()]);
    for (const [i, id] of ['p1', 'p2', '42', 'p3', '7', 'p4'].entries()) s = evolve(s, joined(id, i));
    expect(activeParticipants(s).map((p) => p.id)).toEqual(['p1', 'p2', '42', 'p3', '7', 'p4']);
    s = evolve(s, { type: 'participant.removed', participantId: 'p2' });
    expect(activeParticipants(s).map((p) => p.id)).toEqual(['p1', '42', 'p3', '7', 'p4']);
    expect(allParticipants(s).map((p) => p.id)).toEqual(['p1', 'p2', '42', 'p3', '7', 'p4']);
    expect(participantOf(s, 'p2')?.removed).toBe(true);
    expect(participantOf(s, 'nobody')).toBeUndefined();
  });

  it('are shared while unchanged, and frozen', () => {
    const s = evolve(run([createWorkshop()]), joined('p1', 1));
    const voted = { ...s, tallies: { x: 1 } };
    expect(activeParticipants(voted)).toBe(activeParticipants(s));
    expect(Object.isFrozen(activeParticipants(s))).toBe(true);
  });

  it('a join copies one shard of the record, not the hall', () => {
    let s: Workshop = run([createWorkshop()]);
    for (let i = 0; i < 500; i++) s = evolve(s, joined(`p${i}`, i));
    const after = evolve(s, joined('newcomer', 500));
    expect(newShards(s.participants, after.participants)).toHaveLength(1);
    expect([...shardsOf(after.participants)].length).toBeGreaterThan(300);
  });

  it('figures a join hands on are the ones a scan gives, through joins, renames, groups, "klar" and removals', () => {
    let s: Workshop = run([createWorkshop()]);
    const events: WorkshopEvent[] = [
      joined('p1', 1, 'Anna'),
      joined('p2', 2, 'anna (2)'),
      joined('p3', 3, 'Åsa'),
      { type: 'group.created', groupId: 'g1', name: 'Norr' },
      { type: 'group.assigned', participantId: 'p1', groupId: 'g1' },
      joined('p4', 4, 'Samverkansöverenskommelsefrågor'),
      { type: 'participant.done', participantId: 'p3', done: true },
      joined('p5', 5, 'ÅSA'),
      { type: 'participant.renamed', participantId: 'p2', name: 'Bo' },
      joined('p6', 6, 'Anna (2)'),
      { type: 'participant.removed', participantId: 'p3' },
      joined('p7', 7, 'Åsa'),
      { type: 'group.assigned', participantId: 'p7', groupId: 'g1' },
      joined('p8', 8),
    ];
    // Every figure is asked for after every step, so each join finds them on the record before it.
    for (const e of events) {
      s = evolve(s, e);
      expect(figures(s)).toEqual(figures(scanned(s)));
    }
    expect(figures(s)).toMatchObject({ count: 7, members: [['g1', ['Anna', 'Åsa']]] });
    expect(takenNames(s).get('åsa')).toBe(2);
  });

  it('the name index moves to the new record; the record before it counts again from scratch', () => {
    const before = evolve(run([createWorkshop()]), joined('p1', 1, 'Pia'));
    expect(takenNames(before).get('pia')).toBe(1);
    const after = evolve(before, joined('p2', 2, 'Pia (2)'));
    expect(takenNames(after).get('pia (2)')).toBe(1);
    expect(takenNames(before).get('pia (2)')).toBeUndefined();
    expect(takenNames(before).get('pia')).toBe(1);
  });

  it('joinedSince names who joined between two records, and nothing when something else changed', () => {
    const start = evolve(run([createWorkshop()]), joined('p1', 1));
    const two = evolve(evolve(start, joined('p2', 2)), joined('p3', 3));
    expect(joinedSince(start.participants, two.participants)?.map((p) => p.id)).toEqual(['p2', 'p3']);
    expect(joinedSince(two.participants, two.participants)).toEqual([]);
    const renamed = evolve(two, { type: 'participant.renamed', participantId: 'p1', name: 'X' });
    expect(joinedSince(start.participants, renamed.participants)).toBeNull();
    expect(joinedSince(start.participants, two.participants, 1)).toBeNull();
  });
});
