/** What an export request may ask besides its format: `?sep=comma` for CSV, `?row=ID` for one meeting's calendar file. */
import { z } from 'zod';
import { idSchema } from '@fokus/protocol';
import type { RenderOptions } from './registry.ts';

const exportQuerySchema = z.object({
  sep: z.enum(['semicolon', 'comma']).default('semicolon'),
  row: idSchema.optional(),
});

/** Options for the renderer, or the first problem. Other query parameters are ignored (they are never logged). */
export function exportOptions(query: unknown): { ok: true; options: RenderOptions } | { ok: false; message: string } {
  const parsed = exportQuerySchema.safeParse(query ?? {});
  if (!parsed.success) return { ok: false, message: `${parsed.error.issues[0]?.path.join('.') ?? 'query'}: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, options: { sep: parsed.data.sep === 'comma' ? ',' : ';', row: parsed.data.row ?? null } };
}
