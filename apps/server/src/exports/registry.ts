/**
 * Every export format: one renderer each, all reading the same documentation model (@fokus/report). The route
 * looks a format up here; adding a format is one file in renderers/ and one line below.
 */
import type { ExportFormat } from '@fokus/protocol';
import type { Documentation } from '@fokus/report';
import { csvRenderer } from './renderers/csv.ts';
import { icsRenderer } from './renderers/ics.ts';
import { jsonRenderer } from './renderers/json.ts';
import { mdRenderer } from './renderers/md.ts';
import { planCsvRenderer } from './renderers/plan-csv.ts';
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

/**
 * DOCX, PDF and XLSX lay out pages with libraries that take ~15 MB of heap once loaded: they load on their first
 * export (on the render thread, see render-thread.ts), so the thread that answers a hall's phones never holds them,
 * nor has its garbage collector walk them.
 */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxRenderer: Renderer = {
  format: 'xlsx',
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  render: async (doc) => (await import('./renderers/xlsx.ts')).renderXlsx(doc),
};
const docxRenderer: Renderer = {
  format: 'docx',
  mime: DOCX_MIME,
  extension: 'docx',
  render: async (doc) => (await import('./renderers/docx.ts')).renderDocx(doc),
};
const pdfRenderer: Renderer = {
  format: 'pdf',
  mime: 'application/pdf',
  extension: 'pdf',
  render: async (doc) => (await import('./renderers/pdf.ts')).renderPdf(doc),
};

const RENDERERS: readonly Renderer[] = [mdRenderer, csvRenderer, planCsvRenderer, jsonRenderer, xlsxRenderer, docxRenderer, pdfRenderer, icsRenderer];

export function rendererFor(format: ExportFormat): Renderer {
  const r = RENDERERS.find((x) => x.format === format);
  // The format enum and this list are one set; a format without a renderer is a programming error.
  if (!r) throw new Error(`no renderer for ${format}`);
  return r;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = RENDERERS.map((r) => r.format);
