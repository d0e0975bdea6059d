import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Documentation } from '@fokus/report';
import { HOSTILE, allIdeas, doc2023, docEmpty, docHostile } from '../test-docs.ts';
import { renderXlsx } from './xlsx.ts';

async function open(doc: Documentation): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type (an ArrayBuffer): give it a copy of the bytes as one.
  await wb.xlsx.load(new Uint8Array(await renderXlsx(doc)).buffer);
  return wb;
}

function rows(ws: ExcelJS.Worksheet | undefined): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  ws?.eachRow({ includeEmpty: false }, (row) => {
    const cells: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(row.getCell(c).value);
    out.push(cells);
  });
  return out;
}

describe('export.xlsx, read back with exceljs', () => {
  const doc = doc2023();
  const opened = open(doc);

  it('has the sheets Ranking, Plan, Deltagare and Idéer, each with a bold header row and a filter', async () => {
    const wb = await opened;
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Ranking', 'Plan', 'Deltagare', 'Idéer']);
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
  });

  it('writes numbers as numbers: theme number, rank, dots and voters', async () => {
    const [header, ...body] = rows((await opened).getWorksheet('Ranking'));
    expect(header).toEqual(['Tema #', 'Dimension', 'Placering', 'Tema', 'Detaljer', 'Röster', 'Röstande', 'Fokus']);
    expect(body).toHaveLength(39);
    for (const r of body) for (const i of [0, 2, 5, 6]) expect(typeof r[i]).toBe('number');
    expect(body[0]).toEqual([1, 'Omvärldsbevakning', 1, 'Studieresa', null, 11, expect.any(Number), 'ja']);
    expect(body.reduce((n, r) => n + Number(r[5]), 0)).toBe(117);
  });

  it('gives the plan a real date for each meeting with a day, and columns that fit', async () => {
    const ws = (await opened).getWorksheet('Plan');
    const [, ...body] = rows(ws);
    expect(body).toHaveLength(doc.plan.length);
    expect(body[1]?.slice(0, 6)).toEqual(['2023-02', new Date(Date.UTC(2023, 1, 6)), '09:00', '10:00', 'Månadsmöte', 27]);
    expect(body.find((r) => r[0] === '2023-10')?.[1]).toBeNull();
    // exceljs leaves out a width of 9, its default.
    for (let c = 1; c <= (ws?.columnCount ?? 0); c++) expect(ws?.getColumn(c).width ?? 9).toBeGreaterThanOrEqual(6);
    expect(ws?.getColumn(7).width).toBeGreaterThan(ws?.getColumn(6).width ?? 0);
  });

  it('lists the participants with organisation and group', async () => {
    const [, ...body] = rows((await opened).getWorksheet('Deltagare'));
    expect(body).toContainEqual(['Pia', 'Malmö Citysamverkan', 'Grupp 1']);
    expect(body).toHaveLength(14);
  });
});

describe('export.xlsx with hostile text', () => {
  it('keeps every idea, hidden and merged ones too, as text cells, never a formula', async () => {
    const doc = docHostile();
    const wb = await open(doc);
    const [, ...ideas] = rows(wb.getWorksheet('Idéer'));
    for (const idea of allIdeas(doc)) {
      const row = ideas.find((r) => r[0] === idea.themeNo);
      expect(row?.[2]).toBe(idea.text);
      expect(row?.[3] ?? '').toBe(idea.details);
    }
    expect(ideas.find((r) => r[2] === 'Dold =1+1')?.[8]).toBe('Dold');
    expect(ideas.find((r) => r[2] === 'Slås ihop "med" <h1>')?.[8]).toBe('Sammanslagen i tema 1');
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        }),
      ),
    );
    expect(wb.title).toBe(HOSTILE.title);
  });

  it('has header rows only for an empty workshop', async () => {
    const wb = await open(docEmpty());
    expect(wb.worksheets.map((ws) => ws.rowCount)).toEqual([1, 1, 1, 1]);
  });
});
