import { z } from 'zod';
import { LIMITS, langSchema, templateSchema, text } from './limits.ts';

export const createWorkshopRequestSchema = z
  .object({
    template: templateSchema.default('handlingsplan'),
    lang: langSchema.default('sv'),
    title: text(LIMITS.title).optional(),
  })
  .strict();
export type CreateWorkshopRequest = z.input<typeof createWorkshopRequestSchema>;

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
}

export const exportFormatSchema = z.enum(['md', 'csv', 'json']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
