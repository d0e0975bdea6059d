/** A series over HTTP (docs/series.md): what the routes accept, checked with zod, and what they answer. */
import { z } from 'zod';
import { SERIES_LIMITS } from '@fokus/core';
import { categoriesSchema, isoDateSchema } from './design.ts';
import { langSchema, optionalText, text } from './limits.ts';

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

/** A room as made: the host key is shown here once (it is the room's facilitator key). */
export interface SeriesRoomCreated {
  roomId: string;
  region: string;
  town: string;
  host: string;
  code: string;
  hostKey: string;
  links: { join: string; screen: string; facilitator: string };
}

export interface CreateSeriesResponse {
  seriesId: string;
  organiserKey: string;
  rooms: SeriesRoomCreated[];
}

/** One room as the organiser sees it (GET /api/series/:id). */
export interface SeriesRoomStatus {
  roomId: string;
  region: string;
  town: string;
  host: string;
  code: string;
  closed: boolean;
  /** 'gone': its workshop was erased; 'unavailable': it could not be loaded right now. */
  state: 'live' | 'gone' | 'unavailable';
  title: string | null;
  step: string | null;
  stepIndex: number | null;
  participants: number;
  notes: number;
  notesPerQuestion: { boardId: string; title: string; notes: number }[];
}

export interface SeriesStatus {
  seriesId: string;
  title: string;
  theme: string;
  date: string;
  lang: 'sv' | 'en';
  intro: string;
  categories: string[];
  questions: { boardId: string; title: string }[];
  rooms: SeriesRoomStatus[];
  /** The next-theme vote across the rooms; null until the organiser starts it. */
  plenary: SeriesPlenaryStatus | null;
}

/** The next-theme plenary as the dashboard shows it: links without keys. */
export interface SeriesPlenaryStatus {
  code: string;
  state: 'live' | 'gone' | 'unavailable';
  links: { join: string; screen: string };
  participants: number;
  voting: 'idle' | 'open' | 'closed';
}

/**
 * POST /api/series/:id/next-theme. The facilitator key is shown once, when the plenary is made; a later call
 * answers the same plenary with `facilitatorKey: null` and no console link.
 */
export interface NextThemeResponse {
  code: string;
  facilitatorKey: string | null;
  links: { join: string; screen: string; facilitator: string | null };
}

/** PUT /api/series/:id/design: the rooms that took the design, and why the others did not. */
export interface SeriesDesignResult {
  applied: string[];
  skipped: { roomId: string; reason: 'started' | 'closed' | 'gone' | 'unavailable' | 'refused'; message?: string }[];
}
