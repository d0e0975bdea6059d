/** Shared test helpers: build states by folding real commands through decide + evolve. Test-only. */
import { expect } from 'vitest';
import type { Actor, Command } from './commands.ts';
import { decide } from './decide.ts';
import type { DomainErrorCode } from './errors.ts';
import type { EventType, WorkshopEvent } from './events.ts';
import { evolve } from './evolve.ts';
import type { Lang, TemplateId, Workshop } from './model.ts';
import { templateContent } from './templates.ts';
import { ballotOf } from './ballots.ts';
import { participantOf } from './participants.ts';
import { type IdRecord, type Sharded, shardsOf } from './records.ts';

export const FAC: Actor = { role: 'facilitator' };
export const SYS: Actor = { role: 'system' };
export const P = (participantId: string): Actor => ({ role: 'participant', participantId });

export type Step = [Command, Actor];

export function createWorkshop(template: TemplateId = 'handlingsplan', lang: Lang = 'sv'): Step {
  const t = templateContent(template, lang);
  return [{ type: 'workshop:create', workshopId: 'w1', title: t.title, lang, template, rules: t.rules, boards: t.boards, agenda: t.agenda }, FAC];
}

export function join(participantId: string, name: string = participantId): Step {
  return [{ type: 'participant:join', participantId, name, organisation: '', tokenHash: `hash-${participantId}` }, SYS];
}

export function addIdea(ideaId: string, boardId = 'omvarld', actor: Actor = FAC, text: string = ideaId): Step {
  return [{ type: 'idea:add', ideaId, boardId, text }, actor];
}

export const vote = (participantId: string, ideaId: string): Step => [{ type: 'vote:add', ideaId }, P(participantId)];
export const unvote = (participantId: string, ideaId: string): Step => [{ type: 'vote:remove', ideaId }, P(participantId)];
export const fac = (command: Command): Step => [command, FAC];

/** Index of the handlingsplan template's steps, by kind (lobby 0, brainstorm 1, present 2, vote 4, focus 5). */
export const STEP = { lobby: 0, brainstorm: 1, present: 2, vote: 4, focus: 5 } as const;

/** Decides and applies one command; throws with the refusal code so a broken setup is loud. */
export function apply(state: Workshop | null, [command, actor]: Step, now = 0): { state: Workshop; events: WorkshopEvent[] } {
  const result = decide(state, command, actor, now);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code} (${result.error.message})`);
  let next = state;
  for (const event of result.value) next = evolve(next, event);
  if (!next) throw new Error(`${command.type} produced no state`);
  return { state: next, events: result.value };
}

/** Folds the steps from scratch (or from `from`); every step must be accepted. */
export function runFrom(from: Workshop | null, steps: readonly Step[], now = 0): Workshop {
  let state = from;
  for (const step of steps) state = apply(state, step, now).state;
  if (!state) throw new Error('no steps, no workshop');
  return state;
}

export function run(steps: readonly Step[], now = 0): Workshop {
  return runFrom(null, steps, now);
}

/** A handlingsplan workshop with three participants, at the brainstorm step, with ideas i1..i3 on 'omvarld'. */
export function withIdeas(): Step[] {
  return [
    createWorkshop(),
    join('p1', 'Pia'),
    join('p2', 'David'),
    join('p3', 'Isabel'),
    fac({ type: 'agenda:goto', stepIndex: STEP.brainstorm }),
    addIdea('i1'),
    addIdea('i2'),
    addIdea('i3', 'gemensamt'),
  ];
}

/** `withIdeas` plus voting open. */
export function voting(): Step[] {
  return [...withIdeas(), fac({ type: 'voting:open' })];
}

/** One row of a rule table: a state built from `setup`, one command, and the expected outcome. */
export interface RuleCase {
  name: string;
  setup: Step[];
  command: Command;
  actor: Actor;
  expect: { error: DomainErrorCode } | { events: EventType[] };
  /** Extra checks on the state after the events (accepted commands only). */
  then?: (after: Workshop, before: Workshop | null) => void;
}

export function checkRule(c: RuleCase, now = 0): void {
  const before = c.setup.length ? run(c.setup, now) : null;
  const result = decide(before, c.command, c.actor, now);
  if ('error' in c.expect) {
    expect(result.ok ? result.value.map((e) => e.type) : result.error.code).toBe(c.expect.error);
    return;
  }
  if (!result.ok) throw new Error(`expected acceptance, got ${result.error.code}: ${result.error.message}`);
  expect(result.value.map((e) => e.type)).toEqual(c.expect.events);
  let after = before;
  for (const event of result.value) after = evolve(after, event);
  if (!after) throw new Error('no state after events');
  c.then?.(after, before);
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A participant's dots on one idea (0 when none). */
export const dotsOf = (s: Workshop, participantId: string, ideaId: string): number => ballotOf(s.votes, participantId)?.[ideaId] ?? 0;

/** A participant of a state a step may not have made (undefined then). */
export const personIn = (s: Workshop | null | undefined, participantId: string) => (s ? participantOf(s, participantId) : undefined);

/** The shards of `after` that are not shared with `before` (copied or new): what a change to a sharded record cost. */
export const newShards = <T>(before: Sharded<T>, after: Sharded<T>): IdRecord<T>[] => {
  const known = new Set(shardsOf(before));
  return [...shardsOf(after)].filter((shard) => !known.has(shard));
};
