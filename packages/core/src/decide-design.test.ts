import { describe, expect, it } from 'vitest';
import type { AgendaStep, Board } from './model.ts';
import type { RuleCase } from './test-helpers.ts';
import { FAC, P, STEP, addIdea, checkRule, createWorkshop, fac, join, run, vote, withIdeas } from './test-helpers.ts';
import { checkDesign, designOf } from './design.ts';
import { decide } from './decide.ts';
import { templateDesign } from './templates.ts';
import { participantOf } from './participants.ts';

const board = (id: string, extra: Partial<Board> = {}): Board => ({ id, title: `Dimension ${id}`, purpose: '', questions: ['Vad?'], ...extra });
const step = (id: string, extra: Partial<AgendaStep> = {}): AgendaStep => ({ id, kind: 'reflect', title: `Steg ${id}`, prompt: '', minutes: 10, ...extra });
const STEP_IDS = ['valkommen', 'gruppovning', 'presentation', 'fundering', 'rostning', 'fokus', 'handlingsplan'];
const BOARD_IDS = ['omvarld', 'erfarenhet', 'gemensamt', 'kollegialt'];
const at = (stepIndex: number) => fac({ type: 'agenda:goto', stepIndex });
const ids = <T extends { id: string }>(xs: T[]) => xs.map((x) => x.id);

