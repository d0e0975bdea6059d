/**
 * The compiled series report as the shared block outline, in the seed's order: title page and introduction,
 * contents (regions only, like the seed's INNEHÅLL), per region its towns, count and notes per question with
 * TIPS apart, then every region's notes per question, the next-theme suggestions and the totals.
 */
import type { Block, Cell, Column, Run } from '../blocks.ts';
import type { Outline } from '../outline.ts';
import { wordsFor } from '../words.ts';
import type { SeriesDocumentation, SeriesNote, SeriesQuestion, SeriesVote } from './model.ts';
import type { SeriesWords } from './words.ts';
import { seriesWordsFor } from './words.ts';

function noteRuns(n: SeriesNote, w: SeriesWords, withRegion: boolean): Run[] {
  const runs: Run[] = [{ text: n.text }];
  const extra = [n.category ?? '', n.merged.length > 0 ? `${w.mergedWith}: ${n.merged.join('; ')}` : '', withRegion ? n.region : ''].filter((t) => t !== '');
  if (extra.length > 0) runs.push({ text: ` – ${extra.join(', ')}`, muted: true });
  return runs;
}

function questionBlocks(q: SeriesQuestion, n: number, w: SeriesWords, withRegion: boolean): Block[] {
  const out: Block[] = [{ type: 'heading', level: 3, text: `${n}. ${q.title}` }];
  if (q.purpose) out.push({ type: 'paragraph', runs: [{ text: q.purpose, italic: true }] });
  if (q.notes.length > 0) out.push({ type: 'list', ordered: false, items: q.notes.map((x) => noteRuns(x, w, withRegion)) });
  else if (q.tips.length === 0) out.push({ type: 'paragraph', runs: [{ text: w.none, muted: true }] });
  // TIPS set apart under their own word, as the seed prints them.
  if (q.tips.length > 0) {
    out.push(
      { type: 'paragraph', runs: [{ text: w.tips, bold: true }] },
      { type: 'list', ordered: false, items: q.tips.map((x) => noteRuns(x, w, withRegion)) },
    );
  }
  return out;
}

export function seriesBlocks(doc: SeriesDocumentation): Block[] {
  const w = seriesWordsFor(doc.lang);
  const out: Block[] = [
    { type: 'heading', level: 1, text: doc.title },
    { type: 'paragraph', runs: [{ text: [doc.theme, doc.dateLabel].filter((t) => t !== '').join(' · '), bold: true }] },
    ...doc.intro.map((p): Block => ({ type: 'paragraph', runs: [{ text: p }] })),
    { type: 'paragraph', runs: [{ text: doc.totals.line, muted: true }] },
    { type: 'contents', title: wordsFor(doc.lang).contents, depth: 2 },
    { type: 'paragraph', runs: [{ text: w.contentsIntro(doc.theme), italic: true }] },
  ];
  for (const r of doc.regions) {
    out.push({ type: 'heading', level: 2, text: r.heading, newPage: true });
    if (r.gone) {
      out.push({ type: 'paragraph', runs: [{ text: w.gone, muted: true }] });
      continue;
    }
    out.push(
      { type: 'paragraph', runs: [{ text: `${w.representedTowns}: `, bold: true }, { text: r.towns.join(', ') }] },
      { type: 'paragraph', runs: [{ text: `${w.participantCount}: `, bold: true }, { text: String(r.participants) }] },
    );
    if (r.host) out.push({ type: 'paragraph', runs: [{ text: `${w.host}: ${r.host}`, muted: true }] });
    out.push(...r.questions.flatMap((q, i) => questionBlocks(q, i + 1, w, false)));
  }
  out.push({ type: 'heading', level: 2, text: w.crossRoom, newPage: true });
  out.push(...doc.crossRoom.flatMap((q, i) => questionBlocks(q, i + 1, w, true)));
  out.push({ type: 'heading', level: 2, text: w.nextTheme });
  if (doc.nextTheme.suggestions.length === 0) out.push({ type: 'paragraph', runs: [{ text: w.none, muted: true }] });
  else out.push({ type: 'list', ordered: false, items: doc.nextTheme.suggestions.map((x) => noteRuns(x, w, true)) });
  if (doc.nextThemeVote) out.push(...voteBlocks(doc.nextThemeVote, w));
  out.push({ type: 'paragraph', runs: [{ text: doc.totals.line, bold: true }] });
  return out;
}

/** The vote as a ranked table: shared ranks as they are, merged texts under their suggestion, the focus marked. */
function voteBlocks(v: SeriesVote, w: SeriesWords): Block[] {
  const c = w.voteColumns;
  const out: Block[] = [
    { type: 'heading', level: 2, text: w.vote },
    { type: 'paragraph', runs: [{ text: w.voteLine(v), muted: true }] },
  ];
  if (v.items.length === 0) return [...out, { type: 'paragraph', runs: [{ text: w.none, muted: true }] }];
  const rows = v.items.map((i): Cell[] => [
    [[{ text: String(i.rank), bold: i.focus }]],
    [[{ text: i.text, bold: i.focus }], ...(i.merged.length > 0 ? [[{ text: `${w.mergedWith}: ${i.merged.join('; ')}`, muted: true }]] : [])],
    [[{ text: i.region }]],
    [[{ text: String(i.dots) }]],
    [[{ text: String(i.voters) }]],
    [[{ text: i.focus ? w.yes : '' }]],
  ]);
  const columns: Column[] = [
    { title: c.rank, width: 1, numeric: true },
    { title: c.suggestion, width: 6 },
    { title: c.region, width: 2 },
    { title: c.dots, width: 1, numeric: true },
    { title: c.voters, width: 1, numeric: true },
    { title: c.focus, width: 1.5 },
  ];
  out.push({ type: 'table', columns, rows });
  return out;
}

export function seriesOutline(doc: SeriesDocumentation): Outline {
  return {
    title: doc.title,
    lang: doc.lang,
    subject: [doc.theme, doc.dateLabel].filter((t) => t !== '').join(' · '),
    generatedAt: doc.generatedAt,
    blocks: seriesBlocks(doc),
  };
}
