import { describe, expect, it } from 'vitest';
import type { WorkshopView } from '@fokus/protocol';
import { nextAction } from './next-action.ts';

const base: WorkshopView = {
  role: 'facilitator',
  id: 'w1',
  code: 'ABC234',
  title: 'T',
  lang: 'sv',
  template: 'blank',
  planYear: 2027,
  place: '',
  date: '',
  startTime: '',
  rules: [],
  values: [],
  categories: [],
  boards: [{ id: 'b', title: 'B', purpose: '', questions: [] }],
  agenda: [
    { id: 'a', kind: 'lobby', title: 'A', prompt: '', minutes: 5 },
    { id: 'b', kind: 'brainstorm', title: 'B', prompt: '', minutes: 10 },
    { id: 'c', kind: 'vote', title: 'C', prompt: '', minutes: 10 },
  ],
  stepIndex: 0,
  phaseIndex: 0,
  timer: { durationMs: 300_000, elapsedMs: 0, startedAt: null },
  spotlightGroupId: null,
  joiningLocked: false,
  groups: [],
  ideas: [],
  voting: { status: 'idle', revealed: false, settings: { budget: 10, capPerIdea: null, anonymous: true, hideResults: true } },
  focus: { mode: 'threshold', value: 6, added: [], removed: [] },
  plan: [],
};

const at = (patch: Partial<WorkshopView>): WorkshopView => ({ ...base, ...patch });

describe('nextAction', () => {
  it('moves on from the lobby', () => {
    expect(nextAction(base)).toEqual({ label: 'action_nextStep', command: { type: 'agenda:goto', stepIndex: 1 } });
  });
  it('starts the timer of a fresh brainstorm, then moves on', () => {
    expect(nextAction(at({ stepIndex: 1 })).label).toBe('action_startTimer');
    expect(nextAction(at({ stepIndex: 1, timer: { durationMs: 1, elapsedMs: 0, startedAt: 5 } })).label).toBe('action_nextStep');
  });
  it('walks the vote: open, close, reveal, then the last step', () => {
    const vote = (status: 'idle' | 'open' | 'closed', revealed = false) => nextAction(at({ stepIndex: 2, voting: { ...base.voting, status, revealed } }));
    expect(vote('idle').label).toBe('action_openVoting');
    expect(vote('open').command).toEqual({ type: 'voting:close' });
    expect(vote('closed').command).toEqual({ type: 'voting:reveal', revealed: true });
    expect(vote('closed', true)).toEqual({ label: 'action_finished', command: null });
  });
  it('walks the timed parts of a step: start, next part, start again, then the next step', () => {
    const reflect = {
      id: 'r',
      kind: 'reflect' as const,
      title: 'R',
      prompt: '',
      minutes: 12,
      phases: [
        { title: 'enskilt', minutes: 2 },
        { title: 'diskussion', minutes: 10 },
      ],
    };
    const agenda = [...base.agenda.slice(0, 2), reflect];
    const fresh = { durationMs: 120_000, elapsedMs: 0, startedAt: null };
    const ran = { durationMs: 120_000, elapsedMs: 0, startedAt: 5 };
    expect(nextAction(at({ agenda, stepIndex: 2, timer: fresh })).label).toBe('action_startTimer');
    expect(nextAction(at({ agenda, stepIndex: 2, timer: ran }))).toEqual({ label: 'action_nextPhase', command: { type: 'agenda:phase', phaseIndex: 1 } });
    expect(nextAction(at({ agenda, stepIndex: 2, phaseIndex: 1, timer: fresh })).label).toBe('action_startTimer');
    expect(nextAction(at({ agenda, stepIndex: 2, phaseIndex: 1, timer: ran }))).toEqual({ label: 'action_finished', command: null });
  });
});
