import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Documentation } from '@fokus/report';
import { HOSTILE, LONG_WORD, allIdeas, doc2023, docEmpty, docHostile } from '../test-docs.ts';
import { renderPdf } from './pdf.ts';

interface Read {
  pages: string[];
  sizes: number[][];
  fonts: string[];
}

/** Text of every page as pdf.js extracts it, the page sizes in points and the fonts' names. */
async function read(doc: Documentation): Promise<Read> {
  const pdf = await getDocument({ data: new Uint8Array(await renderPdf(doc)), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  const sizes: number[][] = [];
  const fonts = new Set<string>();
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? `${i.str}${i.hasEOL ? '\n' : ''}` : '')).join(''));
    for (const style of Object.values(content.styles)) fonts.add(style.fontFamily);
    sizes.push(page.view.map((v) => Math.round(v)));
  }
  await pdf.destroy();
  return { pages, sizes, fonts: [...fonts] };
}

/** Lines wrap anywhere in the PDF: compare without white space. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('export.pdf, read back with pdf.js', () => {
  const doc = doc2023();
  const reading = read(doc);

  it('is A4 pages with page numbers', async () => {
    const { pages, sizes } = await reading;
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const size of sizes) expect(size).toEqual([0, 0, 595, 842]);
    for (const [i, text] of pages.entries()) expect(text).toContain(`Sida ${i + 1} av ${pages.length}`);
  });

  it('holds every theme with its dots, å ä ö included, and the focus lists', async () => {
    const text = squash((await reading).pages.join('\n'));
    for (const idea of allIdeas(doc)) expect(text).toContain(squash(`${idea.text} ${idea.dots}`));
    expect(text).toContain(squash('Fokus år 2023'));
    expect(text).toContain(squash('Överens om hur vi bemöter frågor och utsträckta händer.'));
    for (const p of doc.participants) expect(text).toContain(squash(p.organisation));
    for (const r of doc.plan) expect(text).toContain(squash(r.theme));
  });

  it('puts the plan on a page of its own, the calendar first', async () => {
    const { pages } = await reading;
    const start = pages.findIndex((p) => squash(p).startsWith(squash('Handlingsplan 2023 Årskalender Januari')));
    expect(start).toBeGreaterThan(0);
    expect(squash(pages[start] ?? '')).toContain(squash('Januari 2024'));
  });
});

describe('export.pdf with hostile text and an empty workshop', () => {
  it('shows every text as written (emoji aside: Roboto has none, they are blank)', async () => {
    const doc = docHostile();
    const { pages } = await read(doc);
    // A glyph the font lacks is extracted as U+0000.
    const text = squash(pages.join('')).split('\u0000').join('');
    const noEmoji = (s: string) => squash(s.replace(/\p{Extended_Pictographic}|\u200d|\ufe0f/gu, ''));
    expect(text).toContain(noEmoji(HOSTILE.title));
    for (const idea of allIdeas(doc)) {
      expect(text).toContain(noEmoji(idea.text));
      expect(text).toContain(noEmoji(idea.details));
    }
    expect(text).toContain(LONG_WORD);
  });

  it('makes a short document for an empty workshop', async () => {
    const { pages } = await read(docEmpty());
    expect(pages.length).toBeLessThanOrEqual(3);
    expect(pages.join('')).toContain('Ingen handlingsplan ännu.');
  });
});
