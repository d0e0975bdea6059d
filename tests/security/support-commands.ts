/** Every client command, a valid example of each, and every answer code: shared by the fuzz and the authorization matrix. */
import type { CommandType, DomainErrorCode } from '@fokus/core';
import { clientCommandSchema } from '@fokus/protocol';
import type { ClientCommand, ErrorCode, TransportErrorCode } from '@fokus/protocol';

export type ClientCommandType = ClientCommand['type'];

/** Every command type a socket may send, read off the wire schema itself, so a new command cannot be missed. */
export const COMMAND_TYPES: readonly ClientCommandType[] = clientCommandSchema.options.map((o) => o.shape.type.value);

/** Ids an example command refers to: things that exist in the workshop, and one that does not yet. */
export interface ExampleIds {
  /** The participant sending (or, for the facilitator, the one acted on). */
  self: string;
  /** Another participant (removed by `participant:remove`). */
  other: string;
  /** An idea by the facilitator, and a second one (merged, deleted). */
  idea: string;
  idea2: string;
  /** An idea by `self`. */
  ownIdea: string;
  group: string;
  board: string;
  board2: string;
  row: string;
  /** An id nothing has yet. */
  fresh: string;
  /** Every board and every step of the workshop, in order (for the reorder commands). */
  boards: string[];
  steps: string[];
}

type Example<T extends ClientCommandType> = (ids: ExampleIds) => Extract<ClientCommand, { type: T }>;

/** One valid command of each type; the record type makes this list exhaustive at compile time. */
export const EXAMPLES: { [T in ClientCommandType]: Example<T> } = {
  'workshop:update': () => ({ type: 'workshop:update', title: 'Ny titel', lang: 'sv' }),
  'board:add': (i) => ({ type: 'board:add', board: { id: i.fresh, title: 'Ny dimension', purpose: '', questions: ['Varför?'] } }),
  'board:update': (i) => ({ type: 'board:update', boardId: i.board, title: 'Omdöpt dimension', questions: ['Vad?', 'Hur?'] }),
  // board2 holds no ideas: a board with ideas is kept (board_not_empty).
  'board:delete': (i) => ({ type: 'board:delete', boardId: i.board2 }),
  'board:reorder': (i) => ({ type: 'board:reorder', boardIds: [...i.boards].reverse() }),
  'step:add': (i) => ({ type: 'step:add', step: { id: i.fresh, kind: 'reflect', title: 'Paus', prompt: '', minutes: 10 }, index: 2 }),
  'step:update': () => ({ type: 'step:update', stepId: 'fokus', title: 'Fokus 2027', minutes: 25 }),
  'step:delete': () => ({ type: 'step:delete', stepId: 'fokus' }),
  'step:reorder': (i) => ({ type: 'step:reorder', stepIds: [...i.steps].reverse() }),
  'participant:add': (i) => ({ type: 'participant:add', participantId: i.fresh, name: 'Utan telefon', organisation: 'Papper AB' }),
  'workshop:lock-joining': () => ({ type: 'workshop:lock-joining', locked: true }),
  'participant:rename': (i) => ({ type: 'participant:rename', participantId: i.self, name: 'Nytt namn' }),
  'participant:town': (i) => ({ type: 'participant:town', participantId: i.self, town: 'Skellefteå' }),
  'participant:remove': (i) => ({ type: 'participant:remove', participantId: i.other }),
  'participant:done': () => ({ type: 'participant:done', done: true }),
  'group:create': (i) => ({ type: 'group:create', groupId: i.fresh, name: 'Ny grupp' }),
  'group:rename': (i) => ({ type: 'group:rename', groupId: i.group, name: 'Omdöpt' }),
  'group:delete': (i) => ({ type: 'group:delete', groupId: i.group }),
  'group:assign': (i) => ({ type: 'group:assign', participantId: i.self, groupId: i.group }),
  'group:split': (i) => ({
    type: 'group:split',
    groups: [
      { id: i.group, name: 'A' },
      { id: i.fresh, name: 'B' },
    ],
    seed: 7,
  }),
  'idea:add': (i) => ({ type: 'idea:add', ideaId: i.fresh, boardId: i.board, text: 'Ny idé', details: 'Mer', groupId: null }),
  'idea:edit': (i) => ({ type: 'idea:edit', ideaId: i.ownIdea, text: 'Ändrad idé', details: '' }),
  'idea:move': (i) => ({ type: 'idea:move', ideaId: i.idea, boardId: i.board2 }),
  'idea:merge': (i) => ({ type: 'idea:merge', targetId: i.idea, sourceIds: [i.idea2] }),
  'idea:hide': (i) => ({ type: 'idea:hide', ideaId: i.idea, hidden: true }),
  // The phone's own idea: a participant may withdraw only that one (the facilitator any).
  'idea:delete': (i) => ({ type: 'idea:delete', ideaId: i.ownIdea }),
  // The writer's own note: its writer and the host may mark it (category null: any workshop, with or without categories).
  'idea:mark': (i) => ({ type: 'idea:mark', ideaId: i.ownIdea, tips: true, category: null }),
  'agenda:goto': () => ({ type: 'agenda:goto', stepIndex: 2 }),
  // Accepted at a step with phases (see prepare in authorization.test.ts).
  'agenda:phase': () => ({ type: 'agenda:phase', phaseIndex: 1 }),
  'timer:start': () => ({ type: 'timer:start' }),
  'timer:pause': () => ({ type: 'timer:pause' }),
  'timer:extend': () => ({ type: 'timer:extend', ms: 60_000 }),
  'timer:reset': () => ({ type: 'timer:reset' }),
  'presentation:spotlight': (i) => ({ type: 'presentation:spotlight', groupId: i.group }),
  'voting:configure': () => ({ type: 'voting:configure', settings: { budget: 5, capPerIdea: 3 } }),
  'voting:open': () => ({ type: 'voting:open' }),
  'voting:close': () => ({ type: 'voting:close' }),
  'voting:reveal': () => ({ type: 'voting:reveal', revealed: true }),
  'voting:reset': () => ({ type: 'voting:reset' }),
  'vote:add': (i) => ({ type: 'vote:add', ideaId: i.idea }),
  'vote:remove': (i) => ({ type: 'vote:remove', ideaId: i.idea }),
  'focus:suggest': () => ({ type: 'focus:suggest', mode: 'top', value: 3 }),
  'focus:toggle': (i) => ({ type: 'focus:toggle', ideaId: i.idea, included: true }),
  'plan:set': (i) => ({
    type: 'plan:set',
    row: {
      id: i.row,
      month: '2027-03',
      day: 14,
      start: '09:00',
      end: '12:00',
      kind: 'monthly',
      themeNo: 1,
      theme: 'Tema',
      ideaId: i.idea,
      host: 'Pia',
      backup: '',
      comment: '',
    },
  }),
  'plan:delete': (i) => ({ type: 'plan:delete', rowId: i.row }),
};

