import { describe, expect, it } from 'vitest';
import type { RuleCase, Step } from './test-helpers.ts';
import { addIdea, checkRule, createWorkshop, fac, join, P, run } from './test-helpers.ts';
import { templateDesign } from './templates.ts';
import { designOf } from './design.ts';
import { participantOf } from './participants.ts';

/** A question round (its categories are the seed's four) at the questions step, Pia's note n1 and the host's n2. */
function notes(): Step[] {
  return [
    createWorkshop('fragerunda'),
    [{ type: 'participant:join', participantId: 'p1', name: 'Pia', organisation: '', town: 'Umeå', tokenHash: 'h1' }, { role: 'system' }],
    join('p2', 'David'),
    fac({ type: 'workshop:update', categories: templateDesign('fragerunda', 'sv', 2027).categories }),
    fac({ type: 'agenda:goto', stepIndex: 1 }),
    addIdea('n1', 'fraga-1', P('p1'), 'Kommunen pratar inte samma språk som näringslivet'),
    addIdea('n2', 'fraga-1'),
  ];
}

const marks: RuleCase[] = [
  {
    name: 'the writer marks their note TIPS',
    setup: notes(),
    command: { type: 'idea:mark', ideaId: 'n1', tips: true },
    actor: P('p1'),
    expect: { events: ['idea.marked'] },
    then: (s) => expect(s.ideas.n1).toMatchObject({ tips: true, category: null }),
  },
  {
    name: 'the writer files their note under a category',
    setup: notes(),
    command: { type: 'idea:mark', ideaId: 'n1', category: 'Utmaningar' },
    actor: P('p1'),
    expect: { events: ['idea.marked'] },
    then: (s) => expect(s.ideas.n1).toMatchObject({ tips: false, category: 'Utmaningar' }),
  },
  {
    name: 'the writer may mark after writing has stopped (any step)',
    setup: [...notes(), fac({ type: 'agenda:goto', stepIndex: 2 })],
    command: { type: 'idea:mark', ideaId: 'n1', tips: true },
    actor: P('p1'),
    expect: { events: ['idea.marked'] },
  },
  {
    name: 'another participant may not',
    setup: notes(),
    command: { type: 'idea:mark', ideaId: 'n1', tips: true },
    actor: P('p2'),
    expect: { error: 'forbidden' },
  },
  {
    name: "a participant may not mark the host's note",
    setup: notes(),
    command: { type: 'idea:mark', ideaId: 'n2', tips: true },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'the facilitator marks anyone’s note, TIPS and category at once',
    setup: notes(),
    command: { type: 'idea:mark', ideaId: 'n1', tips: true, category: 'Möjligheter' },
    actor: { role: 'facilitator' },
    expect: { events: ['idea.marked'] },
    then: (s) => expect(s.ideas.n1).toMatchObject({ tips: true, category: 'Möjligheter' }),
  },
  {
    name: 'a category the workshop does not have is refused',
    setup: notes(),
    command: { type: 'idea:mark', ideaId: 'n1', category: 'Förbättring' },
    actor: P('p1'),
    expect: { error: 'invalid' },
  },
  {
    name: 'a category in a workshop without categories is refused',
    setup: [createWorkshop('fragerunda'), fac({ type: 'agenda:goto', stepIndex: 1 }), addIdea('n2', 'fraga-1')],
    command: { type: 'idea:mark', ideaId: 'n2', category: 'Utmaningar' },
    actor: { role: 'facilitator' },
    expect: { error: 'invalid' },
  },
  {
    name: 'category null clears it and leaves TIPS as it was',
    setup: [...notes(), fac({ type: 'idea:mark', ideaId: 'n1', tips: true, category: 'Önskemål' })],
    command: { type: 'idea:mark', ideaId: 'n1', category: null },
    actor: P('p1'),
    expect: { events: ['idea.marked'] },
    then: (s) => expect(s.ideas.n1).toMatchObject({ tips: true, category: null }),
  },
  {
    name: 'TIPS off keeps the category',
    setup: [...notes(), fac({ type: 'idea:mark', ideaId: 'n1', tips: true, category: 'Önskemål' })],
    command: { type: 'idea:mark', ideaId: 'n1', tips: false },
    actor: { role: 'facilitator' },
    expect: { events: ['idea.marked'] },
    then: (s) => expect(s.ideas.n1).toMatchObject({ tips: false, category: 'Önskemål' }),
  },
  {
    name: 'a mark that says nothing is refused',
    setup: notes(),
    command: { type: 'idea:mark', ideaId: 'n1' },
    actor: P('p1'),
    expect: { error: 'invalid' },
  },
  {
    name: 'a removed participant may not mark their note',
    setup: [...notes(), fac({ type: 'participant:remove', participantId: 'p1' })],
    command: { type: 'idea:mark', ideaId: 'n1', tips: true },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'a hidden note stays markable by the facilitator',
    setup: [...notes(), fac({ type: 'idea:hide', ideaId: 'n1', hidden: true })],
    command: { type: 'idea:mark', ideaId: 'n1', tips: true },
    actor: { role: 'facilitator' },
    expect: { events: ['idea.marked'] },
    then: (s) => expect(s.ideas.n1).toMatchObject({ hidden: true, tips: true }),
  },
  {
    name: 'a hidden note is gone for its writer',
    setup: [...notes(), fac({ type: 'idea:hide', ideaId: 'n1', hidden: true })],
    command: { type: 'idea:mark', ideaId: 'n1', tips: true },
    actor: P('p1'),
    expect: { error: 'not_found' },
  },
  {
    name: 'an unknown note',
    setup: notes(),
    command: { type: 'idea:mark', ideaId: 'nope', tips: true },
    actor: { role: 'facilitator' },
    expect: { error: 'not_found' },
  },
];

