import JSZip from 'jszip';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { Outline } from '@fokus/report';
import { workshopOutline } from '@fokus/report';
import { outlineRendererFor } from './outline-formats.ts';
import { renderOutline, stopRenderThread } from './render-thread.ts';
import { doc2023 } from './test-docs.ts';

afterAll(stopRenderThread);

const documentXml = async (body: string | Buffer) => (await JSZip.loadAsync(body)).file('word/document.xml')?.async('string');

/** A series-like outline: contents of level 2 only, so level 3 headings stay out of the PDF's contents. */
const outline: Outline = {
  title: 'Nätverksträff',
  lang: 'sv',
  subject: 'Tema · 3 september 2019',
  generatedAt: '2019-09-03T12:00:00.000Z',
  blocks: [
    { type: 'heading', level: 1, text: 'Nätverksträff' },
    { type: 'contents', title: 'Innehåll', depth: 2 },
    { type: 'heading', level: 2, text: 'REGION NORR – TRÄFF I UMEÅ', newPage: true },
    { type: 'heading', level: 3, text: '1. Hur ser ditt samarbete ut idag med kommunen?' },
    { type: 'list', ordered: false, items: [[{ text: 'Bra dialog <b>&' }]] },
  ],
};

describe('outlines in DOCX, PDF and Markdown', () => {
  it('lays out DOCX and PDF on the render thread, the same document as on this one', async () => {
    const docx = await renderOutline('docx', outline);
    expect(docx.threadId).not.toBeNull();
    expect(docx.threadId).not.toBe(threadId);
    expect(await documentXml(docx.body)).toBe(await documentXml(await outlineRendererFor('docx').render(outline)));
    // Word's contents list level 2 only when asked.
    expect(await documentXml(docx.body)).toContain('\\o &quot;2-2&quot;');
    const pdf = await renderOutline('pdf', outline);
    expect(Buffer.from(pdf.body).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('writes Markdown here, escaping user text', async () => {
    const md = await renderOutline('md', outline);
    expect(md.threadId).toBeNull();
    expect(String(md.body)).toContain('## REGION NORR – TRÄFF I UMEÅ');
    expect(String(md.body)).toContain('Bra dialog \\<b>&');
  });

  it('gives a workshop the same Markdown through its outline as through its own renderer', async () => {
    const { renderMarkdown } = await import('./renderers/md.ts');
    const doc = doc2023();
    expect((await renderOutline('md', workshopOutline(doc))).body).toBe(renderMarkdown(doc));
  });
});
