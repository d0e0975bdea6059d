import { describe, expect, it } from 'vitest';
import type { WorkshopEvent } from './events.ts';
import { EVENT_TYPES } from './events.ts';
import { evolve, replay } from './evolve.ts';
import type { PlanRow, Workshop } from './model.ts';
import type { Step } from './test-helpers.ts';
import { addIdea, apply, createWorkshop, deepFreeze, fac, join, P, STEP, unvote, vote } from './test-helpers.ts';
import { participantOf } from './participants.ts';

const row: PlanRow = {
  id: 'r1',
  month: '2027-10',
  day: null,
  start: null,
  end: null,
  kind: 'study',
  themeNo: 8,
  theme: 'Studieresa',
  ideaId: 'i1',
  host: 'Lena',
  backup: 'Pia',
  comment: 'Förslag v 39 (sept)',
};

/** Touches every command, so every event type is produced at least once. */
const script: Step[] = [
  createWorkshop(),
  fac({ type: 'workshop:update', title: 'Handlingsplan 2023', categories: ['Förbättringar', 'Utmaningar'] }),
  join('p1', 'Pia'),
  join('p2', 'David'),
  join('p3', 'Isabel'),
  fac({ type: 'workshop:lock-joining', locked: true }),
  [{ type: 'participant:rename', participantId: 'p1', name: 'Pia S' }, P('p1')],
  [{ type: 'participant:town', participantId: 'p1', town: 'Skellefteå' }, P('p1')],
  fac({ type: 'group:create', groupId: 'g1', name: 'Grupp 1' }),
  fac({ type: 'group:rename', groupId: 'g1', name: 'Grupp ett' }),
  fac({ type: 'group:assign', participantId: 'p1', groupId: 'g1' }),
  fac({ type: 'presentation:spotlight', groupId: 'g1' }),
  fac({ type: 'group:delete', groupId: 'g1' }),
  fac({
    type: 'group:split',
    groups: [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ],
    seed: 5,
  }),
  fac({ type: 'agenda:goto', stepIndex: 3 }), // "Gemensam fundering": 2 min on your own, then 10 min discussion
  fac({ type: 'agenda:phase', phaseIndex: 1 }),
  fac({ type: 'agenda:goto', stepIndex: STEP.brainstorm }),
  fac({ type: 'timer:start' }),
  fac({ type: 'timer:extend', ms: 60_000 }),
  fac({ type: 'timer:pause' }),
  fac({ type: 'timer:reset' }),
  addIdea('i1', 'omvarld', P('p1'), 'Studieresa'),
  addIdea('i2'),
  addIdea('i3'),
  addIdea('i4'),
  [{ type: 'idea:edit', ideaId: 'i1', text: 'Studieresa', details: 'hösten' }, P('p1')],
  [{ type: 'idea:mark', ideaId: 'i1', tips: true }, P('p1')],
  fac({ type: 'idea:mark', ideaId: 'i3', category: 'Utmaningar' }),
  fac({ type: 'idea:move', ideaId: 'i2', boardId: 'erfarenhet' }),
  fac({ type: 'voting:configure', settings: { budget: 5, capPerIdea: 3 } }),
  fac({ type: 'voting:open' }),
  vote('p1', 'i1'),
  vote('p1', 'i2'),
  vote('p2', 'i3'),
  vote('p3', 'i4'),
  unvote('p1', 'i2'),
  [{ type: 'participant:done', done: true }, P('p2')],
  fac({ type: 'idea:delete', ideaId: 'i4' }),
  fac({ type: 'participant:remove', participantId: 'p3' }),
  fac({ type: 'voting:close' }),
  fac({ type: 'idea:merge', targetId: 'i1', sourceIds: ['i3'] }),
  fac({ type: 'idea:hide', ideaId: 'i2', hidden: true }),
  fac({ type: 'voting:reveal', revealed: true }),
  fac({ type: 'focus:suggest', mode: 'top', value: 2 }),
  fac({ type: 'focus:toggle', ideaId: 'i2', included: true }),
  fac({ type: 'plan:set', row }),
  fac({ type: 'plan:set', row: { ...row, id: 'r2', month: '2027-11' } }),
  fac({ type: 'plan:delete', rowId: 'r2' }),
  fac({ type: 'voting:reset' }),
  fac({ type: 'workshop:update', planYear: 2028, place: 'Jönköping', rules: ['Allas åsikter'] }),
  fac({ type: 'board:add', board: { id: 'ny', title: 'Ny dimension', purpose: '', questions: ['Vad?'], color: 'teal' }, index: 0 }),
  fac({ type: 'board:update', boardId: 'ny', title: 'Nyare' }),
  fac({ type: 'board:reorder', boardIds: ['omvarld', 'ny', 'erfarenhet', 'gemensamt', 'kollegialt'] }),
  fac({ type: 'board:delete', boardId: 'ny' }),
  fac({ type: 'step:add', step: { id: 'paus', kind: 'reflect', title: 'Paus', prompt: '', minutes: 10 }, index: 0 }),
  fac({ type: 'step:update', stepId: 'paus', phases: [{ title: 'fika', minutes: 15 }] }),
  fac({ type: 'step:reorder', stepIds: ['valkommen', 'paus', 'gruppovning', 'presentation', 'fundering', 'rostning', 'fokus', 'handlingsplan'] }),
  fac({ type: 'step:delete', stepId: 'paus' }),
  fac({ type: 'participant:add', participantId: 'paper', name: 'Utan telefon' }),
];

