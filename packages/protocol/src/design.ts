import { z } from 'zod';
import type { WorkshopDesign } from '@fokus/core';
import { BOARD_COLORS, LIMITS, PLAN_YEAR_RANGE, checkDesign, isIsoDate } from '@fokus/core';
import { idSchema, langSchema, optionalText, text } from './limits.ts';

/**
 * A workshop design on the wire and in a design file ("Spara som mall" / "Ny workshop från fil"): the
 * same shape core's designs have, checked here field by field so a bad file is named by its first wrong field.
 */

export const boardColorSchema = z.enum(BOARD_COLORS);
export const stepKindSchema = z.enum(['lobby', 'brainstorm', 'present', 'reflect', 'vote', 'focus', 'plan']);
export const planYearSchema = z.number().int().min(PLAN_YEAR_RANGE.min).max(PLAN_YEAR_RANGE.max);
export const isoDateSchema = z.string().refine(isIsoDate, 'a date YYYY-MM-DD');
export const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');
export const rulesSchema = z.array(text(LIMITS.rule)).max(LIMITS.rules);
/** What a note may be filed under; no two alike (core's checkCategories says the same). */
export const categoriesSchema = z
  .array(text(LIMITS.category))
  .max(LIMITS.categories)
  .refine((cs) => new Set(cs.map((c) => c.toLocaleLowerCase('sv'))).size === cs.length, 'two categories are the same');

export const boardSchema = z
  .object({
    id: idSchema,
    title: text(LIMITS.boardTitle),
    purpose: optionalText(LIMITS.boardPurpose).default(''),
    questions: z.array(text(LIMITS.question)).max(LIMITS.questions).default([]),
    color: boardColorSchema.or(z.literal('')).optional(),
  })
  .strict();

export const phasesSchema = z
  .array(
    z
      .object({
        title: text(60),
        minutes: z.number().int().min(1).max(LIMITS.stepMinutes),
      })
      .strict(),
  )
  .max(LIMITS.phases);

export const stepSchema = z
  .object({
    id: idSchema,
    kind: stepKindSchema,
    title: text(LIMITS.stepTitle),
    prompt: optionalText(LIMITS.stepPrompt).default(''),
    minutes: z.number().int().min(0).max(LIMITS.stepMinutes),
    phases: phasesSchema.optional(),
  })
  .strict();

export const votingDefaultsSchema = z
  .object({
    budget: z.number().int().min(1).max(LIMITS.budget),
    capPerIdea: z.number().int().min(1).max(LIMITS.budget).nullable(),
    anonymous: z.boolean(),
    hideResults: z.boolean(),
  })
  .strict();

export const focusRuleSchema = z
  .object({
    mode: z.enum(['threshold', 'top']),
    value: z.number().int().min(0).max(1000),
  })
  .strict();

export const workshopDesignSchema = z
  .object({
    title: text(LIMITS.title),
    lang: langSchema,
    planYear: planYearSchema,
    place: optionalText(LIMITS.place).default(''),
    date: isoDateSchema.or(z.literal('')).default(''),
    startTime: clockSchema.or(z.literal('')).default(''),
    rules: rulesSchema,
    values: rulesSchema.default([]),
    /** Absent in design files saved before note categories. */
    categories: categoriesSchema.default([]),
    boards: z.array(boardSchema).min(1).max(LIMITS.boards),
    agenda: z.array(stepSchema).min(1).max(LIMITS.steps),
    voting: votingDefaultsSchema,
    focus: focusRuleSchema,
  })
  .strict();

/** A design file: the design with a marker and a version, so a later Fokus can upgrade an old file. */
export const DESIGN_FILE_FORMAT = 'fokus-design';
export const DESIGN_FILE_VERSION = 1;
export const designFileSchema = z
  .object({
    format: z.literal(DESIGN_FILE_FORMAT),
    version: z.literal(DESIGN_FILE_VERSION),
    design: workshopDesignSchema,
  })
  .strict();
export type DesignFile = { format: typeof DESIGN_FILE_FORMAT; version: typeof DESIGN_FILE_VERSION; design: WorkshopDesign };

export function designFile(design: WorkshopDesign): DesignFile {
  return { format: DESIGN_FILE_FORMAT, version: DESIGN_FILE_VERSION, design };
}

/** "boards.2.title: Too small: expected string to have >=1 characters": the first wrong field, by its path. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

export type ParsedDesign = { ok: true; design: WorkshopDesign } | { ok: false; message: string };

/**
 * A design as posted: a design file (`{ format, version, design }`) or the bare design. Checked by the schema and
 * then by core's rules (two boards with one id); a refusal names the first wrong field by its path in what was
 * posted ("design.boards.2.title: …" in a file, "boards.2.title: …" in a bare design).
 */
export function parseDesign(value: unknown): ParsedDesign {
  const isFile = typeof value === 'object' && value !== null && 'format' in value;
  const parsed = isFile ? designFileSchema.safeParse(value) : workshopDesignSchema.safeParse(value);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const design: WorkshopDesign = 'design' in parsed.data ? parsed.data.design : parsed.data;
  const refusal = checkDesign(design);
  if (refusal) return { ok: false, message: `${isFile ? 'design.' : ''}${refusal.message}` };
  return { ok: true, design };
}

// The wire design and core's must describe the same thing: this fails to compile if they drift.
type Assignable<A, B> = A extends B ? true : false;
export const designsMatchCore: Assignable<z.infer<typeof workshopDesignSchema>, WorkshopDesign> = true;
