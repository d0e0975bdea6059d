import { z } from 'zod';
import type { WorkshopDesign } from '@fokus/core';
import { LIMITS, langSchema, templateSchema, text } from './limits.ts';

/**
 * A new workshop from a template (`{ template, lang, title }`) or from a design (`{ design }`: a design file
 * as `design.json` and "Spara som mall" give it, or the bare design inside one).
 */
export const createWorkshopRequestSchema = z
  .object({
    template: templateSchema.default('handlingsplan'),
    lang: langSchema.default('sv'),
    title: text(LIMITS.title).optional(),
    /** Checked with parseDesign (design.ts), which names the first wrong field inside it. */
    design: z.unknown().optional(),
  })
  .strict();
export type CreateWorkshopRequest = z.input<typeof createWorkshopRequestSchema>;
export type CreateWorkshopInput = Omit<z.output<typeof createWorkshopRequestSchema>, 'design'> & { design?: WorkshopDesign };

export interface CreateWorkshopResponse {
  workshopId: string;
  code: string;
  facilitatorKey: string;
  links: { join: string; screen: string; facilitator: string };
}

export interface WorkshopSummary {
  workshopId: string;
  code: string;
  title: string;
  lang: 'sv' | 'en';
  participants: number;
  joiningLocked: boolean;
  step: string;
  /** The meeting day (YYYY-MM-DD): the design's date, else the day it was created. */
  date: string;
  planYear: number;
}

/** The documentation's formats (`/export.<format>`); every one renders the same model (@fokus/report). */
export const exportFormatSchema = z.enum(['md', 'csv', 'plan.csv', 'json', 'xlsx', 'docx', 'pdf', 'ics']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
