/**
 * export.docx (the `docx` library): the documentation's blocks as a Word document to mail as it is. A4 with page
 * numbers, Word's own heading styles (so the navigation pane and the table of contents work; the contents are
 * written with their page numbers, so Word does not ask to update fields), focus themes in bold in the vote
 * lists like the seed, and real Word tables for the agenda, participants, calendar and plan. Arial, which every
 * Word has and LibreOffice matches (Liberation Sans), so the pages come out the same in both.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Cell, Column, DocMonth, Documentation, Outline, Run, Words } from '@fokus/report';
import { calendarLines, wordsFor, workshopOutline } from '@fokus/report';
import type { Renderer } from '../registry.ts';

/** A4 in twentieths of a point, 2 cm margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const FONT = 'Arial';
const ACCENT = '1F3864';
const MUTED = '595959';
const HEADER_FILL = 'DCE3EE';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Tables and the calendar in 9 pt, text in 10.5 pt (sizes in half points). */
const SMALL = 18;

const runsOf = (runs: readonly Run[], extra: { bold?: boolean; size?: number } = {}): TextRun[] =>
  runs.map((r) => new TextRun({ text: r.text, bold: r.bold || extra.bold, italics: r.italic, color: r.muted ? MUTED : undefined, size: extra.size }));

function cellParagraphs(cell: Cell, options: { bold?: boolean; right?: boolean } = {}): Paragraph[] {
  const lines = cell.length > 0 ? cell : [[]];
  return lines.map(
    (line) =>
      new Paragraph({
        children: runsOf(line, { ...options, size: SMALL }),
        spacing: { after: 0 },
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
      }),
  );
}

function widths(columns: readonly Column[]): number[] {
  const total = columns.reduce((n, c) => n + c.width, 0);
  return columns.map((c) => Math.floor((CONTENT_WIDTH * c.width) / total));
}

const cellMargins = { top: 40, bottom: 40, left: 80, right: 80 };

function table(columns: readonly Column[], rows: readonly Cell[][]): Table {
  const w = widths(columns);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (c, i) =>
        new TableCell({
          width: { size: w[i] ?? 0, type: WidthType.DXA },
          margins: cellMargins,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
          children: cellParagraphs([[{ text: c.title }]], { bold: true, right: c.numeric }),
        }),
    ),
  });
  const body = rows.map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        children: cells.map(
          (cell, i) =>
            new TableCell({
              width: { size: w[i] ?? 0, type: WidthType.DXA },
              margins: cellMargins,
              children: cellParagraphs(cell, { right: columns[i]?.numeric }),
            }),
        ),
      }),
  );
  return new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: w, layout: TableLayoutType.FIXED, rows: [header, ...body] });
}

/** The calendar as the seed draws it: the months side by side, four to a row, each with its meetings. */
function calendar(months: readonly DocMonth[], w: Words): Table {
  const perRow = 4;
  const colWidth = Math.floor(CONTENT_WIDTH / perRow);
  const rows: TableRow[] = [];
  for (let i = 0; i < months.length; i += perRow) {
    const slice = months.slice(i, i + perRow);
    const cells = Array.from({ length: perRow }, (_, k) => {
      const m = slice[k];
      const children: Paragraph[] = [];
      if (m) {
        children.push(new Paragraph({ children: [new TextRun({ text: m.label, bold: true, color: ACCENT })], spacing: { after: 60 } }));
        if (m.rows.length === 0) children.push(new Paragraph({ children: [new TextRun({ text: '–', color: MUTED })] }));
        m.rows.forEach((r, n) => {
          calendarLines(r, w).forEach((line, l) => {
            children.push(new Paragraph({ children: runsOf(line, { size: SMALL }), spacing: { before: l === 0 && n > 0 ? 120 : 0, after: 0 } }));
          });
        });
      } else children.push(new Paragraph({ children: [] }));
      return new TableCell({ width: { size: colWidth, type: WidthType.DXA }, margins: { top: 80, bottom: 80, left: 100, right: 100 }, children });
    });
    // The months stay on one page together: every row keeps with the next.
    rows.push(new TableRow({ cantSplit: true, keepNext: i + perRow < months.length, children: cells }));
  }
  return new Table({
    width: { size: colWidth * perRow, type: WidthType.DXA },
    columnWidths: Array(perRow).fill(colWidth),
    layout: TableLayoutType.FIXED,
    rows,
  });
}

function children(blocks: readonly Block[], w: Words): (Paragraph | Table | TableOfContents)[] {
  const out: (Paragraph | Table | TableOfContents)[] = [];
  let lists = 0;
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        out.push(new Paragraph({ heading: HEADINGS[b.level], pageBreakBefore: b.newPage === true, children: [new TextRun(b.text)] }));
        break;
      case 'paragraph':
        out.push(new Paragraph({ children: runsOf(b.runs) }));
        break;
      case 'list': {
        // Each ordered list counts from 1 again: its own instance of the numbering.
        const instance = ++lists;
        for (const item of b.items) {
          out.push(
            new Paragraph({
              children: runsOf(item),
              ...(b.ordered ? { numbering: { reference: 'ordered', level: 0, instance } } : { bullet: { level: 0 } }),
              spacing: { after: 40 },
            }),
          );
        }
        break;
      }
      case 'table':
        out.push(table(b.columns, b.rows), new Paragraph({ children: [] }));
        break;
      case 'calendar':
        out.push(calendar(b.months, w), new Paragraph({ children: [] }));
        break;
      case 'contents':
        out.push(
          new Paragraph({ children: [new TextRun({ text: b.title, bold: true, size: 26, color: ACCENT })], spacing: { before: 240, after: 120 } }),
          new TableOfContents(b.title, { hyperlink: true, headingStyleRange: `2-${b.depth ?? 3}` }),
        );
        break;
    }
  }
  return out;
}

export function renderDocx(doc: Documentation): Promise<Buffer> {
  return renderDocxOutline(workshopOutline(doc));
}

/** Any outline (a workshop's documentation, a series' compiled report) as a Word document. */
export async function renderDocxOutline(doc: Outline): Promise<Buffer> {
  const w = wordsFor(doc.lang);
  // The layout module is large (it measures text as Word does): loaded the first time a DOCX is made.
  const { estimatePageNumbers } = await import('docx/layout');
  const document = new Document({
    creator: 'Fokus',
    title: doc.title,
    description: doc.subject,
    pageNumbers: estimatePageNumbers,
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: { value: doc.lang === 'sv' ? 'sv-SE' : 'en-GB' } }, paragraph: { spacing: { after: 80 } } },
        heading1: { run: { font: FONT, size: 36, bold: true, color: ACCENT }, paragraph: { spacing: { before: 0, after: 120 } } },
        heading2: { run: { font: FONT, size: 28, bold: true, color: ACCENT }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 23, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 360, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, footer: 567 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ color: MUTED, size: 17, children: [`${doc.title} · ${w.pageOf[0]}`, PageNumber.CURRENT, w.pageOf[1], PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: children(doc.blocks, w),
      },
    ],
  });
  return Packer.toBuffer(document);
}

export const docxRenderer: Renderer = {
  format: 'docx',
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  render: (doc) => renderDocx(doc),
};