const cases: RuleCase[] = [
  // Boards
  {
    name: 'a board is added where asked',
    setup: [createWorkshop()],
    command: { type: 'board:add', board: board('ny', { color: 'teal' }), index: 1 },
    actor: FAC,
    expect: { events: ['board.added'] },
    then: (s) => expect(ids(s.boards)).toEqual(['omvarld', 'ny', 'erfarenhet', 'gemensamt', 'kollegialt']),
  },
  {
    name: 'an index past the end adds at the end',
    setup: [createWorkshop()],
    command: { type: 'board:add', board: board('ny'), index: 99 },
    actor: FAC,
    expect: { events: ['board.added'] },
    then: (s) => expect(ids(s.boards).at(-1)).toBe('ny'),
  },
  {
    name: 'two boards never share an id',
    setup: [createWorkshop()],
    command: { type: 'board:add', board: board('omvarld') },
    actor: FAC,
    expect: { error: 'already_exists' },
  },
  {
    name: 'a board needs a title',
    setup: [createWorkshop()],
    command: { type: 'board:add', board: board('ny', { title: '  ' }) },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'an unknown colour is refused',
    setup: [createWorkshop()],
    command: { type: 'board:add', board: board('ny', { color: 'pink' }) },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'no more than 12 boards',
    setup: [createWorkshop(), ...Array.from({ length: 8 }, (_, i) => fac({ type: 'board:add', board: board(`b${i}`) }))],
    command: { type: 'board:add', board: board('b13') },
    actor: FAC,
    expect: { error: 'limit_reached' },
  },
  {
    name: 'a participant cannot add boards',
    setup: [createWorkshop(), join('p1')],
    command: { type: 'board:add', board: board('ny') },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'a board is updated in the fields given, the rest kept',
    setup: [createWorkshop()],
    command: { type: 'board:update', boardId: 'kollegialt', questions: ['Vad behöver du stöd i?'], color: 'green' },
    actor: FAC,
    expect: { events: ['board.updated'] },
    then: (s, before) => {
      const b = s.boards.find((x) => x.id === 'kollegialt');
      expect(b?.questions).toEqual(['Vad behöver du stöd i?']);
      expect(b?.color).toBe('green');
      expect(b?.title).toBe(before?.boards.find((x) => x.id === 'kollegialt')?.title);
    },
  },
  {
    name: 'updating a missing board',
    setup: [createWorkshop()],
    command: { type: 'board:update', boardId: 'nej', title: 'X' },
    actor: FAC,
    expect: { error: 'not_found' },
  },
  {
    name: 'an update cannot blank the title',
    setup: [createWorkshop()],
    command: { type: 'board:update', boardId: 'omvarld', title: '' },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'an empty board is deleted',
    setup: [createWorkshop()],
    command: { type: 'board:delete', boardId: 'kollegialt' },
    actor: FAC,
    expect: { events: ['board.deleted'] },
    then: (s) => expect(ids(s.boards)).toEqual(['omvarld', 'erfarenhet', 'gemensamt']),
  },
  {
    name: 'a board holding ideas stays',
    setup: withIdeas(),
    command: { type: 'board:delete', boardId: 'omvarld' },
    actor: FAC,
    expect: { error: 'board_not_empty' },
  },
  {
    name: 'a board holding only hidden ideas stays too',
    setup: [...withIdeas(), fac({ type: 'idea:hide', ideaId: 'i3', hidden: true })],
    command: { type: 'board:delete', boardId: 'gemensamt' },
    actor: FAC,
    expect: { error: 'board_not_empty' },
  },
  {
    name: 'once its ideas are moved, the board goes',
    setup: [...withIdeas(), fac({ type: 'idea:move', ideaId: 'i3', boardId: 'omvarld' })],
    command: { type: 'board:delete', boardId: 'gemensamt' },
    actor: FAC,
    expect: { events: ['board.deleted'] },
  },
  {
    name: 'the last board stays',
    setup: [createWorkshop('blank')],
    command: { type: 'board:delete', boardId: 'ideer' },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'boards are reordered',
    setup: [createWorkshop()],
    command: { type: 'board:reorder', boardIds: [...BOARD_IDS].reverse() },
    actor: FAC,
    expect: { events: ['boards.reordered'] },
    then: (s) => expect(ids(s.boards)).toEqual([...BOARD_IDS].reverse()),
  },
  {
    name: 'a reorder must name every board',
    setup: [createWorkshop()],
    command: { type: 'board:reorder', boardIds: BOARD_IDS.slice(1) },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'a reorder must name each board once',
    setup: [createWorkshop()],
    command: { type: 'board:reorder', boardIds: ['omvarld', 'omvarld', 'gemensamt', 'kollegialt'] },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'a reorder cannot bring in a board',
    setup: [createWorkshop()],
    command: { type: 'board:reorder', boardIds: [...BOARD_IDS.slice(1), 'ny'] },
    actor: FAC,
    expect: { error: 'invalid' },
  },

  // Agenda
  {
    name: 'a step added before the current one keeps the room on its step',
    setup: [createWorkshop(), at(STEP.present)],
    command: { type: 'step:add', step: step('paus'), index: 0 },
    actor: FAC,
    expect: { events: ['step.added'] },
    then: (s, before) => {
      expect(s.agenda[s.stepIndex]?.id).toBe('presentation');
      expect(s.stepIndex).toBe(STEP.present + 1);
      expect(s.timer).toEqual(before?.timer);
    },
  },
  {
    name: 'a step with phases takes their sum as minutes',
    setup: [createWorkshop()],
    command: {
      type: 'step:add',
      step: step('grupp', {
        kind: 'brainstorm',
        minutes: 1,
        phases: [
          { title: 'enskilt', minutes: 5 },
          { title: 'i grupp', minutes: 20 },
        ],
      }),
    },
    actor: FAC,
    expect: { events: ['step.added'] },
    then: (s) => expect(s.agenda.at(-1)?.minutes).toBe(25),
  },
  {
    name: 'two steps never share an id',
    setup: [createWorkshop()],
    command: { type: 'step:add', step: step('fokus') },
    actor: FAC,
    expect: { error: 'already_exists' },
  },
  {
    name: 'a step needs a title',
    setup: [createWorkshop()],
    command: { type: 'step:add', step: step('x', { title: '' }) },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'a step is at most 600 minutes',
    setup: [createWorkshop()],
    command: { type: 'step:add', step: step('x', { minutes: 601 }) },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'a phase is at least a minute',
    setup: [createWorkshop()],
    command: { type: 'step:add', step: step('x', { phases: [{ title: 'kort', minutes: 0 }] }) },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'no more than 30 steps',
    setup: [createWorkshop(), ...Array.from({ length: 23 }, (_, i) => fac({ type: 'step:add', step: step(`s${i}`) }))],
    command: { type: 'step:add', step: step('s31') },
    actor: FAC,
    expect: { error: 'limit_reached' },
  },
  {
    name: 'a step update changes only what is given',
    setup: [createWorkshop()],
    command: { type: 'step:update', stepId: 'gruppovning', minutes: 25, title: 'Gruppövning' },
    actor: FAC,
    expect: { events: ['step.updated'] },
    then: (s, before) => {
      const st = s.agenda.find((x) => x.id === 'gruppovning');
      expect(st?.minutes).toBe(25);
      expect(st?.title).toBe('Gruppövning');
      expect(st?.prompt).toBe(before?.agenda.find((x) => x.id === 'gruppovning')?.prompt);
    },
  },
  {
    name: 'phases set on a step make its minutes',
    setup: [createWorkshop()],
    command: {
      type: 'step:update',
      stepId: 'gruppovning',
      phases: [
        { title: 'enskilt', minutes: 5 },
        { title: 'i grupp', minutes: 20 },
      ],
    },
    actor: FAC,
    expect: { events: ['step.updated'] },
    then: (s) => expect(s.agenda.find((x) => x.id === 'gruppovning')?.minutes).toBe(25),
  },
  {
    name: 'phases: null makes the step one countdown again, its minutes kept',
    setup: [createWorkshop()],
    command: { type: 'step:update', stepId: 'fundering', phases: null },
    actor: FAC,
    expect: { events: ['step.updated'] },
    then: (s) => {
      const st = s.agenda.find((x) => x.id === 'fundering');
      expect(st?.phases).toBeUndefined();
      expect(st?.minutes).toBe(12);
    },
  },
  {
    name: 'minutes alone do not override a step with phases',
    setup: [createWorkshop()],
    command: { type: 'step:update', stepId: 'fundering', minutes: 40 },
    actor: FAC,
    expect: { events: ['step.updated'] },
    then: (s) => expect(s.agenda.find((x) => x.id === 'fundering')?.minutes).toBe(12),
  },
  {
    name: 'the current step may be edited; the room stays on it and on a phase it still has',
    setup: [createWorkshop(), at(3), fac({ type: 'agenda:phase', phaseIndex: 1 })],
    command: { type: 'step:update', stepId: 'fundering', phases: [{ title: 'enskilt', minutes: 3 }] },
    actor: FAC,
    expect: { events: ['step.updated'] },
    then: (s) => {
      expect(s.stepIndex).toBe(3);
      expect(s.phaseIndex).toBe(0);
    },
  },
  {
    name: 'updating a missing step',
    setup: [createWorkshop()],
    command: { type: 'step:update', stepId: 'nej', minutes: 3 },
    actor: FAC,
    expect: { error: 'not_found' },
  },
  {
    name: 'a step before the current one is deleted and the room stays on its step',
    setup: [createWorkshop(), at(STEP.vote)],
    command: { type: 'step:delete', stepId: 'presentation' },
    actor: FAC,
    expect: { events: ['step.deleted'] },
    then: (s) => {
      expect(s.agenda[s.stepIndex]?.id).toBe('rostning');
      expect(s.stepIndex).toBe(STEP.vote - 1);
    },
  },
  {
    name: 'the current step cannot be deleted',
    setup: [createWorkshop(), at(STEP.present)],
    command: { type: 'step:delete', stepId: 'presentation' },
    actor: FAC,
    expect: { error: 'step_current' },
  },
  {
    name: 'the only step cannot be deleted (it is current)',
    setup: [createWorkshop(), at(6), ...STEP_IDS.slice(0, 6).map((id) => fac({ type: 'step:delete', stepId: id }))],
    command: { type: 'step:delete', stepId: 'handlingsplan' },
    actor: FAC,
    expect: { error: 'step_current' },
  },
  {
    name: 'a reorder keeps the room on its step wherever it moves',
    setup: [createWorkshop(), at(STEP.brainstorm)],
    command: { type: 'step:reorder', stepIds: [...STEP_IDS].reverse() },
    actor: FAC,
    expect: { events: ['steps.reordered'] },
    then: (s) => {
      expect(s.agenda[s.stepIndex]?.id).toBe('gruppovning');
      expect(s.stepIndex).toBe(STEP_IDS.length - 1 - STEP.brainstorm);
    },
  },
  {
    name: 'a reorder must name every step',
    setup: [createWorkshop()],
    command: { type: 'step:reorder', stepIds: STEP_IDS.slice(1) },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'a participant cannot edit the agenda',
    setup: [createWorkshop(), join('p1')],
    command: { type: 'step:delete', stepId: 'fokus' },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },

  // The workshop's own settings
  {
    name: 'plan year, place, date, rules and values are set; the rest kept',
    setup: [createWorkshop()],
    command: { type: 'workshop:update', planYear: 2027, place: 'Jönköping', date: '2026-11-20', rules: ['Allas åsikter är lika viktiga'], values: [] },
    actor: FAC,
    expect: { events: ['workshop.updated'] },
    then: (s, before) => {
      expect([s.planYear, s.place, s.date, s.rules, s.values]).toEqual([2027, 'Jönköping', '2026-11-20', ['Allas åsikter är lika viktiga'], []]);
      expect([s.title, s.lang]).toEqual([before?.title, before?.lang]);
    },
  },
  {
    name: 'a plan year out of range',
    setup: [createWorkshop()],
    command: { type: 'workshop:update', planYear: 1999 },
    actor: FAC,
    expect: { error: 'invalid' },
  },
  {
    name: 'a date that does not exist',
    setup: [createWorkshop()],
    command: { type: 'workshop:update', date: '2027-02-30' },
    actor: FAC,
    expect: { error: 'invalid' },
  },

  // Voting defaults once votes exist: the existing rules hold
  {
    name: 'the budget can be lowered before anyone votes',
    setup: [createWorkshop()],
    command: { type: 'voting:configure', settings: { budget: 5 } },
    actor: FAC,
    expect: { events: ['voting.configured'] },
  },
  {
    name: 'the budget cannot drop below dots already placed',
    setup: [...withIdeas(), fac({ type: 'voting:open' }), vote('p1', 'i1'), vote('p1', 'i1'), vote('p1', 'i2')],
    command: { type: 'voting:configure', settings: { budget: 2 } },
    actor: FAC,
    expect: { error: 'budget_below_spent' },
  },
  {
    name: 'anonymous voting stays anonymous once dots are placed',
    setup: [...withIdeas(), fac({ type: 'voting:open' }), vote('p1', 'i1')],
    command: { type: 'voting:configure', settings: { anonymous: false } },
    actor: FAC,
    expect: { error: 'anonymity_locked' },
  },

  // Someone without a phone
  {
    name: 'the facilitator adds someone without a phone',
    setup: [createWorkshop()],
    command: { type: 'participant:add', participantId: 'paper', name: 'Åke', organisation: 'Citysamverkan' },
    actor: FAC,
    expect: { events: ['participant.joined'] },
    then: (s) => expect(participantOf(s, 'paper')).toMatchObject({ name: 'Åke', organisation: 'Citysamverkan', paper: true, tokenHash: '' }),
  },
  {
    name: 'a participant cannot add people',
    setup: [createWorkshop(), join('p1')],
    command: { type: 'participant:add', participantId: 'x', name: 'X' },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'the facilitator places a paper ballot dot',
    setup: [...withIdeas(), fac({ type: 'participant:add', participantId: 'paper', name: 'Åke' }), fac({ type: 'voting:open' })],
    command: { type: 'vote:add', ideaId: 'i1', participantId: 'paper' },
    actor: FAC,
    expect: { events: ['vote.added'] },
    then: (s) => expect(s.tallies.i1).toBe(1),
  },
  {
    name: "the facilitator cannot place a phone owner's dots",
    setup: [...withIdeas(), fac({ type: 'voting:open' })],
    command: { type: 'vote:add', ideaId: 'i1', participantId: 'p1' },
    actor: FAC,
    expect: { error: 'forbidden' },
  },
  {
    name: "a participant cannot place someone else's paper dots",
    setup: [...withIdeas(), fac({ type: 'participant:add', participantId: 'paper', name: 'Åke' }), fac({ type: 'voting:open' })],
    command: { type: 'vote:add', ideaId: 'i1', participantId: 'paper' },
    actor: P('p1'),
    expect: { error: 'forbidden' },
  },
  {
    name: 'a paper ballot obeys the budget',
    setup: [
      ...withIdeas(),
      fac({ type: 'participant:add', participantId: 'paper', name: 'Åke' }),
      fac({ type: 'voting:configure', settings: { budget: 2 } }),
      fac({ type: 'voting:open' }),
      fac({ type: 'vote:add', ideaId: 'i1', participantId: 'paper' }),
      fac({ type: 'vote:add', ideaId: 'i2', participantId: 'paper' }),
    ],
    command: { type: 'vote:add', ideaId: 'i3', participantId: 'paper' },
    actor: FAC,
    expect: { error: 'budget_exhausted' },
  },
  {
    name: 'a paper ballot obeys the cap',
    setup: [
      ...withIdeas(),
      fac({ type: 'participant:add', participantId: 'paper', name: 'Åke' }),
      fac({ type: 'voting:configure', settings: { capPerIdea: 1 } }),
      fac({ type: 'voting:open' }),
      fac({ type: 'vote:add', ideaId: 'i1', participantId: 'paper' }),
    ],
    command: { type: 'vote:add', ideaId: 'i1', participantId: 'paper' },
    actor: FAC,
    expect: { error: 'cap_reached' },
  },
  {
    name: 'the facilitator takes back a paper dot and says the paper ballot is done',
    setup: [
      ...withIdeas(),
      fac({ type: 'participant:add', participantId: 'paper', name: 'Åke' }),
      fac({ type: 'voting:open' }),
      fac({ type: 'vote:add', ideaId: 'i1', participantId: 'paper' }),
      fac({ type: 'vote:remove', ideaId: 'i1', participantId: 'paper' }),
    ],
    command: { type: 'participant:done', done: true, participantId: 'paper' },
    actor: FAC,
    expect: { events: ['participant.done'] },
    then: (s) => {
      expect(participantOf(s, 'paper')?.done).toBe(true);
      expect(s.tallies.i1 ?? 0).toBe(0);
    },
  },
];

