import { describe, expect, it } from 'vitest';
import { PARTICIPANT_COMMANDS } from './commands.ts';
import type { RuleCase } from './test-helpers.ts';
import { addIdea, checkRule, createWorkshop, fac, FAC, join, P, STEP, vote } from './test-helpers.ts';
import type { Step } from './test-helpers.ts';

/** Brainstorm open; p1 wrote m1 and m2, p2 wrote d1, the facilitator wrote f1. */
function authored(): Step[] {
  return [
    createWorkshop(),
    join('p1', 'Pia'),
    join('p2', 'David'),
    fac({ type: 'agenda:goto', stepIndex: STEP.brainstorm }),
    addIdea('m1', 'omvarld', P('p1'), 'Omvärldsbevakning'),
    addIdea('m2', 'omvarld', P('p1'), 'Samverkansöverenskommelsefrågor'),
    addIdea('d1', 'omvarld', P('p2'), 'Stadskärnefinansiering'),
    addIdea('f1', 'omvarld', FAC, 'kompetensutveckling'),
  ];
}
const at = (stepIndex: number): Step[] => [...authored(), fac({ type: 'agenda:goto', stepIndex })];
const edit = (ideaId: string) => ({ type: 'idea:edit' as const, ideaId, text: 'Rättat', details: '' });
const withdraw = (ideaId: string) => ({ type: 'idea:delete' as const, ideaId });

const cases: RuleCase[] = [
  // The author, while brainstorming is open
  {
    name: 'the author edits their idea',
    setup: authored(),
    command: edit('m1'),
    actor: P('p1'),
    expect: { events: ['idea.edited'] },
    then: (s) => expect(s.ideas.m1?.text).toBe('Rättat'),
  },
  {
    name: 'the author withdraws their idea',
    setup: authored(),
    command: withdraw('m1'),
    actor: P('p1'),
    expect: { events: ['idea.deleted'] },
    then: (s) => expect(Object.keys(s.ideas).sort()).toEqual(['d1', 'f1', 'm2']),
  },
  // Others may not
  { name: 'another participant may not edit it', setup: authored(), command: edit('m1'), actor: P('p2'), expect: { error: 'forbidden' } },
  { name: 'another participant may not withdraw it', setup: authored(), command: withdraw('m1'), actor: P('p2'), expect: { error: 'forbidden' } },
  { name: 'a participant may not withdraw the facilitator’s idea', setup: authored(), command: withdraw('f1'), actor: P('p1'), expect: { error: 'forbidden' } },
  { name: 'a participant may not withdraw an unknown idea', setup: authored(), command: withdraw('zz'), actor: P('p1'), expect: { error: 'not_found' } },
  {
    name: 'a removed author may not withdraw',
    setup: [...authored(), fac({ type: 'participant:remove', participantId: 'p1' })],
    command: withdraw('m2'),
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  // After brainstorm (and before it) the author may not
  { name: 'after brainstorm the author may not edit', setup: at(STEP.present), command: edit('m1'), actor: P('p1'), expect: { error: 'not_accepting_ideas' } },
  {
    name: 'after brainstorm the author may not withdraw',
    setup: at(STEP.present),
    command: withdraw('m1'),
    actor: P('p1'),
    expect: { error: 'not_accepting_ideas' },
  },
  {
    name: 'at the vote step the author may not withdraw',
    setup: at(STEP.vote),
    command: withdraw('m1'),
    actor: P('p1'),
    expect: { error: 'not_accepting_ideas' },
  },
  {
    name: 'back in the lobby the author may not withdraw',
    setup: at(STEP.lobby),
    command: withdraw('m1'),
    actor: P('p1'),
    expect: { error: 'not_accepting_ideas' },
  },
  // Dots are others' choices: an idea that carries them stays
  {
    name: 'while voting is open the author may not withdraw',
    setup: [...authored(), fac({ type: 'voting:open' })],
    command: withdraw('m1'),
    actor: P('p1'),
    expect: { error: 'voting_open' },
  },
  {
    name: 'an idea with dots stays when brainstorming opens again',
    setup: [...authored(), fac({ type: 'voting:open' }), vote('p2', 'm1'), fac({ type: 'voting:close' })],
    command: withdraw('m1'),
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'an idea without dots can still be withdrawn after a vote',
    setup: [...authored(), fac({ type: 'voting:open' }), vote('p2', 'm1'), fac({ type: 'voting:close' })],
    command: withdraw('m2'),
    actor: P('p1'),
    expect: { events: ['idea.deleted'] },
  },
  // The facilitator: any idea, any time
  {
    name: 'the facilitator edits a participant’s idea after brainstorm',
    setup: at(STEP.present),
    command: edit('d1'),
    actor: FAC,
    expect: { events: ['idea.edited'] },
  },
  {
    name: 'the facilitator deletes a participant’s idea after brainstorm',
    setup: at(STEP.focus),
    command: withdraw('d1'),
    actor: FAC,
    expect: { events: ['idea.deleted'] },
  },
  {
    name: 'the facilitator deletes an idea during voting and its dots go back',
    setup: [...at(STEP.vote), fac({ type: 'voting:open' }), vote('p1', 'd1'), vote('p2', 'd1')],
    command: withdraw('d1'),
    actor: FAC,
    expect: { events: ['idea.deleted'] },
    then: (s) => expect(s.tallies).toEqual({}),
  },
  {
    name: 'the facilitator still may not merge while voting is open',
    setup: [...at(STEP.vote), fac({ type: 'voting:open' })],
    command: { type: 'idea:merge', targetId: 'm1', sourceIds: ['d1'] },
    actor: FAC,
    expect: { error: 'voting_open' },
  },
];

describe('idea ownership', () => {
  for (const c of cases) it(c.name, () => checkRule(c));

  it('participants may edit and withdraw, but not hide, move or merge', () => {
    expect(PARTICIPANT_COMMANDS.has('idea:edit')).toBe(true);
    expect(PARTICIPANT_COMMANDS.has('idea:delete')).toBe(true);
    for (const type of ['idea:hide', 'idea:move', 'idea:merge'] as const) expect(PARTICIPANT_COMMANDS.has(type)).toBe(false);
  });
});
