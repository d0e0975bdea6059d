/** export.plan.csv: the year plan, one row per meeting in calendar order. */
import type { Documentation } from '@fokus/report';
import { wordsFor } from '@fokus/report';
import type { Renderer } from '../registry.ts';
import { csvText } from './csv-writer.ts';

export function planRows(doc: Documentation): (string | number)[][] {
  const w = wordsFor(doc.lang);
  const header = [w.col.month, w.col.day, w.col.start, w.col.end, w.col.kind, w.col.themeNo, w.col.theme, w.col.host, w.col.backup, w.col.comment];
  const rows = doc.plan.map((r) => [r.month, r.day ?? '', r.start ?? '', r.end ?? '', r.kindLabel, r.themeNo ?? '', r.theme, r.host, r.backup, r.comment]);
  return [header, ...rows];
}

export const planCsvRenderer: Renderer = {
  format: 'plan.csv',
  mime: 'text/csv; charset=utf-8',
  extension: 'plan.csv',
  render: (doc, options) => csvText(planRows(doc), options.sep),
};
