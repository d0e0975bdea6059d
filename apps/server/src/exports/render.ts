import type { Workshop } from '@fokus/core';
import { computeFocus, tallyOf } from '@fokus/core';

/** Words of the exports, in the workshop's language: they are mailed as they are. */
const WORDS = {
  sv: {
    focus: 'Fokus',
    ranking: 'Hela rankingen',
    plan: 'Årets teman & träffar',
    dimension: 'Dimension',
    theme: 'Tema',
    dots: 'Röster',
    voters: 'Röstande',
    rank: 'Plats',
    idea: 'Område',
    details: 'Detaljer',
    inFocus: 'Fokus',
    host: 'Värd',
    month: 'Månad',
    comment: 'Kommentar',
    none: '(inga)',
    yes: 'ja',
    no: 'nej',
  },
  en: {
    focus: 'Focus',
    ranking: 'Full ranking',
    plan: "This year's themes & meetings",
    dimension: 'Dimension',
    theme: 'Theme',
    dots: 'Votes',
    voters: 'Voters',
    rank: 'Rank',
    idea: 'Area',
    details: 'Details',
    inFocus: 'Focus',
    host: 'Host',
    month: 'Month',
    comment: 'Comment',
    none: '(none)',
    yes: 'yes',
    no: 'no',
  },
} as const;

export interface ExportRow {
  boardId: string;
  board: string;
  rank: number;
  idea: string;
  details: string;
  dots: number;
  voters: number;
  focus: boolean;
}

/** Every visible idea ranked within its board, with its place in the focus list. */
export function exportRows(s: Workshop): ExportRow[] {
  const tally = tallyOf(s);
  const ideas = Object.values(s.ideas);
  const focus = computeFocus(
    s.boards.map((b) => b.id),
    ideas,
    tally,
    s.focus,
  );
  return focus.flatMap((fb) => {
    const board = s.boards.find((b) => b.id === fb.boardId);
    return fb.items.map((item) => {
      const idea = s.ideas[item.ideaId];
      return {
        boardId: fb.boardId,
        board: board?.title ?? '',
        rank: item.rank,
        idea: idea?.text ?? '',
        details: idea?.details ?? '',
        dots: item.dots,
        voters: item.voters,
        focus: item.included,
      };
    });
  });
}

export function toMarkdown(s: Workshop): string {
  const w = WORDS[s.lang];
  const rows = exportRows(s);
  const out: string[] = [`# ${md(s.title)}`, '', `## ${w.focus}`, ''];
  for (const board of s.boards) {
    out.push(`### ${md(board.title)}`, '');
    const chosen = rows.filter((r) => r.boardId === board.id && r.focus);
    if (chosen.length === 0) out.push(`- ${w.none}`);
    for (const r of chosen) out.push(`- **${md(r.idea)} ${r.dots}**${r.details ? ` (${md(r.details)})` : ''}`);
    out.push('');
  }
  out.push(`## ${w.ranking}`, '');
  for (const board of s.boards) {
    out.push(`### ${md(board.title)}`, '');
    const ranked = rows.filter((r) => r.boardId === board.id);
    if (ranked.length === 0) out.push(`- ${w.none}`);
    for (const r of ranked) {
      const line = `${md(r.idea)} ${r.dots}${r.details ? ` (${md(r.details)})` : ''}`;
      out.push(`${r.rank}. ${r.focus ? `**${line}**` : line}`);
    }
    out.push('');
  }
  if (s.plan.length > 0) {
    out.push(`## ${w.plan}`, '', `| # | ${w.theme} | ${w.host} | ${w.month} | ${w.comment} |`, '|---|---|---|---|---|');
    for (const p of s.plan) {
      const host = p.backup ? `${p.host} (${p.backup})` : p.host;
      out.push(`| ${p.themeNo ?? ''} | ${cell(p.theme)} | ${cell(host)} | ${cell(p.month)} | ${cell(p.comment)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function toCsv(s: Workshop): string {
  const w = WORDS[s.lang];
  const header = [w.dimension, w.rank, w.idea, w.details, w.dots, w.voters, w.inFocus];
  const lines = exportRows(s).map((r) => [r.board, r.rank, r.idea, r.details, r.dots, r.voters, r.focus ? w.yes : w.no]);
  // A byte-order mark so spreadsheet programs read å, ä and ö as UTF-8.
  return `\uFEFF${[header, ...lines].map((row) => row.map((v) => csvField(String(v))).join(',')).join('\r\n')}\r\n`;
}

export function toJson(s: Workshop) {
  const rows = exportRows(s);
  return {
    title: s.title,
    lang: s.lang,
    boards: s.boards.map((b) => ({
      id: b.id,
      title: b.title,
      focus: rows.filter((r) => r.boardId === b.id && r.focus).map(({ idea, details, dots, voters, rank }) => ({ idea, details, dots, voters, rank })),
      ranking: rows.filter((r) => r.boardId === b.id).map(({ idea, details, dots, voters, rank, focus }) => ({ idea, details, dots, voters, rank, focus })),
    })),
    plan: s.plan.map(({ id: _id, ...row }) => row),
  };
}

/**
 * User text as one line of plain Markdown text: it cannot open HTML, a link, emphasis, code, a heading, a list or a
 * quote, whichever Markdown flavour reads it. `&` stays readable unless it would start an entity.
 */
function md(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Inline syntax: emphasis, code, links and images, strikethrough, headings' closing hashes, raw escapes.
      .replace(/[\\`*_[\]~#]/g, '\\$&')
      // Autolinks of GitHub-flavoured readers: scheme://…, www.…, name@host.
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/@/g, '\\@')
      // At the start of a line item: a list marker or an ordered number would nest a block.
      .replace(/^([-+])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}
const cell = (text: string) => md(text).replace(/\|/g, '\\|');

function csvField(v: string): string {
  // Quote always where needed; neutralise spreadsheet formulas in free text.
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