describe('design commands: the rule table', () => {
  for (const c of cases) it(c.name, () => checkRule(c));
});

describe('designs', () => {
  it('every template is a sound design', () => {
    for (const template of ['handlingsplan', 'fragerunda', 'blank'] as const) {
      for (const lang of ['sv', 'en'] as const) expect(checkDesign(templateDesign(template, lang, 2027))).toBeNull();
    }
  });

  it('a workshop created from a design gives the same design back', () => {
    const design = {
      ...templateDesign('handlingsplan', 'sv', 2027),
      title: 'Handlingsplan 2027',
      place: 'Jönköping',
      date: '2026-11-20',
      voting: { budget: 5, capPerIdea: 2, anonymous: false, hideResults: false },
      focus: { mode: 'top' as const, value: 3 },
    };
    const s = run([[{ type: 'workshop:create', workshopId: 'w1', template: 'blank', ...design }, FAC]]);
    expect(designOf(s)).toEqual(design);
  });

  it('a design that breaks a rule creates nothing', () => {
    const design = templateDesign('blank', 'sv', 2027);
    const twins = { ...design, boards: [board('a'), board('a')] };
    expect(checkDesign(twins)?.message).toMatch(/same id/);
    const created = decide(null, { type: 'workshop:create', workshopId: 'w1', template: 'blank', ...twins }, FAC, 0);
    expect(created.ok ? 'created' : created.error.code).toBe('invalid');
    expect(checkDesign({ ...design, agenda: [step('a', { minutes: 7, phases: [{ title: 'x', minutes: 5 }] })] })?.message).toMatch(/agenda\.0: minutes/);
    expect(checkDesign({ ...design, voting: { ...design.voting, capPerIdea: 11 } })?.message).toMatch(/capPerIdea/);
  });

  it('edits made during the meeting never change where the room is', () => {
    const s = run([
      createWorkshop(),
      at(STEP.present),
      addIdea('i1'),
      fac({ type: 'step:add', step: step('a'), index: 0 }),
      fac({ type: 'step:delete', stepId: 'valkommen' }),
    ]);
    expect(s.agenda[s.stepIndex]?.id).toBe('presentation');
  });
});
