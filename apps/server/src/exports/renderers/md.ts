/**
 * export.md: the documentation's blocks as a Markdown tree (mdast), serialized by mdast-util-to-markdown with
 * GFM tables. The serializer escapes what user text would otherwise open (HTML, links, emphasis, list markers,
 * autolinks, table pipes), so the text comes back as text. Ranks are written, not numbered by a list, so a
 * shared rank stays shared ("1, 2, 2, 4").
 */
import type { List, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Block, Cell, Documentation, Outline, Run } from '@fokus/report';
import { calendarLines, wordsFor, workshopOutline } from '@fokus/report';
import type { Renderer } from '../registry.ts';

function phrasing(runs: readonly Run[]): PhrasingContent[] {
  return runs
    .filter((r) => r.text !== '')
    .flatMap((r): PhrasingContent[] => {
      if (!r.bold && !r.italic) return [{ type: 'text', value: r.text }];
      // Spaces stay outside the markers: "**Grupp 1:** David", never "**Grupp 1: **", which Markdown can only
      // write with character references ("&#x20;").
      const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(r.text) ?? [];
      const inner = { type: 'text' as const, value: core };
      const marked: PhrasingContent = r.bold ? { type: 'strong', children: [inner] } : { type: 'emphasis', children: [inner] };
      const out: PhrasingContent[] = [];
      if (lead) out.push({ type: 'text', value: lead });
      if (core) out.push(marked);
      if (trail) out.push({ type: 'text', value: trail });
      return out;
    });
}

/** A table cell is one line in GFM: its lines join with " · ", and no line break may end the row early. */
function cellPhrasing(cell: Cell): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  cell.forEach((line, i) => {
    if (i > 0) out.push({ type: 'text', value: ' · ' });
    out.push(...phrasing(line.map((r) => ({ ...r, text: r.text.replace(/\s*\n\s*/g, ' ') }))));
  });
  return out;
}

function table(header: readonly string[], rows: readonly Cell[][], numeric: readonly boolean[]): Table {
  const row = (cells: readonly Cell[]): TableRow => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: cellPhrasing(c) })) });
  return {
    type: 'table',
    align: numeric.map((n) => (n ? 'right' : null)),
    children: [row(header.map((h) => [[{ text: h }]])), ...rows.map(row)],
  };
}

function node(block: Block, doc: Outline): RootContent | null {
  const w = wordsFor(doc.lang);
  switch (block.type) {
    case 'heading':
      return { type: 'heading', depth: block.level, children: [{ type: 'text', value: block.text }] };
    case 'paragraph':
      return { type: 'paragraph', children: phrasing(block.runs) };
    case 'list': {
      const list: List = {
        type: 'list',
        ordered: block.ordered,
        start: block.ordered ? 1 : null,
        spread: false,
        children: block.items.map((runs) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: phrasing(runs) }] })),
      };
      return list;
    }
    case 'table':
      return table(
        block.columns.map((c) => c.title),
        block.rows,
        block.columns.map((c) => c.numeric === true),
      );
    case 'calendar':
      // Thirteen rows, one per month; a month's meetings follow one another in its cell.
      return table(
        [w.col.month, w.planTable],
        block.months.map((m) => [[[{ text: m.label, bold: true }]], m.rows.flatMap((r, i) => (i === 0 ? [] : [[{ text: '/' }]]).concat(calendarLines(r, w)))]),
        [false, false],
      );
    case 'contents':
      // A file read on screen needs no page list; the headings are its outline.
      return null;
  }
}

export function renderMarkdown(doc: Documentation): string {
  return renderMarkdownOutline(workshopOutline(doc));
}

/** Any outline (a workshop's documentation, a series' compiled report) as Markdown. */
export function renderMarkdownOutline(doc: Outline): string {
  const children = doc.blocks.flatMap((b) => node(b, doc) ?? []);
  const tree: Root = { type: 'root', children };
  return toMarkdown(tree, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one', fences: true });
}

export const mdRenderer: Renderer = {
  format: 'md',
  mime: 'text/markdown; charset=utf-8',
  extension: 'md',
  render: (doc) => renderMarkdown(doc),
};
