/**
 * The printable page's sections: the outline every format shares (@fokus/report's blocks), cut at its level 2
 * headings. The long sections (the dimensions, the focus list, the year plan) start a page on paper.
 */
import type { Block, Documentation } from '@fokus/report';
import { wordsFor } from '@fokus/report';

export interface Section {
  /** The anchor of its heading ('' for the front matter before the first heading). */
  id: string;
  title: string;
  pageBreak: boolean;
  blocks: Block[];
}

export function reportSections(doc: Documentation, blocks: readonly Block[]): Section[] {
  const w = wordsFor(doc.lang);
  const long = new Set([w.boards, doc.focusTitle, doc.planTitle]);
  const sections: Section[] = [{ id: '', title: '', pageBreak: false, blocks: [] }];
  for (const block of blocks) {
    if (block.type === 'heading' && block.level === 2) {
      const page = block.newPage === true || long.has(block.text);
      sections.push({ id: `s${sections.length}`, title: block.text, pageBreak: page, blocks: [block] });
    } else {
      sections[sections.length - 1]?.blocks.push(block);
    }
  }
  return sections;
}

/** A report from the server, checked where it enters: the version this page was written for, in a known language. */
export function asDocumentation(data: unknown): Documentation | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Partial<Record<keyof Documentation, unknown>>;
  const ok =
    d.schemaVersion === 1 &&
    (d.lang === 'sv' || d.lang === 'en') &&
    typeof d.title === 'string' &&
    Array.isArray(d.boards) &&
    Array.isArray(d.plan) &&
    Array.isArray(d.calendar) &&
    Array.isArray(d.participants);
  return ok ? (data as Documentation) : null;
}
