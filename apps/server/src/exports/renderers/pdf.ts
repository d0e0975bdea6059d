/**
 * export.pdf (pdfmake 0.3 on Node): the same blocks as the DOCX, typeset on A4 with page numbers and a table of
 * contents. The font is pdfmake's own Roboto (it has å, ä and ö), read once from the package into pdfmake's
 * virtual file system and embedded (subset) in every file. pdfmake may read neither URLs nor local files: the
 * document holds only text, so nothing a participant writes can make the server fetch or read anything.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { PdfContent } from 'pdfmake';
import type { Block, Cell, DocMonth, Documentation, Outline, Run, Words } from '@fokus/report';
import { calendarLines, wordsFor, workshopOutline } from '@fokus/report';
import type { Renderer } from '../registry.ts';

const ACCENT = '#1F3864';
const MUTED = '#595959';
const HEADER_FILL = '#DCE3EE';
const FACES = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };

let ready = false;
function setUp(): void {
  if (ready) return;
  const require = createRequire(import.meta.url);
  for (const file of Object.values(FACES)) pdfmake.virtualfs.writeFileSync(file, readFileSync(require.resolve(`pdfmake/fonts/Roboto/${file}`)));
  pdfmake.setFonts({ Roboto: FACES });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

const runs = (line: readonly Run[], bold = false): PdfContent[] =>
  line.map((r) => ({ text: r.text, bold: r.bold || bold, italics: r.italic === true, ...(r.muted ? { color: MUTED } : {}) }));

const cellContent = (cell: Cell, bold = false, right = false): PdfContent => ({
  stack: (cell.length > 0 ? cell : [[]]).map((line) => ({ text: runs(line, bold), alignment: right ? 'right' : 'left' })),
});

/** Thin lines between rows and round the table, like the DOCX's. */
const GRID = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#9AA5B5',
  vLineColor: () => '#9AA5B5',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

function calendar(months: readonly DocMonth[], w: Words): PdfContent {
  const body: PdfContent[][] = [];
  for (let i = 0; i < months.length; i += 4) {
    body.push(
      Array.from({ length: 4 }, (_, k): PdfContent => {
        const m = months[i + k];
        if (!m) return { text: '' };
        const meetings = m.rows.map((r, n) => ({ stack: calendarLines(r, w).map((line) => ({ text: runs(line) })), margin: [0, n > 0 ? 6 : 0, 0, 0] }));
        return {
          stack: [{ text: m.label, bold: true, color: ACCENT, margin: [0, 0, 0, 3] }, ...(meetings.length > 0 ? meetings : [{ text: '–', color: MUTED }])],
        };
      }),
    );
  }
  // Fixed shares: a star width grows to the longest word in it and would push the grid off the page.
  return { table: { widths: ['25%', '25%', '25%', '25%'], body, dontBreakRows: true }, layout: GRID, fontSize: 8.5, margin: [0, 0, 0, 10] };
}

/** Relative widths as shares of the line; pdfmake reads '40%' (not '4*'). */
function percentages(weights: readonly number[]): string[] {
  const total = weights.reduce((n, x) => n + x, 0);
  return weights.map((x) => `${((x / total) * 100).toFixed(2)}%`);
}

function content(block: Block, w: Words, tocDepth: number): PdfContent {
  switch (block.type) {
    case 'heading':
      // Level 2 and 3 headings make the table of contents; level 1 is the title above it.
      return {
        text: block.text,
        style: `h${block.level}`,
        ...(block.level > 1 && block.level <= tocDepth ? { tocItem: true, tocMargin: [(block.level - 2) * 12, 0, 0, 0] } : {}),
        ...(block.newPage ? { pageBreak: 'before' } : {}),
      };
    case 'paragraph':
      return { text: runs(block.runs), margin: [0, 0, 0, 5] };
    case 'list': {
      const items = block.items.map((item) => ({ text: runs(item), margin: [0, 0, 0, 2] }));
      return block.ordered ? { ol: items, margin: [0, 0, 0, 6] } : { ul: items, margin: [0, 0, 0, 6] };
    }
    case 'table':
      return {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: percentages(block.columns.map((c) => c.width)),
          body: [
            block.columns.map((c) => ({ ...(cellContent([[{ text: c.title }]], true, c.numeric) as object), fillColor: HEADER_FILL })),
            ...block.rows.map((row) => row.map((cell, i) => cellContent(cell, false, block.columns[i]?.numeric === true))),
          ],
        },
        layout: GRID,
        fontSize: 9,
        margin: [0, 0, 0, 10],
      };
    case 'calendar':
      return calendar(block.months, w);
    case 'contents':
      return { toc: { title: { text: block.title, style: 'tocTitle' } }, margin: [0, 0, 0, 6] };
  }
}

/** What pdfmake tells `pageBreakBefore` of a laid-out node. */
interface PlacedNode {
  style?: unknown;
  startPosition: { verticalRatio?: number };
}
const isHeading = (node: PlacedNode): boolean => typeof node.style === 'string' && /^h[123]$/.test(node.style);

export function renderPdf(doc: Documentation): Promise<Buffer> {
  return renderPdfOutline(workshopOutline(doc));
}

/** Any outline (a workshop's documentation, a series' compiled report) as a PDF. */
export async function renderPdfOutline(doc: Outline): Promise<Buffer> {
  setUp();
  const w = wordsFor(doc.lang);
  const tocDepth = doc.blocks.find((b) => b.type === 'contents')?.depth ?? 3;
  const pdf = pdfmake.createPdf({
    pageSize: 'A4',
    pageMargins: [57, 57, 57, 57],
    info: { title: doc.title, author: 'Fokus', creator: 'Fokus', subject: doc.subject, creationDate: new Date(doc.generatedAt) },
    language: doc.lang === 'sv' ? 'sv-SE' : 'en-GB',
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 20, bold: true, color: ACCENT, margin: [0, 0, 0, 6] },
      h2: { fontSize: 14, bold: true, color: ACCENT, margin: [0, 14, 0, 6] },
      h3: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
      tocTitle: { fontSize: 13, bold: true, color: ACCENT, margin: [0, 8, 0, 4] },
    },
    content: doc.blocks.map((b) => content(b, w, tocDepth)),
    footer: (page: number, pages: number) => ({
      text: `${doc.title} · ${w.pageOf[0]}${page}${w.pageOf[1]}${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: MUTED,
      margin: [57, 20, 57, 0],
    }),
    // A heading never ends a page: near the foot of one, or with only headings after it there, it moves to the
    // next. pdfmake asks once per node, so a section heading leaves earlier (in the last 30 %) than a sub-heading
    // would: by the time its sub-heading moves, it is not asked again.
    pageBreakBefore: (node: PlacedNode, rest: { getFollowingNodesOnPage(): PlacedNode[] }) =>
      isHeading(node) && ((node.startPosition.verticalRatio ?? 0) > (node.style === 'h2' ? 0.7 : 0.82) || rest.getFollowingNodesOnPage().every(isHeading)),
  });
  return pdf.getBuffer();
}

export const pdfRenderer: Renderer = {
  format: 'pdf',
  mime: 'application/pdf',
  extension: 'pdf',
  render: (doc) => renderPdf(doc),
};
