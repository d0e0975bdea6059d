/**
 * The formats any block outline renders to (a series' compiled report; a workshop's documentation goes through
 * registry.ts, whose DOCX, PDF and Markdown renderers are these same functions).
 */
import type { Outline } from '@fokus/report';
import { renderDocxOutline } from './renderers/docx.ts';
import { renderMarkdownOutline } from './renderers/md.ts';
import { renderPdfOutline } from './renderers/pdf.ts';

export type OutlineFormat = 'md' | 'docx' | 'pdf';

export interface OutlineRenderer {
  format: OutlineFormat;
  mime: string;
  extension: string;
  render(outline: Outline): string | Promise<Buffer>;
}

const OUTLINE_RENDERERS: readonly OutlineRenderer[] = [
  { format: 'md', mime: 'text/markdown; charset=utf-8', extension: 'md', render: renderMarkdownOutline },
  { format: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', render: renderDocxOutline },
  { format: 'pdf', mime: 'application/pdf', extension: 'pdf', render: renderPdfOutline },
];

export function outlineRendererFor(format: OutlineFormat): OutlineRenderer {
  const r = OUTLINE_RENDERERS.find((x) => x.format === format);
  if (!r) throw new Error(`no outline renderer for ${format}`);
  return r;
}
