import { describe, expect, it } from 'vitest';
import type { ClientCommand, WorkshopView } from '@fokus/protocol';
import { colorOf, inverseOf } from './inverse.ts';
import { previewTally, previewView } from './preview-state.ts';

const view: WorkshopView = {
  role: 'facilitator',
  id: 'w1',
  code: 'ABC234',
  title: 'Handlingsplan 2027',
  lang: 'sv',
  template: 'blank',
  planYear: 2027,
  place: 'Malmö',
  date: '2027-01-20',
  startTime: '',
  rules: ['Alla får tala'],
  values: ['Öppenhet'],
  categories: [],
  boards: [
    { id: 'b1', title: 'Omvärld', purpose: 'Se ut', questions: ['Vad händer?'], color: 'teal' },
    { id: 'b2', title: 'Samverkansöverenskommelsefrågor', purpose: '', questions: [] },
  ],
  agenda: [
    { id: 's1', kind: 'lobby', title: 'Välkommen', prompt: '', minutes: 5 },
    {
      id: 's2',
      kind: 'brainstorm',
      title: 'Gruppövning',
      prompt: 'Skriv',
      minutes: 25,
      phases: [
        { title: 'enskilt', minutes: 5 },
        { title: 'i grupp', minutes: 20 },
      ],
    },
    { id: 's3', kind: 'vote', title: 'Röstning', prompt: '', minutes: 10 },
  ],
  stepIndex: 0,
  phaseIndex: 0,
  timer: { durationMs: 300_000, elapsedMs: 0, startedAt: null },
  spotlightGroupId: null,
  joiningLocked: false,
  groups: [{ id: 'g1', name: 'Grupp 1', size: 2, members: ['Pia', 'David'] }],
  ideas: [
    { id: 'i1', boardId: 'b1', text: 'Studieresa', details: '', groupId: null, hidden: false, seq: 1, merged: [], tips: false, category: null },
    { id: 'i2', boardId: 'b1', text: 'Dold', details: '', groupId: null, hidden: true, seq: 2, merged: [], tips: false, category: null },
  ],
  voting: { status: 'idle', revealed: false, settings: { budget: 10, capPerIdea: null, anonymous: true, hideResults: true } },
  focus: { mode: 'threshold', value: 3, added: [], removed: [] },
  plan: [],
  participants: [],
};

describe('inverseOf: the command that takes a designer edit back', () => {
  const cases: [string, ClientCommand, ClientCommand | null][] = [
    [
      'workshop fields, only those edited',
      { type: 'workshop:update', title: 'Ny', planYear: 2028 },
      { type: 'workshop:update', title: 'Handlingsplan 2027', planYear: 2027 },
    ],
    ['rules', { type: 'workshop:update', rules: [] }, { type: 'workshop:update', rules: ['Alla får tala'] }],
    ['categories', { type: 'workshop:update', categories: ['Utmaningar'] }, { type: 'workshop:update', categories: [] }],
    ['an added board is deleted', { type: 'board:add', board: { id: 'b9', title: 'X', purpose: '', questions: [] } }, { type: 'board:delete', boardId: 'b9' }],
    [
      'a board update gets its old fields',
      { type: 'board:update', boardId: 'b1', questions: [], color: 'red' },
      { type: 'board:update', boardId: 'b1', questions: ['Vad händer?'], color: 'teal' },
    ],
    [
      'a colourless board gets its colour back as ""',
      { type: 'board:update', boardId: 'b2', color: 'red' },
      { type: 'board:update', boardId: 'b2', color: '' },
    ],
    [
      'a deleted board comes back at its place',
      { type: 'board:delete', boardId: 'b2' },
      { type: 'board:add', board: { id: 'b2', title: 'Samverkansöverenskommelsefrågor', purpose: '', questions: [] }, index: 1 },
    ],
    ['board order', { type: 'board:reorder', boardIds: ['b2', 'b1'] }, { type: 'board:reorder', boardIds: ['b1', 'b2'] }],
    [
      'an added step is deleted',
      { type: 'step:add', step: { id: 's9', kind: 'plan', title: 'Plan', prompt: '', minutes: 5 } },
      { type: 'step:delete', stepId: 's9' },
    ],
    [
      'a step update restores the whole step, phases too',
      { type: 'step:update', stepId: 's2', phases: null },
      {
        type: 'step:update',
        stepId: 's2',
        kind: 'brainstorm',
        title: 'Gruppövning',
        prompt: 'Skriv',
        minutes: 25,
        phases: [
          { title: 'enskilt', minutes: 5 },
          { title: 'i grupp', minutes: 20 },
        ],
      },
    ],
    [
      'a step without phases gets phases: null',
      { type: 'step:update', stepId: 's3', minutes: 15 },
      { type: 'step:update', stepId: 's3', kind: 'vote', title: 'Röstning', prompt: '', minutes: 10, phases: null },
    ],
    [
      'a deleted step comes back at its index',
      { type: 'step:delete', stepId: 's3' },
      { type: 'step:add', step: view.agenda[2] as WorkshopView['agenda'][number], index: 2 },
    ],
    ['step order', { type: 'step:reorder', stepIds: ['s3', 's1', 's2'] }, { type: 'step:reorder', stepIds: ['s1', 's2', 's3'] }],
    ['voting defaults, only those edited', { type: 'voting:configure', settings: { budget: 5 } }, { type: 'voting:configure', settings: { budget: 10 } }],
    ['the focus rule', { type: 'focus:suggest', mode: 'top', value: 3 }, { type: 'focus:suggest', mode: 'threshold', value: 3 }],
    ['an unknown board cannot be taken back', { type: 'board:update', boardId: 'nope', title: 'X' }, null],
    ['not a designer edit', { type: 'voting:open' }, null],
  ];
  it.each(cases)('%s', (_name, command, inverse) => {
    expect(inverseOf(command, view)).toEqual(inverse);
  });

  it('reads only named colours from the view', () => {
    expect(colorOf('teal')).toBe('teal');
    expect(colorOf('#ff0000')).toBe('');
    expect(colorOf(undefined)).toBe('');
  });
});

describe('the preview: another step, the same workshop, nothing of the facilitator', () => {
  it('moves only its own copy to the previewed step, with that step’s first countdown', () => {
    const p = previewView(view, 1, 'participant');
    expect(p.stepIndex).toBe(1);
    expect(p.timer).toEqual({ durationMs: 5 * 60_000, elapsedMs: 0, startedAt: null });
    expect(view.stepIndex).toBe(0);
    expect(p.participants).toBeUndefined();
    expect(p.ideas.map((i) => i.id)).toEqual(['i1']);
    expect(p.groups[0]?.members).toBeUndefined();
    expect(previewView(view, 1, 'screen').groups[0]?.members).toEqual(['Pia', 'David']);
  });
  it('shows a vote step as the vote, and hides results the workshop hides', () => {
    expect(previewView(view, 2, 'screen').voting.status).toBe('open');
    expect(previewView(view, 1, 'screen').voting.status).toBe('idle');
    expect(previewTally(view, null).tallies).toBeNull();
    const shown = { ...view, voting: { ...view.voting, settings: { ...view.voting.settings, hideResults: false } } };
    expect(previewTally(shown, null).tallies).toEqual({});
  });
});
