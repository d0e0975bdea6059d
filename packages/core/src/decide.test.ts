import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import type { RuleCase } from './test-helpers.ts';
import { addIdea, checkRule, createWorkshop, fac, FAC, join, P, run, STEP, SYS, vote, voting, withIdeas } from './test-helpers.ts';
import { ballotsAsRecord } from './ballots.ts';
import { allParticipants, participantOf } from './participants.ts';

const base = () => [createWorkshop(), join('p1', 'Pia'), join('p2', 'David'), join('p3', 'Isabel')];

const roles: RuleCase[] = [
  { name: 'participant cannot open voting', setup: base(), command: { type: 'voting:open' }, actor: P('p1'), expect: { error: 'forbidden' } },
  {
    name: 'participant cannot delete an idea',
    setup: withIdeas(),
    command: { type: 'idea:delete', ideaId: 'i1' },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'participant cannot split groups',
    setup: base(),
    command: { type: 'group:split', groups: [{ id: 'g1', name: 'Grupp 1' }], seed: 1 },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'participant cannot remove others',
    setup: base(),
    command: { type: 'participant:remove', participantId: 'p2' },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  { name: 'participant cannot move the agenda', setup: base(), command: { type: 'agenda:goto', stepIndex: 1 }, actor: P('p1'), expect: { error: 'forbidden' } },
  {
    name: 'participant cannot create a workshop',
    setup: [],
    command: createWorkshop()[0],
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  { name: 'a second create is refused', setup: base(), command: createWorkshop()[0], actor: FAC, expect: { error: 'already_exists' } },
  { name: 'commands before create are not_found', setup: [], command: { type: 'voting:open' }, actor: FAC, expect: { error: 'not_found' } },
  {
    name: 'unknown participant is refused',
    setup: base(),
    command: { type: 'participant:done', done: true },
    actor: P('ghost'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'removed participant is refused',
    setup: [...base(), fac({ type: 'participant:remove', participantId: 'p2' })],
    command: { type: 'participant:done', done: true },
    actor: P('p2'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'participant renames self',
    setup: base(),
    command: { type: 'participant:rename', participantId: 'p1', name: 'Pia S' },
    actor: P('p1'),
    expect: { events: ['participant.renamed'] },
    then: (s) => expect(participantOf(s, 'p1')?.name).toBe('Pia S'),
  },
  {
    name: 'participant cannot rename another',
    setup: base(),
    command: { type: 'participant:rename', participantId: 'p2', name: 'X' },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'facilitator renames anyone',
    setup: base(),
    command: { type: 'participant:rename', participantId: 'p2', name: 'Dave' },
    actor: FAC,
    expect: { events: ['participant.renamed'] },
  },
  {
    name: 'participant edits own idea during brainstorm',
    setup: [...base(), fac({ type: 'agenda:goto', stepIndex: STEP.brainstorm }), addIdea('mine', 'omvarld', P('p1'))],
    command: { type: 'idea:edit', ideaId: 'mine', text: 'Studieresa', details: 'Okt' },
    actor: P('p1'),
    expect: { events: ['idea.edited'] },
    then: (s) => expect(s.ideas.mine).toMatchObject({ text: 'Studieresa', details: 'Okt' }),
  },
  {
    name: "participant cannot edit another's idea",
    setup: [...base(), fac({ type: 'agenda:goto', stepIndex: STEP.brainstorm }), addIdea('theirs', 'omvarld', P('p2'))],
    command: { type: 'idea:edit', ideaId: 'theirs', text: 'x', details: '' },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  {
    name: "participant cannot edit the facilitator's idea",
    setup: withIdeas(),
    command: { type: 'idea:edit', ideaId: 'i1', text: 'x', details: '' },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'participant cannot edit own idea once brainstorm is over',
    setup: [
      ...base(),
      fac({ type: 'agenda:goto', stepIndex: STEP.brainstorm }),
      addIdea('mine', 'omvarld', P('p1')),
      fac({ type: 'agenda:goto', stepIndex: STEP.present }),
    ],
    command: { type: 'idea:edit', ideaId: 'mine', text: 'x', details: '' },
    actor: P('p1'),
    expect: { error: 'not_accepting_ideas' },
  },
  { name: 'facilitator cannot vote', setup: voting(), command: { type: 'vote:add', ideaId: 'i1' }, actor: FAC, expect: { error: 'forbidden' } },
  { name: 'facilitator cannot be done', setup: base(), command: { type: 'participant:done', done: true }, actor: FAC, expect: { error: 'forbidden' } },
  {
    name: 'participant marks self done',
    setup: base(),
    command: { type: 'participant:done', done: true },
    actor: P('p3'),
    expect: { events: ['participant.done'] },
    then: (s) => expect(participantOf(s, 'p3')?.done).toBe(true),
  },
];

const joinCmd = (participantId: string, name: string) => join(participantId, name)[0];

const joining: RuleCase[] = [
  {
    name: 'joins with the given name',
    setup: base(),
    command: joinCmd('p4', 'Lisa'),
    actor: SYS,
    expect: { events: ['participant.joined'] },
    then: (s) => expect(participantOf(s, 'p4')).toMatchObject({ name: 'Lisa', removed: false, groupId: null }),
  },
  {
    name: 'name collision gets " (2)"',
    setup: base(),
    command: joinCmd('p4', 'Pia'),
    actor: SYS,
    expect: { events: ['participant.joined'] },
    then: (s) => expect(participantOf(s, 'p4')?.name).toBe('Pia (2)'),
  },
  {
    name: 'collision is case-insensitive',
    setup: base(),
    command: joinCmd('p4', 'pia'),
    actor: SYS,
    expect: { events: ['participant.joined'] },
    then: (s) => expect(participantOf(s, 'p4')?.name).toBe('pia (2)'),
  },
  {
    name: 'third of a name gets " (3)"',
    setup: [...base(), join('p4', 'Pia')],
    command: joinCmd('p5', 'Pia'),
    actor: SYS,
    expect: { events: ['participant.joined'] },
    then: (s) => expect(participantOf(s, 'p5')?.name).toBe('Pia (3)'),
  },
  {
    name: 'whitespace is tidied',
    setup: base(),
    command: joinCmd('p4', '  Lena   Dalerup '),
    actor: SYS,
    expect: { events: ['participant.joined'] },
    then: (s) => expect(participantOf(s, 'p4')?.name).toBe('Lena Dalerup'),
  },
  {
    name: "a removed participant's name is free again",
    setup: [...base(), fac({ type: 'participant:remove', participantId: 'p1' })],
    command: joinCmd('p4', 'Pia'),
    actor: SYS,
    expect: { events: ['participant.joined'] },
    then: (s) => expect(participantOf(s, 'p4')?.name).toBe('Pia'),
  },
  {
    name: 'rename into a taken name gets a suffix',
    setup: base(),
    command: { type: 'participant:rename', participantId: 'p2', name: 'Isabel' },
    actor: P('p2'),
    expect: { events: ['participant.renamed'] },
    then: (s) => expect(participantOf(s, 'p2')?.name).toBe('Isabel (2)'),
  },
  {
    name: 'rename to own name keeps it',
    setup: base(),
    command: { type: 'participant:rename', participantId: 'p2', name: 'David' },
    actor: P('p2'),
    expect: { events: ['participant.renamed'] },
    then: (s) => expect(participantOf(s, 'p2')?.name).toBe('David'),
  },
  {
    name: 'joining locked is refused',
    setup: [...base(), fac({ type: 'workshop:lock-joining', locked: true })],
    command: joinCmd('p4', 'Lisa'),
    actor: SYS,
    expect: { error: 'joining_locked' },
  },
  {
    name: 'unlocking lets people in again',
    setup: [...base(), fac({ type: 'workshop:lock-joining', locked: true }), fac({ type: 'workshop:lock-joining', locked: false })],
    command: joinCmd('p4', 'Lisa'),
    actor: SYS,
    expect: { events: ['participant.joined'] },
  },
  { name: 'same id twice is refused', setup: base(), command: joinCmd('p1', 'Pia'), actor: SYS, expect: { error: 'already_exists' } },
  { name: 'the facilitator cannot join people directly', setup: base(), command: joinCmd('p4', 'Lisa'), actor: FAC, expect: { error: 'forbidden' } },
];

const groups: RuleCase[] = [
  {
    name: 'create a group',
    setup: base(),
    command: { type: 'group:create', groupId: 'g1', name: 'Grupp 1' },
    actor: FAC,
    expect: { events: ['group.created'] },
    then: (s) => expect(s.groups).toEqual([{ id: 'g1', name: 'Grupp 1' }]),
  },
  {
    name: 'duplicate group id',
    setup: [...base(), fac({ type: 'group:create', groupId: 'g1', name: 'A' })],
    command: { type: 'group:create', groupId: 'g1', name: 'B' },
    actor: FAC,
    expect: { error: 'already_exists' },
  },
  {
    name: 'assign a participant',
    setup: [...base(), fac({ type: 'group:create', groupId: 'g1', name: 'A' })],
    command: { type: 'group:assign', participantId: 'p2', groupId: 'g1' },
    actor: FAC,
    expect: { events: ['group.assigned'] },
    then: (s) => expect(participantOf(s, 'p2')?.groupId).toBe('g1'),
  },
  {
    name: 'assign to an unknown group',
    setup: base(),
    command: { type: 'group:assign', participantId: 'p2', groupId: 'nope' },
    actor: FAC,
    expect: { error: 'not_found' },
  },
  {
    name: 'assign an unknown participant',
    setup: [...base(), fac({ type: 'group:create', groupId: 'g1', name: 'A' })],
    command: { type: 'group:assign', participantId: 'x', groupId: 'g1' },
    actor: FAC,
    expect: { error: 'not_found' },
  },
  {
    name: 'deleting a group ungroups its members',
    setup: [...base(), fac({ type: 'group:create', groupId: 'g1', name: 'A' }), fac({ type: 'group:assign', participantId: 'p1', groupId: 'g1' })],
    command: { type: 'group:delete', groupId: 'g1' },
    actor: FAC,
    expect: { events: ['group.deleted'] },
    then: (s) => {
      expect(s.groups).toEqual([]);
      expect(participantOf(s, 'p1')?.groupId).toBeNull();
    },
  },
  { name: 'split needs at least one group', setup: base(), command: { type: 'group:split', groups: [], seed: 1 }, actor: FAC, expect: { error: 'invalid' } },
  {
    name: 'split group ids must differ',
    setup: base(),
    command: {
      type: 'group:split',
      groups: [
        { id: 'g', name: 'A' },
        { id: 'g', name: 'B' },
      ],
      seed: 1,
    },
    actor: FAC,
    expect: { error: 'invalid' },
  },
];

const ideas: RuleCase[] = [
  { name: 'participant cannot add in the lobby', setup: base(), command: addIdea('x')[0], actor: P('p1'), expect: { error: 'not_accepting_ideas' } },
  {
    name: 'participant adds during brainstorm, with own group and authorship',
    setup: [
      ...base(),
      fac({ type: 'group:create', groupId: 'g1', name: 'A' }),
      fac({ type: 'group:assign', participantId: 'p1', groupId: 'g1' }),
      fac({ type: 'agenda:goto', stepIndex: STEP.brainstorm }),
    ],
    // The group in the command is ignored for participants: they write for their own group.
    command: { type: 'idea:add', ideaId: 'x', boardId: 'erfarenhet', text: 'Trygghet', groupId: null },
    actor: P('p1'),
    expect: { events: ['idea.added'] },
    then: (s) =>
      expect(s.ideas.x).toMatchObject({ boardId: 'erfarenhet', text: 'Trygghet', details: '', authorId: 'p1', groupId: 'g1', hidden: false, seq: 1 }),
  },
  {
    name: 'participant cannot add during the vote step',
    setup: [...base(), fac({ type: 'agenda:goto', stepIndex: STEP.vote })],
    command: addIdea('x')[0],
    actor: P('p1'),
    expect: { error: 'not_accepting_ideas' },
  },
  {
    name: 'facilitator adds anytime',
    setup: base(),
    command: addIdea('x')[0],
    actor: FAC,
    expect: { events: ['idea.added'] },
    then: (s) => expect(s.ideas.x?.authorId).toBeNull(),
  },
  { name: 'unknown board', setup: base(), command: addIdea('x', 'nope')[0], actor: FAC, expect: { error: 'not_found' } },
  { name: 'duplicate idea id', setup: withIdeas(), command: addIdea('i1')[0], actor: FAC, expect: { error: 'already_exists' } },
  {
    name: 'facilitator names an unknown group',
    setup: base(),
    command: { type: 'idea:add', ideaId: 'x', boardId: 'omvarld', text: 't', groupId: 'nope' },
    actor: FAC,
    expect: { error: 'not_found' },
  },
  {
    name: 'edit an idea',
    setup: withIdeas(),
    command: { type: 'idea:edit', ideaId: 'i1', text: 'Finansiering', details: 'BID' },
    actor: FAC,
    expect: { events: ['idea.edited'] },
    then: (s) => expect(s.ideas.i1).toMatchObject({ text: 'Finansiering', details: 'BID' }),
  },
  {
    name: 'edit an unknown idea',
    setup: withIdeas(),
    command: { type: 'idea:edit', ideaId: 'zz', text: 't', details: '' },
    actor: FAC,
    expect: { error: 'not_found' },
  },
  {
    name: 'move to another board',
    setup: withIdeas(),
    command: { type: 'idea:move', ideaId: 'i1', boardId: 'kollegialt' },
    actor: FAC,
    expect: { events: ['idea.moved'] },
    then: (s) => expect(s.ideas.i1?.boardId).toBe('kollegialt'),
  },
  {
    name: 'move to an unknown board',
    setup: withIdeas(),
    command: { type: 'idea:move', ideaId: 'i1', boardId: 'nope' },
    actor: FAC,
    expect: { error: 'not_found' },
  },
  {
    name: 'hide an idea',
    setup: withIdeas(),
    command: { type: 'idea:hide', ideaId: 'i2', hidden: true },
    actor: FAC,
    expect: { events: ['idea.hidden'] },
    then: (s) => expect(s.ideas.i2?.hidden).toBe(true),
  },
  {
    name: 'a hidden idea takes no dots',
    setup: [...voting(), fac({ type: 'idea:hide', ideaId: 'i2', hidden: true })],
    command: { type: 'vote:add', ideaId: 'i2' },
    actor: P('p1'),
    expect: { error: 'not_found' },
  },
  {
    name: 'delete an idea',
    setup: withIdeas(),
    command: { type: 'idea:delete', ideaId: 'i2' },
    actor: FAC,
    expect: { events: ['idea.deleted'] },
    then: (s) => expect(Object.keys(s.ideas).sort()).toEqual(['i1', 'i3']),
  },
  {
    name: 'merge is refused while voting is open',
    setup: voting(),
    command: { type: 'idea:merge', targetId: 'i1', sourceIds: ['i2'] },
    actor: FAC,
    expect: { error: 'voting_open' },
  },
  {
    name: 'merge into itself',
    setup: withIdeas(),
    command: { type: 'idea:merge', targetId: 'i1', sourceIds: ['i1', 'i2'] },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'merge with no sources',
    setup: withIdeas(),
    command: { type: 'idea:merge', targetId: 'i1', sourceIds: [] },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'merge an unknown source',
    setup: withIdeas(),
    command: { type: 'idea:merge', targetId: 'i1', sourceIds: ['zz'] },
    actor: FAC,
    expect: { error: 'not_found' },
  },
  {
    name: 'merge after close moves dots per person onto the target and removes the sources',
    setup: [...voting(), vote('p1', 'i1'), vote('p1', 'i2'), vote('p1', 'i2'), vote('p2', 'i3'), vote('p3', 'i2'), fac({ type: 'voting:close' })],
    command: { type: 'idea:merge', targetId: 'i1', sourceIds: ['i2', 'i3', 'i2'] },
    actor: FAC,
    expect: { events: ['idea.merged'] },
    then: (s) => {
      expect(Object.keys(s.ideas)).toEqual(['i1']);
      expect(s.ideas.i1?.merged).toEqual(['i2', 'i3']);
      expect(ballotsAsRecord(s.votes)).toEqual({ p1: { i1: 3 }, p2: { i1: 1 }, p3: { i1: 1 } });
      expect(s.tallies).toEqual({ i1: 5 });
    },
  },
  {
    name: 'merging undotted ideas leaves no empty tally behind',
    setup: [...voting(), vote('p1', 'i3'), fac({ type: 'voting:close' })],
    command: { type: 'idea:merge', targetId: 'i1', sourceIds: ['i2'] },
    actor: FAC,
    expect: { events: ['idea.merged'] },
    then: (s) => expect(s.tallies).toEqual({ i3: 1 }),
  },
];

const agenda: RuleCase[] = [
  {
    name: 'goto sets the timer to the step minutes, stopped',
    setup: base(),
    command: { type: 'agenda:goto', stepIndex: STEP.focus },
    actor: FAC,
    expect: { events: ['agenda.moved'] },
    // "Fokus": 10 minutes in the handlingsplan template (steps with phases: decide-phases.test.ts).
    then: (s) => {
      expect(s.stepIndex).toBe(5);
      expect(s.timer).toEqual({ durationMs: 10 * 60_000, elapsedMs: 0, startedAt: null });
    },
  },
  { name: 'goto an unknown step', setup: base(), command: { type: 'agenda:goto', stepIndex: 99 }, actor: FAC, expect: { error: 'not_found' } },
  {
    name: 'goto clears the spotlight',
    setup: [...base(), fac({ type: 'group:create', groupId: 'g1', name: 'A' }), fac({ type: 'presentation:spotlight', groupId: 'g1' })],
    command: { type: 'agenda:goto', stepIndex: STEP.present },
    actor: FAC,
    expect: { events: ['agenda.moved'] },
    then: (s) => expect(s.spotlightGroupId).toBeNull(),
  },
];

describe.each([
  ['roles', roles],
  ['joining', joining],
  ['groups', groups],
  ['ideas', ideas],
  ['agenda', agenda],
])('decide: %s', (_title, cases) => {
  it.each(cases)('$name', (c) => checkRule(c));
});

describe('decide: random group split', () => {
  const seven = [createWorkshop(), ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => join(id)), fac({ type: 'participant:remove', participantId: 'g' })];
  const three = [
    { id: 'g1', name: 'Grupp 1' },
    { id: 'g2', name: 'Grupp 2' },
    { id: 'g3', name: 'Grupp 3' },
  ];
  const split = (seed: number) => run([...seven, fac({ type: 'group:split', groups: three, seed })]);
  const assignment = (seed: number) => Object.fromEntries(allParticipants(split(seed)).map((p) => [p.id, p.groupId]));

  it('assigns every active participant, balanced 2/2/2, and leaves the removed one out', () => {
    const s = split(7);
    const sizes = three.map((g) => allParticipants(s).filter((p) => p.groupId === g.id).length);
    expect(sizes).toEqual([2, 2, 2]);
    expect(participantOf(s, 'g')?.groupId).toBeNull();
    expect(s.groups).toEqual(three);
  });

  it('is balanced within one for uneven counts', () => {
    const s = run([createWorkshop(), ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => join(id)), fac({ type: 'group:split', groups: three, seed: 3 })]);
    const sizes = three.map((g) => allParticipants(s).filter((p) => p.groupId === g.id).length).sort();
    expect(sizes).toEqual([2, 2, 3]);
  });

  it('is deterministic for the same seed', () => {
    expect(assignment(42)).toEqual(assignment(42));
  });

  it('different seeds give different splits', () => {
    const distinct = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => JSON.stringify(assignment(seed))));
    expect(distinct.size).toBeGreaterThan(1);
  });

  it('does not reorder the participants of the state it reads', () => {
    const before = run(seven);
    const keys = Object.keys(before.participants);
    decide(before, { type: 'group:split', groups: three, seed: 9 }, FAC, 0);
    expect(Object.keys(before.participants)).toEqual(keys);
  });
});
