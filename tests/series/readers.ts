/**
 * Reading a compiled report back per format into one shape: a list of items (headings, paragraphs, list items,
 * contents entries), so one check covers Markdown and DOCX; PDF gives its text in reading order. Test-only.
 */
import JSZip from 'jszip';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { findAll, first, parseXml } from '../../apps/server/src/exports/xml-tree.ts';

export interface Item {
  kind: 'h1' | 'h2' | 'h3' | 'p' | 'li' | 'toc';
  text: string;
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? node.children.map((c) => plain(c as Nodes)).join('') : '';
}

export function mdItems(md: string): Item[] {
  const tree: Root = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const out: Item[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') out.push({ kind: node.depth === 1 ? 'h1' : node.depth === 2 ? 'h2' : 'h3', text: plain(node) });
    else if (node.type === 'paragraph') out.push({ kind: 'p', text: plain(node) });
    else if (node.type === 'list') for (const item of node.children) out.push({ kind: 'li', text: plain(item) });
  }
  return out;
}

export async function docxItems(file: Buffer): Promise<Item[]> {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  const body = first(parseXml(xml), 'w:body');
  if (!body) throw new Error('no body');
  return findAll(body, 'w:p').map((p): Item => {
    const style = first(p, 'w:pStyle')?.attributes['w:val'] ?? '';
    const text = findAll(p, 'w:t')
      .map((t) => t.text)
      .join('');
    const heading = /^Heading([123])$/.exec(style)?.[1];
    if (heading) return { kind: `h${heading}` as Item['kind'], text };
    if (/^TOC\d$/.test(style)) return { kind: 'toc', text };
    return { kind: first(p, 'w:numPr') ? 'li' : 'p', text };
  });
}

/** The PDF's text, page after page, as pdf.js extracts it. */
export async function pdfText(file: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(file), isEvalSupported: false, useSystemFonts: false }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((i) => ('str' in i ? `${i.str}${i.hasEOL ? '\n' : ''}` : '')).join('');
    text += '\n';
  }
  await pdf.destroy();
  return text;
}

/** Lines wrap anywhere in a PDF: texts are compared without white space. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** The index after the last of `wanted`, found one after another in `text`; throws naming the first one missing. */
export function inOrder(text: string, wanted: readonly string[]): number {
  const hay = squash(text);
  let at = 0;
  for (const w of wanted) {
    const found = hay.indexOf(squash(w), at);
    if (found < 0) throw new Error(`not found after position ${at}: ${w}`);
    at = found + squash(w).length;
  }
  return at;
}

/**
 * The notes under each region and question of the item list: key "REGION … / 1. question / notes|tips" → the
 * list items there, in order. List items after a "TIPS" paragraph are tips.
 */
export function notesBySection(items: readonly Item[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let h2 = '';
  let h3 = '';
  let tips = false;
  for (const it of items) {
    if (it.kind === 'h2') [h2, h3, tips] = [it.text, '', false];
    else if (it.kind === 'h3') [h3, tips] = [it.text, false];
    else if (it.kind === 'p' && it.text === 'TIPS') tips = true;
    else if (it.kind === 'li') {
      const key = `${h2} / ${h3} / ${tips ? 'tips' : 'notes'}`;
      out.set(key, [...(out.get(key) ?? []), it.text]);
    }
  }
  return out;
}
