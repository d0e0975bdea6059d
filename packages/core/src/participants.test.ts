import { describe, expect, it } from 'vitest';
import { evolve } from './evolve.ts';
import type { Workshop } from './model.ts';
import { activeParticipants } from './participants.ts';
import { createWorkshop, run } from './test-helpers.ts';

const joined = (participantId: string, at: number) =>
  ({ type: 'participant.joined', participantId, name: `P ${participantId}`, organisation: '', tokenHash: `t${participantId}`, at }) as const;

describe('activeParticipants', () => {
  it('after each join is what a scan of the record gives, in the same order, ids that read as numbers included', () => {
    let s: Workshop = run([createWorkshop()]);
    const scan = (w: Workshop) => Object.values(w.participants).filter((p) => !p.removed);
    activeParticipants(s);
    for (const [i, id] of ['p1', 'p2', '42', 'p3', '7', 'p4'].entries()) {
      s = evolve(s, joined(id, i));
      expect(activeParticipants(s)).toEqual(scan(s));
    }
    expect(activeParticipants(s).map((p) => p.id)).toEqual(['7', '42', 'p1', 'p2', 'p3', 'p4']);
    s = evolve(s, { type: 'participant.removed', participantId: 'p2' });
    expect(activeParticipants(s).map((p) => p.id)).toEqual(['7', '42', 'p1', 'p3', 'p4']);
  });

  it('is shared while the participants are unchanged, and frozen', () => {
    const s = evolve(run([createWorkshop()]), joined('p1', 1));
    const voted = { ...s, tallies: { x: 1 } };
    expect(activeParticipants(voted)).toBe(activeParticipants(s));
    expect(Object.isFrozen(activeParticipants(s))).toBe(true);
  });
});
