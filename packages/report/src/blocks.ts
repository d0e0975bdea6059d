/**
 * The documentation laid out as a neutral outline: headings, paragraphs, lists, tables and the calendar.
 * DOCX, PDF and Markdown each render these blocks (and the printable page may), so the three documents have the
 * same sections in the same order with the same words, and only the typesetting differs.
 */
import type { DocIdea, DocMonth, DocPlanRow, Documentation } from './model.ts';
import type { Words } from './words.ts';
import { wordsFor } from './words.ts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Secondary text (theme numbers, notes): grey where the format has colour. */
  muted?: boolean;
}

export interface Column {
  title: string;
  /** Relative width. */
  width: number;
  numeric?: boolean;
}

/** A table cell: lines of runs. */
export type Cell = Run[][];

export type Block =
  /** `newPage`: starts a page where the format has pages (the year plan, printed on its own). */
  | { type: 'heading'; level: 1 | 2 | 3; text: string; newPage?: boolean }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'list'; ordered: boolean; items: Run[][] }
  | { type: 'table'; columns: Column[]; rows: Cell[][] }
  /** The year calendar: thirteen months, laid out as each format can (a grid of months in DOCX and PDF). */
  | { type: 'calendar'; months: DocMonth[] }
  /**
   * A table of contents of the level 2 and 3 headings (or level 2 only, `depth: 2`), where the format pages
   * (DOCX, PDF); Markdown has none.
   */
  | { type: 'contents'; title: string; depth?: 2 | 3 };

const text = (t: string): Run => ({ text: t });
const cell = (t: string): Cell => [[text(t)]];
const flat = (t: string): string => t.replace(/\s*\n\s*/g, ' ');

export function documentBlocks(doc: Documentation): Block[] {
  const w = wordsFor(doc.lang);
  return [...front(doc, w), ...people(doc, w), ...meeting(doc, w), ...boards(doc, w), ...focus(doc, w), ...plan(doc, w), ...questions(doc, w)];
}

function front(doc: Documentation, w: Words): Block[] {
  const meta = [doc.focusTitle, doc.dateLabel, doc.place].filter((t) => t !== '').join(' · ');
  const figures = [w.participantCount(doc.participants.length)];
  if (doc.voting.status === 'idle') figures.push(w.votingIdle);
  else figures.push(w.dotsSummary(doc.voting.dots, doc.voting.budget));
  if (doc.voting.status === 'open') figures.push(w.votingOpen);
  return [
    { type: 'heading', level: 1, text: doc.title },
    { type: 'paragraph', runs: [{ text: meta, bold: true }] },
    { type: 'paragraph', runs: [{ text: figures.join(' · '), muted: true }] },
    { type: 'contents', title: w.contents },
  ];
}

function people(doc: Documentation, w: Words): Block[] {
  const out: Block[] = [];
  if (doc.participants.length > 0) {
    out.push(
      { type: 'heading', level: 2, text: w.participants },
      {
        type: 'table',
        columns: [
          { title: w.col.name, width: 3 },
          { title: w.col.organisation, width: 4 },
          { title: w.col.group, width: 2 },
        ],
        rows: doc.participants.map((p) => [cell(p.name), cell(p.organisation), cell(p.group ?? '')]),
      },
    );
  }
  const groups = doc.groups.filter((g) => g.members.length > 0);
  if (groups.length > 0) {
    out.push(
      { type: 'heading', level: 2, text: w.groups },
      { type: 'list', ordered: false, items: groups.map((g) => [{ text: `${g.name}: `, bold: true }, text(g.members.join(', '))]) },
    );
  }
  return out;
}

function meeting(doc: Documentation, w: Words): Block[] {
  const out: Block[] = [];
  if (doc.rules.length > 0) out.push({ type: 'heading', level: 2, text: w.rules }, { type: 'list', ordered: true, items: doc.rules.map((r) => [text(r)]) });
  if (doc.values.length > 0) out.push({ type: 'heading', level: 2, text: w.values }, { type: 'list', ordered: false, items: doc.values.map((v) => [text(v)]) });
  if (doc.agenda.length > 0) {
    const timed = doc.agenda.some((s) => s.start !== null);
    const columns: Column[] = [
      ...(timed ? [{ title: w.col.time, width: 2.4 }] : []),
      { title: w.col.step, width: 4 },
      { title: w.minutes, width: 1, numeric: true },
      { title: w.col.content, width: 8 },
    ];
    const rows = doc.agenda.map((s): Cell[] => {
      const phases = s.phases.map((p) => `${p.start === null ? '' : `${p.start} `}${p.minutes} ${w.minutes} ${p.title}`.trim());
      const content: Cell = [[text(flat(s.prompt))]];
      if (phases.length > 0) content.push([{ text: phases.join(' · '), muted: true }]);
      return [
        ...(timed ? [cell(s.start === null ? '' : `${s.start}–${s.end ?? ''}`)] : []),
        [[{ text: s.title, bold: true }]],
        cell(String(s.minutes)),
        content,
      ];
    });
    out.push({ type: 'heading', level: 2, text: w.agenda }, { type: 'table', columns, rows });
  }
  return out;
}

