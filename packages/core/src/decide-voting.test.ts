import { describe, expect, it } from 'vitest';
import type { RuleCase, Step } from './test-helpers.ts';
import { checkRule, createWorkshop, dotsOf, fac, FAC, P, run, unvote, vote, voting, withIdeas } from './test-helpers.ts';
import { dotsLeft, dotsSpent } from './voting.ts';
import { ballotOf, ballotsAsRecord } from './ballots.ts';
import { participantOf } from './participants.ts';

const times = (n: number, step: Step): Step[] => Array.from({ length: n }, () => step);
const configure = (settings: Parameters<typeof cfg>[0]) => fac(cfg(settings));
function cfg(settings: { budget?: number; capPerIdea?: number | null; anonymous?: boolean; hideResults?: boolean }) {
  return { type: 'voting:configure' as const, settings };
}

const dots: RuleCase[] = [
  { name: 'not before voting opens', setup: withIdeas(), command: { type: 'vote:add', ideaId: 'i1' }, actor: P('p1'), expect: { error: 'voting_not_open' } },
  {
    name: 'no undo before voting opens',
    setup: withIdeas(),
    command: { type: 'vote:remove', ideaId: 'i1' },
    actor: P('p1'),
    expect: { error: 'voting_not_open' },
  },
  {
    name: 'a dot',
    setup: voting(),
    command: { type: 'vote:add', ideaId: 'i1' },
    actor: P('p1'),
    expect: { events: ['vote.added'] },
    then: (s) => expect(s.tallies).toEqual({ i1: 1 }),
  },
  {
    name: 'stacking on one idea is allowed',
    setup: [...voting(), vote('p1', 'i1'), vote('p1', 'i1')],
    command: { type: 'vote:add', ideaId: 'i1' },
    actor: P('p1'),
    expect: { events: ['vote.added'] },
    then: (s) => {
      expect(ballotOf(s.votes, 'p1')).toEqual({ i1: 3 });
      expect(s.tallies).toEqual({ i1: 3 });
    },
  },
  {
    name: 'undo takes one dot back',
    setup: [...voting(), vote('p1', 'i1'), vote('p1', 'i1'), vote('p2', 'i1')],
    command: { type: 'vote:remove', ideaId: 'i1' },
    actor: P('p1'),
    expect: { events: ['vote.removed'] },
    then: (s) => {
      expect(ballotOf(s.votes, 'p1')).toEqual({ i1: 1 });
      expect(s.tallies).toEqual({ i1: 2 });
    },
  },
  {
    name: 'undoing the last dot leaves no zero entry',
    setup: [...voting(), vote('p1', 'i2')],
    command: { type: 'vote:remove', ideaId: 'i2' },
    actor: P('p1'),
    expect: { events: ['vote.removed'] },
    then: (s) => {
      expect(ballotOf(s.votes, 'p1')).toEqual({});
      expect(s.tallies).toEqual({});
    },
  },
  {
    name: 'no dot to remove',
    setup: [...voting(), vote('p2', 'i1')],
    command: { type: 'vote:remove', ideaId: 'i1' },
    actor: P('p1'),
    expect: { error: 'no_dot_to_remove' },
  },
  { name: 'unknown idea', setup: voting(), command: { type: 'vote:add', ideaId: 'zz' }, actor: P('p1'), expect: { error: 'not_found' } },
  {
    name: 'the 11th dot of the default budget',
    setup: [...voting(), ...times(6, vote('p1', 'i1')), ...times(4, vote('p1', 'i3'))],
    command: { type: 'vote:add', ideaId: 'i2' },
    actor: P('p1'),
    expect: { error: 'budget_exhausted' },
  },
  {
    name: 'the budget is per person',
    setup: [...voting(), ...times(10, vote('p1', 'i1'))],
    command: { type: 'vote:add', ideaId: 'i1' },
    actor: P('p2'),
    expect: { events: ['vote.added'] },
  },
  {
    name: 'the cap per idea',
    setup: [...withIdeas(), configure({ capPerIdea: 2 }), fac({ type: 'voting:open' }), vote('p1', 'i1'), vote('p1', 'i1')],
    command: { type: 'vote:add', ideaId: 'i1' },
    actor: P('p1'),
    expect: { error: 'cap_reached' },
  },
  {
    name: 'the cap leaves other ideas free',
    setup: [...withIdeas(), configure({ capPerIdea: 2 }), fac({ type: 'voting:open' }), vote('p1', 'i1'), vote('p1', 'i1')],
    command: { type: 'vote:add', ideaId: 'i2' },
    actor: P('p1'),
    expect: { events: ['vote.added'] },
  },
  {
    name: 'no dots once closed',
    setup: [...voting(), fac({ type: 'voting:close' })],
    command: { type: 'vote:add', ideaId: 'i1' },
    actor: P('p1'),
    expect: { error: 'voting_not_open' },
  },
  { name: 'closing needs open voting', setup: withIdeas(), command: { type: 'voting:close' }, actor: FAC, expect: { error: 'voting_not_open' } },
  { name: 'opening twice', setup: voting(), command: { type: 'voting:open' }, actor: FAC, expect: { error: 'invalid' } },
  {
    name: 'reopening keeps the dots already placed',
    setup: [...voting(), ...times(9, vote('p1', 'i1')), fac({ type: 'voting:close' }), fac({ type: 'voting:open' }), vote('p1', 'i2')],
    command: { type: 'vote:add', ideaId: 'i3' },
    actor: P('p1'),
    expect: { error: 'budget_exhausted' },
  },
];