/** Runs the script with every intermediate state frozen and snapshotted. */
function stepwise(): { states: Workshop[]; events: WorkshopEvent[] } {
  const states: Workshop[] = [];
  const events: WorkshopEvent[] = [];
  let state: Workshop | null = null;
  script.forEach((step, i) => {
    const before: Workshop | null = state ? deepFreeze(state) : null;
    const snapshot = structuredClone(before);
    const out = apply(before, step, 1_000 + i * 1_000);
    expect(before).toEqual(snapshot);
    state = out.state;
    states.push(out.state);
    events.push(...out.events);
  });
  return { states, events };
}

describe('evolve', () => {
  const { states, events } = stepwise();
  const last = states[states.length - 1] as Workshop;

  it('the script covers every event type', () => {
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('never mutates its input (frozen states, snapshots unchanged)', () => {
    // stepwise() already applied every event to a deep-frozen state; also re-apply each event to the final one.
    const frozen = deepFreeze(last);
    const snapshot = structuredClone(frozen);
    for (const e of events.filter((x) => x.type !== 'workshop.created')) evolve(frozen, e);
    expect(frozen).toEqual(snapshot);
  });

  it('replay equals the stepwise fold', () => {
    expect(replay(events)).toEqual(last);
  });

  it('counts every applied event in version', () => {
    expect(last.version).toBe(events.length);
    const first = replay(events.slice(0, 1));
    expect(first?.version).toBe(1);
    expect(evolve(first, { type: 'voting.opened' }).version).toBe(2);
  });

  it('shares untouched branches (a vote does not copy ideas)', () => {
    const open = states[script.findIndex(([c]) => c.type === 'voting:open')] as Workshop;
    const next = evolve(open, { type: 'vote.added', participantId: 'p1', ideaId: 'i1' });
    expect(next.ideas).toBe(open.ideas);
    expect(next.participants).toBe(open.participants);
    expect(next.votes).not.toBe(open.votes);
  });

  it('refuses events before the workshop exists', () => {
    expect(() => evolve(null, { type: 'voting.opened' })).toThrow(/before workshop.created/);
  });

  it('ends where the script leads', () => {
    expect(last).toMatchObject({
      title: 'Handlingsplan 2023',
      joiningLocked: true,
      groups: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      votes: {},
      tallies: {},
      voting: { status: 'idle', revealed: false, settings: { budget: 5, capPerIdea: 3 } },
      focus: { mode: 'top', value: 2, added: ['i2'], removed: [] },
      plan: [row],
    });
    expect(Object.keys(last.ideas).sort()).toEqual(['i1', 'i2']);
    expect(last.ideas.i1?.merged).toEqual(['i3']);
    // i1's TIPS stays, and it takes the category of i3 merged into it.
    expect(last.ideas.i1).toMatchObject({ tips: true, category: 'Utmaningar' });
    expect(last.ideas.i2).toMatchObject({ tips: false, category: null });
    expect(last.categories).toEqual(['Förbättringar', 'Utmaningar']);
    expect(participantOf(last, 'p1')?.town).toBe('Skellefteå');
    expect(participantOf(last, 'p2')?.town).toBe('');
    expect(participantOf(last, 'p3')?.removed).toBe(true);
  });
});
