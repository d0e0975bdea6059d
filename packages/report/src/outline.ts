/**
 * What a paged or marked-up format needs to typeset a document: its blocks and a few facts for the cover
 * (title, language, subject, date). A workshop's documentation and a series' compiled report both become one,
 * so DOCX, PDF and Markdown have one renderer each for both.
 */
import type { Lang } from '@fokus/core';
import type { Block } from './blocks.ts';
import { documentBlocks } from './blocks.ts';
import type { Documentation } from './model.ts';

export interface Outline {
  title: string;
  lang: Lang;
  /** The file's subject line (DOCX description, PDF subject). */
  subject: string;
  /** ISO time the document was made: the PDF's creation date. */
  generatedAt: string;
  blocks: Block[];
}

export function workshopOutline(doc: Documentation): Outline {
  return { title: doc.title, lang: doc.lang, subject: `${doc.focusTitle} · ${doc.dateLabel}`, generatedAt: doc.generatedAt, blocks: documentBlocks(doc) };
}