const settings: RuleCase[] = [
  {
    name: 'defaults: 10 dots, no cap, anonymous, results hidden',
    setup: [createWorkshop()],
    command: { type: 'voting:open' },
    actor: FAC,
    expect: { events: ['voting.opened'] },
    then: (s) => expect(s.voting).toEqual({ status: 'open', revealed: false, settings: { budget: 10, capPerIdea: null, anonymous: true, hideResults: true } }),
  },
  { name: 'budget 0 is invalid', setup: withIdeas(), command: cfg({ budget: 0 }), actor: FAC, expect: { error: 'invalid' } },
  { name: 'budget over 100 is invalid', setup: withIdeas(), command: cfg({ budget: 101 }), actor: FAC, expect: { error: 'invalid' } },
  { name: 'fractional budget is invalid', setup: withIdeas(), command: cfg({ budget: 2.5 }), actor: FAC, expect: { error: 'invalid' } },
  { name: 'cap above the budget is invalid', setup: withIdeas(), command: cfg({ budget: 3, capPerIdea: 4 }), actor: FAC, expect: { error: 'invalid' } },
  {
    name: 'partial settings keep the rest',
    setup: withIdeas(),
    command: cfg({ budget: 5 }),
    actor: FAC,
    expect: { events: ['voting.configured'] },
    then: (s) => expect(s.voting.settings).toEqual({ budget: 5, capPerIdea: null, anonymous: true, hideResults: true }),
  },
  {
    name: 'budget below what someone spent',
    setup: [...voting(), ...times(4, vote('p2', 'i1'))],
    command: cfg({ budget: 3 }),
    actor: FAC,
    expect: { error: 'budget_below_spent' },
  },
  {
    name: 'budget equal to what someone spent',
    setup: [...voting(), ...times(4, vote('p2', 'i1'))],
    command: cfg({ budget: 4 }),
    actor: FAC,
    expect: { events: ['voting.configured'] },
  },
  {
    name: 'cap below a stack',
    setup: [...voting(), ...times(3, vote('p2', 'i1'))],
    command: cfg({ capPerIdea: 2 }),
    actor: FAC,
    expect: { error: 'cap_below_stacked' },
  },
  {
    name: 'cap equal to the highest stack',
    setup: [...voting(), ...times(3, vote('p2', 'i1')), vote('p1', 'i2')],
    command: cfg({ capPerIdea: 3 }),
    actor: FAC,
    expect: { events: ['voting.configured'] },
  },
  {
    name: 'anonymity off before any dot',
    setup: voting(),
    command: cfg({ anonymous: false }),
    actor: FAC,
    expect: { events: ['voting.configured'] },
    then: (s) => expect(s.voting.settings.anonymous).toBe(false),
  },
  {
    name: 'anonymity is locked after an anonymous dot',
    setup: [...voting(), vote('p3', 'i3')],
    command: cfg({ anonymous: false }),
    actor: FAC,
    expect: { error: 'anonymity_locked' },
  },
  {
    name: 'anonymity can still be switched on',
    setup: [...voting(), configure({ anonymous: false }), vote('p3', 'i3')],
    command: cfg({ anonymous: true }),
    actor: FAC,
    expect: { events: ['voting.configured'] },
  },
  { name: 'participants cannot configure', setup: voting(), command: cfg({ budget: 20 }), actor: P('p1'), expect: { error: 'forbidden' } },
];

