import { describe, expect, it } from 'vitest';
import { applyTally } from './tally-changes.ts';
import type { TallyView } from './views.ts';

const tally = (ballots: TallyView['ballots'], changed?: true): TallyView => ({
  participants: 3,
  online: 3,
  done: 0,
  dotsUsed: 0,
  dotsTotal: 30,
  tallies: {},
  ballots,
  ...(changed ? { ballotsChanged: changed } : {}),
});

describe('applyTally', () => {
  it('takes a whole tally as it is', () => {
    const next = tally({ a: { i1: 1 } });
    expect(applyTally(tally({ b: { i2: 2 } }), next)).toBe(next);
  });

  it('merges changed ballots into the ones held: a changed one replaced, an emptied one {}, the rest kept', () => {
    const held = applyTally(null, tally({ a: { i1: 1 }, b: { i2: 2 }, c: { i3: 3 } }));
    const next = applyTally(held, tally({ a: { i1: 2, i2: 1 }, c: {} }, true));
    expect({ ...next.ballots }).toEqual({ a: { i1: 2, i2: 1 }, b: { i2: 2 }, c: {} });
    expect(next).not.toHaveProperty('ballotsChanged');
    expect(next.dotsTotal).toBe(30);
  });

  it('keeps a person whose id is a reserved word as data', () => {
    const next = applyTally(tally({}), tally(JSON.parse('{"__proto__": {"i1": 1}}') as TallyView['ballots'], true));
    expect(Object.keys(next.ballots ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).i1).toBeUndefined();
  });
});
