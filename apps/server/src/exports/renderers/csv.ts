/** export.csv: the ranking, one row per visible idea, dimension by dimension. */
import type { Documentation } from '@fokus/report';
import { wordsFor } from '@fokus/report';
import type { Renderer } from '../registry.ts';
import { csvText } from './csv-writer.ts';

export function rankingRows(doc: Documentation): (string | number)[][] {
  const w = wordsFor(doc.lang);
  const header = [w.col.dimension, w.col.rank, w.col.themeNo, w.col.theme, w.col.details, w.col.dots, w.col.voters, w.col.focus];
  const rows = doc.boards.flatMap((b) => b.ranking.map((i) => [b.title, i.rank ?? '', i.themeNo, i.text, i.details, i.dots, i.voters, i.focus ? w.yes : w.no]));
  return [header, ...rows];
}

export const csvRenderer: Renderer = {
  format: 'csv',
  mime: 'text/csv; charset=utf-8',
  extension: 'csv',
  render: (doc, options) => csvText(rankingRows(doc), options.sep),
};
