import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { allIdeas, doc2023, docEmpty, docHostile } from '../test-docs.ts';
import { csvRenderer } from './csv.ts';
import { planCsvRenderer } from './plan-csv.ts';

const read = (text: string, delimiter = ';'): string[][] => parse(text, { delimiter, bom: true, relax_column_count: false });

/** What a spreadsheet shows of a neutralised cell: the apostrophe is Excel's "this is text" mark. */
const shown = (cell: string): string => cell.replace(/^'(?=[=+\-@\t\r])/, '');

describe('export.csv', () => {
  it('is semicolon-separated UTF-8 with a byte-order mark, one row per visible idea', () => {
    const doc = doc2023();
    const text = String(csvRenderer.render(doc, { sep: ';', row: null }));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = read(text);
    expect(header).toEqual(['Dimension', 'Placering', 'Tema #', 'Tema', 'Detaljer', 'Röster', 'Röstande', 'Fokus']);
    expect(rows).toHaveLength(39);
    expect(rows[0]).toEqual(['Omvärldsbevakning', '1', '1', 'Studieresa', '', '11', expect.stringMatching(/^\d+$/), 'ja']);
    // Shared ranks stay shared.
    expect(rows.slice(0, 4).map((r) => r[1])).toEqual(['1', '2', '2', '4']);
    expect(rows.filter((r) => r[7] === 'ja').map((r) => r[3])).toContain('Politisk påverkan');
  });

  it('writes commas on request', () => {
    const rows = read(String(csvRenderer.render(doc2023(), { sep: ',', row: null })), ',');
    expect(rows[1]?.[0]).toBe('Omvärldsbevakning');
    expect(rows.find((r) => r[3] === 'Föredrag: Vad krävs för tillväxt?')?.[4]).toContain('dag/nattbefolkning, KPI:er');
  });

  it('keeps hostile text intact and formulas harmless', () => {
    const doc = docHostile();
    const rows = read(String(csvRenderer.render(doc, { sep: ';', row: null }))).slice(1);
    const byNo = new Map(rows.map((r) => [r[2], r]));
    for (const idea of allIdeas(doc).filter((i) => !i.hidden)) {
      const row = byNo.get(String(idea.themeNo));
      expect(row && shown(row[3] ?? '')).toBe(idea.text);
      expect(row && shown(row[4] ?? '')).toBe(idea.details);
      // Nothing a spreadsheet would run: every cell starting with = + - @ carries the apostrophe.
      for (const cell of row ?? []) expect(cell).not.toMatch(/^[=+\-@]/);
    }
    expect(byNo.get('1')?.[3]).toBe(`'=HYPERLINK("http://evil.example","klick")`);
    expect(byNo.get('1')?.[4]).toHaveLength(1000);
  });

  it('has a header only for an empty workshop', () => {
    expect(read(String(csvRenderer.render(docEmpty(), { sep: ';', row: null })))).toHaveLength(1);
  });
});

describe('export.plan.csv', () => {
  it('lists the plan in calendar order with kind, theme number and host', () => {
    const [header, ...rows] = read(String(planCsvRenderer.render(doc2023(), { sep: ';', row: null })));
    expect(header).toEqual(['Månad', 'Dag', 'Start', 'Slut', 'Mötestyp', 'Tema #', 'Tema', 'Värd', 'Backup', 'Kommentar']);
    expect(rows.map((r) => r[0])).toEqual([...rows.map((r) => r[0] ?? '')].sort());
    expect(rows[1]).toEqual(['2023-02', '6', '09:00', '10:00', 'Månadsmöte', '27', 'Policy & Branschpraxis – del 1', 'Daniel', '', '']);
    expect(rows.find((r) => r[0] === '2023-10')).toMatchObject({ 1: '', 4: 'Studieresa', 7: 'Lena', 8: 'Pia' });
  });

  it('keeps a comment with line breaks and quotes in one cell, and neutralises a host written as a formula', () => {
    const rows = read(String(planCsvRenderer.render(docHostile(), { sep: ';', row: null }))).slice(1);
    expect(rows[0]?.[9]).toBe('Rad 1\nRad 2; "citat", komma');
    expect(rows[0]?.[7]).toBe("'=Värd");
    expect(rows[0]?.[8]).toBe("'-Backup");
    expect(rows[1]?.[6]).toBe("'@resa 😀");
  });
});
