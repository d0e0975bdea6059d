import { z } from 'zod';
import { LIMITS, langSchema, templateSchema, text } from './limits.ts';
import { designFileSchema } from './design.ts';

/**
 * A new workshop from a template (`{ template, lang, title }`) or from a design (`{ design }`: a design file
 * as `design.json` and "Spara som mall" give it, or the bare design inside one).
 */
export const createWorkshopRequestSchema = z
  .object({
    template: templateSchema.default('handlingsplan'),
    lang: langSchema.default('sv'),
    title: text(LIMITS.title).optional(),
    design: z
      .preprocess((v) => (typeof v === 'object' && v !== null && 'format' in v ? v : { format: 'fokus-design', version: 1, design: v }), designFileSchema)
      .transform((file) => file.design)
      .optional(),
  })
  .strict();
export type CreateWorkshopRequest = z.input<typeof createWorkshopRequestSchema>;
export type CreateWorkshopInput = z.output<typeof createWorkshopRequestSchema>;

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