const towns: RuleCase[] = [
  {
    name: 'joining gives the town as written (trimmed)',
    setup: [createWorkshop('fragerunda')],
    command: { type: 'participant:join', participantId: 'p9', name: 'Lena', organisation: '', town: '  Vårgårda/Herrljunga ', tokenHash: 'h9' },
    actor: { role: 'system' },
    expect: { events: ['participant.joined'] },
    then: (s) => expect(participantOf(s, 'p9')?.town).toBe('Vårgårda/Herrljunga'),
  },
  {
    name: 'joining without a town gives ""',
    setup: [createWorkshop('fragerunda')],
    command: { type: 'participant:join', participantId: 'p9', name: 'Lena', organisation: '', tokenHash: 'h9' },
    actor: { role: 'system' },
    expect: { events: ['participant.joined'] },
    then: (s) => expect(participantOf(s, 'p9')?.town).toBe(''),
  },
  {
    name: 'a participant gives their own town',
    setup: notes(),
    command: { type: 'participant:town', participantId: 'p2', town: 'Skellefteå' },
    actor: P('p2'),
    expect: { events: ['participant.town-set'] },
    then: (s) => expect(participantOf(s, 'p2')?.town).toBe('Skellefteå'),
  },
  {
    name: "a participant may not set another's town",
    setup: notes(),
    command: { type: 'participant:town', participantId: 'p1', town: 'Piteå' },
    actor: P('p2'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'the facilitator corrects a town',
    setup: notes(),
    command: { type: 'participant:town', participantId: 'p1', town: 'Umeå kommun' },
    actor: { role: 'facilitator' },
    expect: { events: ['participant.town-set'] },
    then: (s) => expect(participantOf(s, 'p1')?.town).toBe('Umeå kommun'),
  },
  {
    name: 'the facilitator may clear it',
    setup: notes(),
    command: { type: 'participant:town', participantId: 'p1', town: '' },
    actor: { role: 'facilitator' },
    expect: { events: ['participant.town-set'] },
    then: (s) => expect(participantOf(s, 'p1')?.town).toBe(''),
  },
  {
    name: 'a removed participant’s town is not set',
    setup: [...notes(), fac({ type: 'participant:remove', participantId: 'p2' })],
    command: { type: 'participant:town', participantId: 'p2', town: 'Luleå' },
    actor: { role: 'facilitator' },
    expect: { error: 'not_found' },
  },
  {
    name: 'a town past 80 characters is refused',
    setup: notes(),
    command: { type: 'participant:town', participantId: 'p1', town: 'Å'.repeat(81) },
    actor: { role: 'facilitator' },
    expect: { error: 'invalid' },
  },
];

const categories: RuleCase[] = [
  {
    name: 'the facilitator sets the categories',
    setup: [createWorkshop('blank')],
    command: { type: 'workshop:update', categories: ['Samverkansöverenskommelsefrågor', 'TIPS från Umeå'] },
    actor: { role: 'facilitator' },
    expect: { events: ['workshop.updated'] },
    then: (s) => expect(s.categories).toEqual(['Samverkansöverenskommelsefrågor', 'TIPS från Umeå']),
  },
  {
    name: 'an update without categories keeps them',
    setup: notes(),
    command: { type: 'workshop:update', title: 'Nätverksträff Umeå' },
    actor: { role: 'facilitator' },
    expect: { events: ['workshop.updated'] },
    then: (s) => expect(s.categories).toHaveLength(4),
  },
  {
    name: 'more than 20 categories are refused',
    setup: [createWorkshop('blank')],
    command: { type: 'workshop:update', categories: Array.from({ length: 21 }, (_, i) => `Kategori ${i}`) },
    actor: { role: 'facilitator' },
    expect: { error: 'invalid' },
  },
  {
    name: 'a category past 60 characters is refused',
    setup: [createWorkshop('blank')],
    command: { type: 'workshop:update', categories: ['x'.repeat(61)] },
    actor: { role: 'facilitator' },
    expect: { error: 'invalid' },
  },
  {
    name: 'two alike are refused',
    setup: [createWorkshop('blank')],
    command: { type: 'workshop:update', categories: ['Utmaningar', 'utmaningar'] },
    actor: { role: 'facilitator' },
    expect: { error: 'invalid' },
  },
  {
    name: 'participants may not set categories',
    setup: notes(),
    command: { type: 'workshop:update', categories: [] },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
];

describe('idea:mark', () => {
  it.each(marks)('$name', (c) => checkRule(c));
});

describe('participant:town', () => {
  it.each(towns)('$name', (c) => checkRule(c));
});

describe('workshop categories', () => {
  it.each(categories)('$name', (c) => checkRule(c));

  it('the question round template has the seed’s four, in both languages; the others none', () => {
    expect(templateDesign('fragerunda', 'sv', 2027).categories).toEqual(['Förbättringar', 'Utmaningar', 'Möjligheter', 'Önskemål']);
    expect(templateDesign('fragerunda', 'en', 2027).categories).toEqual(['Improvements', 'Challenges', 'Opportunities', 'Wishes']);
    expect(templateDesign('handlingsplan', 'sv', 2027).categories).toEqual([]);
    expect(templateDesign('blank', 'en', 2027).categories).toEqual([]);
  });

  it('a workshop made from a design keeps its categories (designOf reads them back)', () => {
    const s = run(notes());
    expect(designOf(s).categories).toEqual(['Förbättringar', 'Utmaningar', 'Möjligheter', 'Önskemål']);
  });
});