const lifecycle: RuleCase[] = [
  {
    name: 'deleting an idea returns its dots',
    setup: [...voting(), vote('p1', 'i1'), vote('p1', 'i2'), vote('p1', 'i2'), vote('p2', 'i2')],
    command: { type: 'idea:delete', ideaId: 'i2' },
    actor: FAC,
    expect: { events: ['idea.deleted'] },
    then: (s) => {
      expect(ballotsAsRecord(s.votes)).toEqual({ p1: { i1: 1 }, p2: {} });
      expect(s.tallies).toEqual({ i1: 1 });
      expect(dotsLeft(s.voting.settings, ballotOf(s.votes, 'p1'))).toBe(9);
    },
  },
  {
    name: 'removing a participant drops their dots',
    setup: [...voting(), vote('p1', 'i1'), vote('p2', 'i1'), vote('p2', 'i1'), vote('p2', 'i3')],
    command: { type: 'participant:remove', participantId: 'p2' },
    actor: FAC,
    expect: { events: ['participant.removed'] },
    then: (s) => {
      expect(ballotsAsRecord(s.votes)).toEqual({ p1: { i1: 1 } });
      expect(s.tallies).toEqual({ i1: 1 });
      expect(participantOf(s, 'p2')?.removed).toBe(true);
    },
  },
  {
    name: 'reset clears every dot, reopens nothing and un-marks done',
    setup: [
      ...voting(),
      vote('p1', 'i1'),
      [{ type: 'participant:done', done: true }, P('p1')],
      fac({ type: 'voting:close' }),
      fac({ type: 'voting:reveal', revealed: true }),
    ],
    command: { type: 'voting:reset' },
    actor: FAC,
    expect: { events: ['voting.reset'] },
    then: (s) => {
      expect(ballotsAsRecord(s.votes)).toEqual({});
      expect(s.tallies).toEqual({});
      expect(s.voting.status).toBe('idle');
      expect(s.voting.revealed).toBe(false);
      expect(participantOf(s, 'p1')?.done).toBe(false);
    },
  },
  {
    name: 'reveal',
    setup: [...voting(), fac({ type: 'voting:close' })],
    command: { type: 'voting:reveal', revealed: true },
    actor: FAC,
    expect: { events: ['voting.revealed'] },
    then: (s) => expect(s.voting.revealed).toBe(true),
  },
];

describe.each([
  ['dots', dots],
  ['settings', settings],
  ['lifecycle', lifecycle],
])('decide voting: %s', (_title, cases) => {
  it.each(cases)('$name', (c) => checkRule(c));
});

describe('voting helpers', () => {
  it('count what a person spent and has left', () => {
    const s = run([...voting(), vote('p1', 'i1'), vote('p1', 'i1'), vote('p1', 'i3'), unvote('p1', 'i1')]);
    expect(dotsSpent(ballotOf(s.votes, 'p1'))).toBe(2);
    expect(dotsLeft(s.voting.settings, ballotOf(s.votes, 'p1'))).toBe(8);
    expect(dotsLeft(s.voting.settings, undefined)).toBe(10);
    expect(dotsOf(s, 'p1', 'i1')).toBe(1);
  });
});
