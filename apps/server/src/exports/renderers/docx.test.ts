import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Documentation } from '@fokus/report';
import { documentBlocks } from '@fokus/report';
import { HOSTILE, LONG_WORD, allIdeas, doc2023, docEmpty, docHostile } from '../test-docs.ts';
import type { XmlElement } from '../xml-tree.ts';
import { findAll, first, parseXml } from '../xml-tree.ts';
import { renderDocx } from './docx.ts';

async function open(doc: Documentation): Promise<{ body: XmlElement; footer: string; core: string }> {
  const zip = await JSZip.loadAsync(await renderDocx(doc));
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  const footers = await Promise.all(zip.filter((p) => /^word\/footer\d*\.xml$/.test(p)).map((f) => f.async('string')));
  return { body: parseXml(xml), footer: footers.join(''), core: (await zip.file('docProps/core.xml')?.async('string')) ?? '' };
}

const textOf = (el: XmlElement): string =>
  findAll(el, 'w:t')
    .map((t) => t.text)
    .join('');
const styleOf = (p: XmlElement): string | undefined => first(p, 'w:pStyle')?.attributes['w:val'];
/** Paragraphs of the body itself (not inside tables or the table of contents field's result). */
const paragraphs = (body: XmlElement) => findAll(body, 'w:p');
const isBold = (run: XmlElement) => {
  const b = first(run, 'w:b');
  return b !== undefined && b.attributes['w:val'] !== 'false' && b.attributes['w:val'] !== '0';
};

describe('export.docx, read back from word/document.xml', () => {
  const doc = doc2023();
  const opened = open(doc);

  it('uses Word heading styles for every heading, so a table of contents works', async () => {
    const { body } = await opened;
    const headings = paragraphs(body)
      .filter((p) => /^Heading[123]$/.test(styleOf(p) ?? ''))
      .map((p) => [Number(styleOf(p)?.slice(-1)), textOf(p)]);
    expect(headings).toEqual(documentBlocks(doc).flatMap((b) => (b.type === 'heading' ? [[b.level, b.text]] : [])));
    // The contents are a TOC field over levels 2–3, written with its entries.
    const instr = findAll(body, 'w:instrText').map((i) => i.text);
    expect(instr.some((i) => /TOC .*\\o "2-3"/.test(i))).toBe(true);
    const entries = paragraphs(body).filter((p) => /^TOC\d$/.test(styleOf(p) ?? ''));
    expect(entries.map(textOf)).toContainEqual(expect.stringMatching(/^Fokus år 2023\d+$/));
    expect(entries).toHaveLength(headings.filter(([level]) => level !== 1).length);
  });

  it('sets the focus themes in bold in the vote lists, and nothing else of the lists', async () => {
    const { body } = await opened;
    const runs = findAll(body, 'w:r');
    const boldTexts = new Set(runs.filter(isBold).map(textOf));
    const plainTexts = new Set(runs.filter((r) => !isBold(r)).map(textOf));
    for (const idea of doc.boards.flatMap((b) => b.ranking)) {
      const label = `${idea.text} ${idea.dots}`;
      if (idea.focus) expect(boldTexts, label).toContain(label);
      else expect(plainTexts, label).toContain(label);
    }
    expect(boldTexts).toContain('Politisk påverkan 5');
  });

  it('has real Word tables: participants, agenda, the calendar grid and the plan', async () => {
    const { body } = await opened;
    const tables = findAll(body, 'w:tbl');
    expect(tables).toHaveLength(4);
    const rows = (t: XmlElement | undefined) => (t ? findAll(t, 'w:tr') : []);
    expect(rows(tables[0])).toHaveLength(15);
    // The calendar: 13 months, four to a row.
    const calendarCells = findAll(tables[2] as XmlElement, 'w:tc').map(textOf);
    expect(calendarCells.filter((c) => c !== '')).toHaveLength(13);
    expect(calendarCells[0]).toMatch(/^JanuariFYSISKT MÖTE16\/1/);
    expect(calendarCells[12]).toMatch(/^Januari 2024/);
    // The plan: a header row that repeats on every page, then one row per meeting.
    const plan = rows(tables[3]);
    expect(first(plan[0] as XmlElement, 'w:tblHeader')).toBeDefined();
    expect(plan.slice(1).map((r) => findAll(r, 'w:tc').map(textOf)[1])).toEqual(doc.plan.map((r) => r.theme));
  });

  it('is A4 with page numbers in the footer', async () => {
    const { body, footer, core } = await opened;
    const size = first(body, 'w:pgSz');
    expect(size?.attributes).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    const footerXml = parseXml(footer.replace(/<\?xml[^>]*\?>/g, ''));
    const fields = findAll(footerXml, 'w:instrText').map((i) => i.text.trim());
    expect(fields).toEqual(expect.arrayContaining([expect.stringMatching(/^PAGE/), expect.stringMatching(/^NUMPAGES/)]));
    expect(core).toContain('Handlingsplan 2023');
  });
});

describe('export.docx with hostile text and an empty workshop', () => {
  it('keeps every text intact as text', async () => {
    const doc = docHostile();
    const { body } = await open(doc);
    const all = textOf(body);
    expect(all).toContain(HOSTILE.title);
    for (const idea of allIdeas(doc)) {
      expect(all).toContain(idea.text);
      expect(all).toContain(idea.details.replace(/\s*\n\s*/g, ' '));
    }
    expect(all).toContain(LONG_WORD);
    // User text never becomes a field, a hyperlink or markup of its own.
    // The only links are the contents' own, to bookmarks in the document.
    for (const link of findAll(body, 'w:hyperlink')) {
      expect(link.attributes['w:anchor']).toMatch(/^_Toc/);
      expect(link.attributes['r:id']).toBeUndefined();
    }
    expect(findAll(body, 'w:instrText').map((i) => i.text)).not.toContainEqual(expect.stringContaining('HYPERLINK("http'));
  });

  it('writes a short valid document for an empty workshop', async () => {
    const { body } = await open(docEmpty());
    expect(findAll(body, 'w:tbl')).toHaveLength(1);
    expect(textOf(body)).toContain('Ingen handlingsplan ännu.');
  });
});
