import MarkdownIt from 'markdown-it';
import type { Heading, List, Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { Documentation } from '@fokus/report';
import { documentBlocks } from '@fokus/report';
import { HOSTILE, LONG_WORD, allIdeas, doc2023, docEmpty, docHostile } from '../test-docs.ts';
import { renderMarkdown } from './md.ts';

const parse = (md: string): Root => fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

function walk(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}
const all = (tree: Root): Nodes[] => {
  const out: Nodes[] = [];
  walk(tree, (n) => out.push(n));
  return out;
};
const textOf = (node: Nodes): string => ('value' in node ? node.value : 'children' in node ? node.children.map((c) => textOf(c)).join('') : '');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The block after the heading with this text (the `nth` one of that text), until the next heading. */
function section(tree: Root, text: string, nth = 0): Nodes[] {
  const starts = tree.children.flatMap((n, i) => (n.type === 'heading' && textOf(n) === text ? [i] : []));
  const start = starts[nth];
  if (start === undefined) throw new Error(`no heading ${text}`);
  const rest = tree.children.slice(start + 1);
  const end = rest.findIndex((n) => n.type === 'heading');
  return end < 0 ? rest : rest.slice(0, end);
}

describe('export.md, read back as a Markdown tree', () => {
  const doc = doc2023();
  const tree = parse(renderMarkdown(doc));

  it('has the same headings as the DOCX and PDF, at the same levels', () => {
    const headings = tree.children.filter((n): n is Heading => n.type === 'heading').map((h) => [h.depth, textOf(h)]);
    const expected = documentBlocks(doc).flatMap((b) => (b.type === 'heading' ? [[b.level, b.text]] : []));
    expect(headings).toEqual(expected);
    expect(headings).toContainEqual([2, 'Fokus år 2023']);
  });

  it('prints shared ranks as shared and the focus themes in bold', () => {
    const list = section(tree, 'Omvärldsbevakning', 0).find((n): n is List => n.type === 'list' && textOf(n).includes('Studieresa'));
    const items = list?.children.map((li) => textOf(li)) ?? [];
    expect(items.map((t) => Number(t.split('.')[0]))).toEqual([1, 2, 2, 4, 5, 6, 6, 6, 6]);
    const bold = all({ type: 'root', children: list ? [list] : [] })
      .filter((n) => n.type === 'strong')
      .map(textOf);
    expect(bold).toEqual(['Studieresa 11', 'Föredrag: Vad krävs för tillväxt? 8', 'Framtidens stadskärna 8']);
  });

  it('lists "Fokus år 2023" per dimension with Politisk påverkan', () => {
    const focus = (board: string) =>
      section(tree, board, 1)
        .flatMap((n) => all({ type: 'root', children: [n] as Root['children'] }))
        .filter((n) => n.type === 'strong')
        .map(textOf);
    expect(focus('Gemensamma frågor & projekt')).toEqual(doc.boards[2]?.focus.map((i) => `${i.text} ${i.dots}`));
    expect(focus('Gemensamma frågor & projekt')).toContain('Politisk påverkan 5');
  });

  it('has real tables: participants, agenda, the calendar and the plan', () => {
    const tables = tree.children.filter((n): n is Table => n.type === 'table');
    expect(tables).toHaveLength(4);
    const [people, , calendar, plan] = tables;
    expect(people?.children).toHaveLength(15);
    expect(calendar?.children.map((r) => textOf(r.children[0] as Nodes))).toEqual(['Månad', ...doc.calendar.map((m) => m.label)]);
    expect(plan?.children.slice(1).map((r) => r.children.map(textOf))).toEqual(
      doc.plan.map((r) => [r.themeNo === null ? '' : String(r.themeNo), r.theme, r.kindLabel, r.hostLabel, r.when, r.comment]),
    );
  });

  it('writes a short valid document for an empty workshop', () => {
    const empty = parse(renderMarkdown(docEmpty()));
    expect(empty.children.filter((n) => n.type === 'table')).toHaveLength(1);
    expect(textOf(empty)).toContain('Ingen handlingsplan ännu.');
  });
});

describe('export.md with hostile text', () => {
  const doc: Documentation = docHostile();
  const md = renderMarkdown(doc);
  const tree = parse(md);

  it('parses to text, emphasis, lists, headings and tables only: no HTML, image, code or link of the text’s making', () => {
    const nodes = all(tree);
    const types = new Set(nodes.map((n) => n.type));
    for (const t of types)
      expect(['root', 'heading', 'paragraph', 'text', 'strong', 'emphasis', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'link']).toContain(t);
    // mdast's GFM reader turns a typed address into a link to itself even when escaped (it looks for them in the
    // text after parsing); that is the text as typed, made clickable, never a hidden target or a script.
    const links = nodes.filter((n) => n.type === 'link');
    for (const link of links) {
      expect(link.url).toMatch(/^(https?:\/\/|mailto:)/);
      expect(link.url.endsWith(textOf(link))).toBe(true);
    }
  });

  it('gives back every text as written', () => {
    const text = squash(textOf(tree));
    expect(text).toContain(squash(HOSTILE.title));
    for (const idea of allIdeas(doc)) {
      expect(text).toContain(squash(idea.text));
      expect(text).toContain(squash(idea.details));
    }
    for (const p of doc.participants) expect(text).toContain(p.name);
    for (const r of doc.plan) expect(text).toContain(squash(r.comment));
    expect(text).toContain(LONG_WORD);
  });

  it('renders in a permissive reader (raw HTML and autolinks on) without a tag of the text’s making', () => {
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    const tags = new Set(html.match(/<[a-z][a-z0-9]*/g));
    expect([...tags].sort()).toEqual(
      ['<em', '<h1', '<h2', '<h3', '<li', '<ol', '<p', '<strong', '<table', '<tbody', '<td', '<th', '<thead', '<tr', '<ul'].sort(),
    );
    expect(html).not.toMatch(/<(a|img|script)\s/);
  });
});
