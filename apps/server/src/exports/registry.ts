/**
 * Every export format: one renderer each, all reading the same documentation model (@fokus/report). The route
 * looks a format up here; adding a format is one file in renderers/ and one line below.
 */
import type { ExportFormat } from '@fokus/protocol';
import type { Documentation } from '@fokus/report';
import { csvRenderer } from './renderers/csv.ts';
import { docxRenderer } from './renderers/docx.ts';
import { icsRenderer } from './renderers/ics.ts';
import { jsonRenderer } from './renderers/json.ts';
import { mdRenderer } from './renderers/md.ts';
import { pdfRenderer } from './renderers/pdf.ts';
import { planCsvRenderer } from './renderers/plan-csv.ts';
import { xlsxRenderer } from './renderers/xlsx.ts';
import type { Separator } from './renderers/csv-writer.ts';

export interface RenderOptions {
  /** CSV field separator: ';' unless the request asks for commas. */
  sep: Separator;
  /** ICS: only this plan row's meeting ("Lägg till i kalender"); null for the whole plan. */
  row: string | null;
}

export interface Renderer {
  format: ExportFormat;
  /** Content-Type, with the charset for text. */
  mime: string;
  /** File name ending, without the dot. */
  extension: string;
  render(doc: Documentation, options: RenderOptions): string | Buffer | Promise<string | Buffer>;
}

const RENDERERS: readonly Renderer[] = [mdRenderer, csvRenderer, planCsvRenderer, jsonRenderer, xlsxRenderer, docxRenderer, pdfRenderer, icsRenderer];

export function rendererFor(format: ExportFormat): Renderer {
  const r = RENDERERS.find((x) => x.format === format);
  // The format enum and this list are one set; a format without a renderer is a programming error.
  if (!r) throw new Error(`no renderer for ${format}`);
  return r;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = RENDERERS.map((r) => r.format);