export function example(type: ClientCommandType, ids: ExampleIds): ClientCommand {
  return EXAMPLES[type](ids);
}

/** Commands that act as a participant (a facilitator has no dots and is never "done"): core refuses them to anyone else. */
export const NEEDS_A_PARTICIPANT: ReadonlySet<CommandType> = new Set<CommandType>(['participant:done', 'vote:add', 'vote:remove']);

const DOMAIN_CODES = [
  'forbidden',
  'not_found',
  'invalid',
  'already_exists',
  'joining_locked',
  'not_accepting_ideas',
  'voting_not_open',
  'voting_open',
  'budget_exhausted',
  'cap_reached',
  'no_dot_to_remove',
  'budget_below_spent',
  'cap_below_stacked',
  'anonymity_locked',
  'limit_reached',
  'board_not_empty',
  'step_current',
] as const satisfies readonly DomainErrorCode[];
const TRANSPORT_CODES = [
  'bad_request',
  'unauthorized',
  'version_mismatch',
  'not_joined',
  'rate_limited',
  'storage_unavailable',
  'unavailable',
  'internal',
] as const satisfies readonly TransportErrorCode[];

// Fails to compile when a code is added to the protocol and not here.
type Missing = Exclude<ErrorCode, (typeof DOMAIN_CODES)[number] | (typeof TRANSPORT_CODES)[number]>;
export const errorCodesComplete: Missing extends never ? true : false = true;

/** Every code an answer may carry, except `internal`, which no request may ever provoke. */
export const TYPED_CODES: ReadonlySet<string> = new Set<string>([...DOMAIN_CODES, ...TRANSPORT_CODES].filter((c) => c !== 'internal'));

/** An answer as the protocol defines it: `{ ok: true, … }` or `{ ok: false, error: <code>, message }`, never `internal`. */
export function isTypedAnswer(answer: unknown): boolean {
  if (typeof answer !== 'object' || answer === null) return false;
  const a = answer as { ok?: unknown; error?: unknown; message?: unknown };
  if (a.ok === true) return true;
  return a.ok === false && typeof a.error === 'string' && TYPED_CODES.has(a.error) && typeof a.message === 'string';
}

/** The code of an answer: 'ok' or its error code. */
export function codeOf(answer: unknown): string {
  const a = answer as { ok?: unknown; error?: unknown };
  return a.ok === true ? 'ok' : String(a.error);
}

/** The message of an error answer ('' when there is none). */
export function messageOf(answer: unknown): string {
  return typeof answer === 'object' && answer !== null && 'message' in answer && typeof answer.message === 'string' ? answer.message : '';
}
