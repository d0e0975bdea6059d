/** What the series routes accept, checked at the edge with zod; the design itself goes through parseDesign. */
import { z } from 'zod';
import { SERIES_LIMITS } from '@fokus/core';
import { categoriesSchema, isoDateSchema, langSchema, optionalText, text } from '@fokus/protocol';

export const roomInputSchema = z
  .object({
    region: text(SERIES_LIMITS.region),
    town: text(SERIES_LIMITS.town),
    host: optionalText(SERIES_LIMITS.host).default(''),
  })
  .strict();
export type RoomInput = z.output<typeof roomInputSchema>;

export const createSeriesSchema = z
  .object({
    title: text(SERIES_LIMITS.title),
    theme: optionalText(SERIES_LIMITS.theme).default(''),
    date: isoDateSchema,
    lang: langSchema.default('sv'),
    intro: optionalText(SERIES_LIMITS.intro).default(''),
    /** A design file or a bare design; the Frågerunda questions when absent. */
    design: z.unknown().optional(),
    /** What notes may be filed under; the design's when absent. */
    categories: categoriesSchema.optional(),
    rooms: z.array(roomInputSchema).min(1).max(SERIES_LIMITS.rooms),
  })
  .strict();
export type CreateSeriesInput = z.output<typeof createSeriesSchema>;

export const roomPatchSchema = z
  .object({
    region: text(SERIES_LIMITS.region).optional(),
    town: text(SERIES_LIMITS.town).optional(),
    host: optionalText(SERIES_LIMITS.host).optional(),
    closed: z.boolean().optional(),
  })
  .strict();

export const putDesignSchema = z.object({ design: z.unknown() }).strict();

/** Series ids are made by newId (16 URL-safe characters); anything else is no series. */
export const seriesIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/);

export const reportFormatSchema = z.enum(['md', 'json', 'docx', 'pdf']);
export type ReportFormat = z.infer<typeof reportFormatSchema>;
