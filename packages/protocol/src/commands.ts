import { z } from 'zod';
import type { Command } from '@fokus/core';
import { LIMITS, idSchema, langSchema, optionalText, text } from './limits.ts';
import {
  boardSchema,
  categoriesSchema,
  planYearSchema,
  rulesSchema,
  stepSchema,
  stepKindSchema,
  phasesSchema,
  boardColorSchema,
  clockSchema,
  isoDateSchema,
} from './design.ts';

const name = text(LIMITS.name);
const ideaText = text(LIMITS.ideaText);
const details = optionalText(LIMITS.ideaDetails);
const field = optionalText(LIMITS.planField);

export const planRowSchema = z.object({
  id: idSchema,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month: YYYY-MM'),
  day: z.number().int().min(1).max(31).nullable().default(null),
  start: clockSchema.nullable().default(null),
  end: clockSchema.nullable().default(null),
  kind: z.enum(['physical', 'monthly', 'all', 'study', 'other']),
  themeNo: z.number().int().min(0).max(1_000_000).nullable(),
  theme: field,
  ideaId: idSchema.nullable(),
  host: field,
  backup: field,
  comment: field,
});

export const votingSettingsPatchSchema = z
  .object({
    budget: z.number().int().min(1).max(LIMITS.budget),
    capPerIdea: z.number().int().min(1).max(LIMITS.budget).nullable(),
    anonymous: z.boolean(),
    hideResults: z.boolean(),
  })
  .partial()
  .strict();

const c = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...shape }).strict();

/** Every command a socket may send. Joining has its own event; creating is an HTTP call. */
export const clientCommandSchema = z.discriminatedUnion('type', [
  c('workshop:update', {
    title: text(LIMITS.title).optional(),
    lang: langSchema.optional(),
    planYear: planYearSchema.optional(),
    place: optionalText(LIMITS.place).optional(),
    date: isoDateSchema.or(z.literal('')).optional(),
    startTime: clockSchema.or(z.literal('')).optional(),
    rules: rulesSchema.optional(),
    values: rulesSchema.optional(),
    categories: categoriesSchema.optional(),
  }),
  c('board:add', { board: boardSchema, index: z.number().int().min(0).max(LIMITS.boards).optional() }),
  c('board:update', {
    boardId: idSchema,
    title: text(LIMITS.boardTitle).optional(),
    purpose: optionalText(LIMITS.boardPurpose).optional(),
    questions: boardSchema.shape.questions.optional(),
    color: boardColorSchema.or(z.literal('')).optional(),
  }),
  c('board:delete', { boardId: idSchema }),
  c('board:reorder', { boardIds: z.array(idSchema).min(1).max(LIMITS.boards) }),
  c('step:add', { step: stepSchema, index: z.number().int().min(0).max(LIMITS.steps).optional() }),
  c('step:update', {
    stepId: idSchema,
    kind: stepKindSchema.optional(),
    title: text(LIMITS.stepTitle).optional(),
    prompt: optionalText(LIMITS.stepPrompt).optional(),
    minutes: z.number().int().min(0).max(LIMITS.stepMinutes).optional(),
    phases: phasesSchema.nullable().optional(),
  }),
  c('step:delete', { stepId: idSchema }),
  c('step:reorder', { stepIds: z.array(idSchema).min(1).max(LIMITS.steps) }),
  c('workshop:lock-joining', { locked: z.boolean() }),
  c('participant:rename', { participantId: idSchema, name }),
  c('participant:town', { participantId: idSchema, town: optionalText(LIMITS.town) }),
  c('participant:remove', { participantId: idSchema, erase: z.boolean().optional() }),
  c('participant:add', { participantId: idSchema, name, organisation: optionalText(LIMITS.organisation).optional() }),
  c('participant:done', { done: z.boolean(), participantId: idSchema.optional() }),
  c('group:create', { groupId: idSchema, name }),
  c('group:rename', { groupId: idSchema, name }),
  c('group:delete', { groupId: idSchema }),
  c('group:assign', { participantId: idSchema, groupId: idSchema.nullable() }),
  c('group:split', {
    groups: z
      .array(z.object({ id: idSchema, name }).strict())
      .min(1)
      .max(LIMITS.groups),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
  }),
  c('idea:add', { ideaId: idSchema, boardId: idSchema, text: ideaText, details: details.optional(), groupId: idSchema.nullable().optional() }),
  c('idea:edit', { ideaId: idSchema, text: ideaText, details }),
  c('idea:move', { ideaId: idSchema, boardId: idSchema }),
  c('idea:merge', { targetId: idSchema, sourceIds: z.array(idSchema).min(1).max(LIMITS.mergeSources) }),
  c('idea:hide', { ideaId: idSchema, hidden: z.boolean() }),
  c('idea:delete', { ideaId: idSchema }),
  c('idea:mark', { ideaId: idSchema, tips: z.boolean().optional(), category: text(LIMITS.category).nullable().optional() }),
  c('agenda:goto', {
    stepIndex: z
      .number()
      .int()
      .min(0)
      .max(LIMITS.steps - 1),
  }),
  c('agenda:phase', {
    phaseIndex: z
      .number()
      .int()
      .min(0)
      .max(LIMITS.steps - 1),
  }),
  c('timer:start', {}),
  c('timer:pause', {}),
  c('timer:extend', { ms: z.number().int().min(-LIMITS.timerMs).max(LIMITS.timerMs) }),
  c('timer:reset', {}),
  c('presentation:spotlight', { groupId: idSchema.nullable() }),
  c('voting:configure', { settings: votingSettingsPatchSchema }),
  c('voting:open', {}),
  c('voting:close', {}),
  c('voting:reveal', { revealed: z.boolean() }),
  c('voting:reset', {}),
  c('vote:add', { ideaId: idSchema, participantId: idSchema.optional() }),
  c('vote:remove', { ideaId: idSchema, participantId: idSchema.optional() }),
  c('focus:suggest', { mode: z.enum(['threshold', 'top']), value: z.number().int().min(0).max(1000) }),
  c('focus:toggle', { ideaId: idSchema, included: z.boolean() }),
  c('plan:set', { row: planRowSchema }),
  c('plan:delete', { rowId: idSchema }),
]);

export type ClientCommand = z.infer<typeof clientCommandSchema>;

/** A command on the wire: the client's op id makes a resend harmless. */
export const commandEnvelopeSchema = z.object({ opId: idSchema, command: clientCommandSchema }).strict();
export type CommandEnvelope = z.infer<typeof commandEnvelopeSchema>;

export const joinRequestSchema = z
  .object({
    name,
    organisation: optionalText(LIMITS.organisation).default(''),
    /** The town or municipality the person comes from ("Skellefteå"); optional. */
    town: optionalText(LIMITS.town).default(''),
    /** Made by the phone and kept before sending, so a join resent after a lost answer is the same join. */
    token: z
      .string()
      .min(16)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
  })
  .strict();
export type JoinRequest = z.input<typeof joinRequestSchema>;

// The wire schema and the domain type must describe the same commands: this fails to compile if they drift.
type Assignable<A, B> = A extends B ? true : false;
export const clientCommandsMatchCore: Assignable<ClientCommand, Command> = true;
