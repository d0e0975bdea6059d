/**
 * The formats any block outline renders to (a series' compiled report; a workshop's documentation goes through
 * registry.ts, whose DOCX, PDF and Markdown renderers are these same functions).
 */
import type { Outline } from '@fokus/report';
import { docxRenderer, renderDocxOutline } from './renderers/docx.ts';
import { mdRenderer, renderMarkdownOutline } from './renderers/md.ts';
import { pdfRenderer, renderPdfOutline } from './renderers/pdf.ts';

export type OutlineFormat = 'md' | 'docx' | 'pdf';

export interface OutlineRenderer {
  format: OutlineFormat;
  mime: string;
  extension: string;
  render(outline: Outline): string | Promise<Buffer>;
}

const OUTLINE_RENDERERS: readonly OutlineRenderer[] = [
  { format: 'md', mime: mdRenderer.mime, extension: mdRenderer.extension, render: renderMarkdownOutline },
  { format: 'docx', mime: docxRenderer.mime, extension: docxRenderer.extension, render: renderDocxOutline },
  { format: 'pdf', mime: pdfRenderer.mime, extension: pdfRenderer.extension, render: renderPdfOutline },
];

export function outlineRendererFor(format: OutlineFormat): OutlineRenderer {
  const r = OUTLINE_RENDERERS.find((x) => x.format === format);
  if (!r) throw new Error(`no outline renderer for ${format}`);
  return r;
}
