/**
 * export.xlsx (exceljs): sheets Ranking, Plan, Deltagare and Idéer. Numbers are number cells, the meeting day a
 * date cell; each sheet has a bold header row that stays in view, a filter on it and column widths that fit.
 * Text is written as text: a theme that starts with "=" is a string cell, never a formula.
 */
import ExcelJS from 'exceljs';
import type { DocIdea, Documentation } from '@fokus/report';
import { wordsFor } from '@fokus/report';
import type { Renderer } from '../registry.ts';

type Value = string | number | Date | null;
interface Col {
  header: string;
  /** Longest a column grows to; long text wraps inside it. */
  max?: number;
  date?: boolean;
}

function sheet(wb: ExcelJS.Workbook, name: string, cols: readonly Col[], rows: readonly Value[][]): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed, a sheet fits the width of an A4 landscape page and repeats its header row.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.addRow(cols.map((c) => c.header));
  // An empty text is no cell at all, as a person would leave it.
  for (const r of rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: cols.length } };
  const widths = cols.map((c, i) => {
    const longest = Math.max(c.header.length, ...rows.map((r) => width(r[i] ?? null)));
    const col = ws.getColumn(i + 1);
    col.width = Math.min(c.max ?? 40, Math.max(6, longest + 2));
    if (c.date) col.numFmt = 'yyyy-mm-dd';
    return col.width;
  });
  // Long text wraps inside its column, every cell of a row starts at the top, and a row is as tall as its
  // longest wrapped cell: neither Excel nor LibreOffice grows a row for wrapped text when it opens a file.
  rows.forEach((r, n) => {
    const row = ws.getRow(n + 2);
    let lines = 1;
    r.forEach((v, i) => {
      const w = widths[i] ?? 10;
      const wraps = typeof v === 'string' && width(v) + 1 > w;
      row.getCell(i + 1).alignment = { vertical: 'top', wrapText: typeof v === 'string' && (wraps || v.includes('\n')) };
      if (typeof v === 'string')
        lines = Math.max(
          lines,
          v.split('\n').reduce((k, line) => k + Math.max(1, Math.ceil([...line].length / (w - 1))), 0),
        );
    });
    if (lines > 1) row.height = 15 * lines;
  });
}

/** Characters a value shows as: the longest line of text, a date as yyyy-mm-dd. */
function width(v: Value): number {
  if (v === null) return 0;
  if (v instanceof Date) return 10;
  if (typeof v === 'number') return String(v).length;
  return Math.max(0, ...v.split('\n').map((line) => [...line].length));
}

function ideaRow(doc: Documentation, board: string, i: DocIdea): Value[] {
  const w = wordsFor(doc.lang);
  return [i.themeNo, board, i.text, i.details, i.dots, i.voters, i.rank, i.focus ? w.yes : w.no, i.hidden ? w.hidden : w.visible, i.merged.join('\n')];
}

export async function renderXlsx(doc: Documentation): Promise<Buffer> {
  const w = wordsFor(doc.lang);
  const c = w.col;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fokus';
  wb.title = doc.title;
  // The workbook's dates come from the model, so the same workshop gives the same file.
  wb.created = new Date(doc.generatedAt);
  wb.modified = new Date(doc.generatedAt);

  sheet(
    wb,
    w.sheet.ranking,
    [
      { header: c.themeNo },
      { header: c.dimension },
      { header: c.rank },
      { header: c.theme, max: 50 },
      { header: c.details, max: 60 },
      { header: c.dots },
      { header: c.voters },
      { header: c.focus },
    ],
    doc.boards.flatMap((b) => b.ranking.map((i) => [i.themeNo, b.title, i.rank, i.text, i.details, i.dots, i.voters, i.focus ? w.yes : w.no])),
  );

  sheet(
    wb,
    w.sheet.plan,
    [
      { header: c.month },
      { header: w.date, date: true },
      { header: c.start },
      { header: c.end },
      { header: c.kind },
      { header: c.themeNo },
      { header: c.theme, max: 50 },
      { header: c.host },
      { header: c.backup },
      { header: c.comment, max: 60 },
    ],
    doc.plan.map((r) => {
      const day = r.day !== null && r.month ? new Date(Date.UTC(Number(r.month.slice(0, 4)), Number(r.month.slice(5, 7)) - 1, r.day)) : null;
      return [r.month, day, r.start, r.end, r.kindLabel, r.themeNo, r.theme, r.host, r.backup, r.comment];
    }),
  );

  sheet(
    wb,
    w.sheet.participants,
    [{ header: c.name }, { header: c.organisation }, { header: c.group }],
    doc.participants.map((p) => [p.name, p.organisation, p.group]),
  );

  // Every idea, hidden ones too, and each text merged into another as its own row naming where it went.
  const ideas: Value[][] = doc.boards.flatMap((b) =>
    [...b.ranking, ...b.hidden].flatMap((i) => [
      ideaRow(doc, b.title, i),
      ...i.merged.map((m): Value[] => [null, b.title, m, '', null, null, null, '', w.merged(i.themeNo), '']),
    ]),
  );
  sheet(
    wb,
    w.sheet.ideas,
    [
      { header: c.themeNo },
      { header: c.dimension },
      { header: c.theme, max: 50 },
      { header: c.details, max: 60 },
      { header: c.dots },
      { header: c.voters },
      { header: c.rank },
      { header: c.focus },
      { header: c.status },
      { header: c.merged, max: 50 },
    ],
    ideas,
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const xlsxRenderer: Renderer = {
  format: 'xlsx',
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  render: (doc) => renderXlsx(doc),
};
