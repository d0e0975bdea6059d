/**
 * The formats any block outline renders to (a series' compiled report; a workshop's documentation goes through
 * registry.ts, whose DOCX, PDF and Markdown renderers are these same functions).
 */
import type { Outline } from '@fokus/report';
import { DOCX_MIME } from './registry.ts';
import { renderMarkdownOutline } from './renderers/md.ts';

export type OutlineFormat = 'md' | 'docx' | 'pdf';

export interface OutlineRenderer {
  format: OutlineFormat;
  mime: string;
  extension: string;
  render(outline: Outline): string | Promise<Buffer>;
}

const OUTLINE_RENDERERS: readonly OutlineRenderer[] = [
  { format: 'md', mime: 'text/markdown; charset=utf-8', extension: 'md', render: renderMarkdownOutline },
  // Loaded on first use, as in registry.ts.
  { format: 'docx', mime: DOCX_MIME, extension: 'docx', render: async (o) => (await import('./renderers/docx.ts')).renderDocxOutline(o) },
  { format: 'pdf', mime: 'application/pdf', extension: 'pdf', render: async (o) => (await import('./renderers/pdf.ts')).renderPdfOutline(o) },
];

export function outlineRendererFor(format: OutlineFormat): OutlineRenderer {
  const r = OUTLINE_RENDERERS.find((x) => x.format === format);
  if (!r) throw new Error(`no outline renderer for ${format}`);
  return r;
}