/**
 * "2. Föredrag: Vad krävs för tillväxt? 8 (details) – tema 2, från 5 personer": the theme and its dots in bold when
 * in focus, like the seed.
 */
export function ideaRuns(idea: DocIdea, w: Words, withRank: boolean): Run[] {
  const runs: Run[] = [];
  if (withRank && idea.rank !== null) runs.push(text(`${idea.rank}. `));
  runs.push({ text: `${idea.text} ${idea.dots}`, bold: idea.focus });
  if (idea.details) runs.push(text(` (${flat(idea.details)})`));
  const notes = [w.themeRef(idea.themeNo)];
  if (idea.voters > 0) notes.push(w.votersCount(idea.voters));
  if (idea.merged.length > 0) notes.push(`${w.mergedWith}: ${idea.merged.join('; ')}`);
  runs.push({ text: ` – ${notes.join(', ')}`, muted: true });
  return runs;
}

function boards(doc: Documentation, w: Words): Block[] {
  if (doc.boards.length === 0) return [];
  const out: Block[] = [{ type: 'heading', level: 2, text: w.boards }];
  for (const b of doc.boards) {
    out.push({ type: 'heading', level: 3, text: b.title });
    if (b.purpose) out.push({ type: 'paragraph', runs: [{ text: flat(b.purpose), italic: true }] });
    if (b.questions.length > 0) out.push({ type: 'list', ordered: false, items: b.questions.map((q) => [text(q)]) });
    if (b.ranking.length === 0) out.push({ type: 'paragraph', runs: [{ text: w.none, muted: true }] });
    else out.push({ type: 'list', ordered: false, items: b.ranking.map((i) => ideaRuns(i, w, true)) });
    if (b.hidden.length > 0) {
      out.push(
        { type: 'paragraph', runs: [{ text: `${w.hiddenIdeas}:`, muted: true }] },
        { type: 'list', ordered: false, items: b.hidden.map((i) => ideaRuns(i, w, false).map((r) => ({ ...r, muted: true }))) },
      );
    }
  }
  return out;
}

function focus(doc: Documentation, w: Words): Block[] {
  if (doc.boards.length === 0) return [];
  const out: Block[] = [{ type: 'heading', level: 2, text: doc.focusTitle }];
  for (const b of doc.boards) {
    out.push({ type: 'heading', level: 3, text: b.title });
    if (b.focus.length === 0) out.push({ type: 'paragraph', runs: [{ text: w.none, muted: true }] });
    else out.push({ type: 'list', ordered: false, items: b.focus.map((i) => ideaRuns(i, w, false)) });
  }
  return out;
}

/** The lines a plan row shows in a calendar month, like the seed: "MÅNADSMÖTE", "Tema 1: Policy", "Värd: Daniel". */
export function calendarLines(row: DocPlanRow, w: Words): Run[][] {
  const lines: Run[][] = [[{ text: row.kindLabel.toUpperCase(), bold: true }]];
  const date =
    row.day === null ? '' : `${row.day}/${Number(row.month.slice(5))}${row.start === null ? '' : ` ${row.start}${row.end === null ? '' : `–${row.end}`}`}`;
  if (date) lines.push([text(date)]);
  const theme = row.themeNo === null ? row.theme : `${row.themeNo}${row.theme ? `: ${row.theme}` : ''}`;
  if (theme) lines.push([text(`${w.col.theme} ${theme}`)]);
  if (row.hostLabel) lines.push([text(`${w.col.host}: ${row.hostLabel}`)]);
  if (row.comment) lines.push([{ text: flat(row.comment), muted: true }]);
  return lines;
}

function plan(doc: Documentation, w: Words): Block[] {
  const out: Block[] = [{ type: 'heading', level: 2, text: doc.planTitle, newPage: doc.plan.length > 0 }];
  if (doc.plan.length === 0) return [...out, { type: 'paragraph', runs: [{ text: w.noPlan, muted: true }] }];
  out.push({ type: 'heading', level: 3, text: w.calendar }, { type: 'calendar', months: doc.calendar });
  out.push(
    { type: 'heading', level: 3, text: w.planTable },
    {
      type: 'table',
      columns: [
        { title: w.col.themeNo, width: 1.5, numeric: true },
        { title: w.col.theme, width: 4 },
        { title: w.col.kind, width: 2.3 },
        { title: w.col.host, width: 2.6 },
        { title: w.col.month, width: 2.6 },
        { title: w.col.comment, width: 4 },
      ],
      rows: doc.plan.map((r) => [
        cell(r.themeNo === null ? '' : String(r.themeNo)),
        cell(r.theme),
        cell(r.kindLabel),
        cell(r.hostLabel),
        cell(r.when),
        cell(flat(r.comment)),
      ]),
    },
  );
  return out;
}

function questions(doc: Documentation, w: Words): Block[] {
  if (doc.openQuestions.length === 0) return [];
  return [
    { type: 'heading', level: 2, text: w.openQuestions },
    { type: 'paragraph', runs: [{ text: w.openQuestionsNote, muted: true }] },
    {
      type: 'list',
      ordered: false,
      items: doc.openQuestions.map((q) => [text(q.text), { text: ` – ${q.board}, ${w.themeRef(q.themeNo)}, ${w.dotsCount(q.dots)}`, muted: true }]),
    },
  ];
}
