import JSZip from 'jszip';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { render, stopRenderThread } from './render-thread.ts';
import { doc2023 } from './test-docs.ts';

afterAll(stopRenderThread);

const documentXml = async (body: string | Buffer) => (await JSZip.loadAsync(body)).file('word/document.xml')?.async('string');

describe('the render thread', () => {
  it('renders DOCX, PDF and XLSX on another thread, the same document as on this one', async () => {
    const doc = doc2023();
    const docx = await render('docx', doc, { sep: ';', row: null });
    expect(docx.threadId).not.toBeNull();
    expect(docx.threadId).not.toBe(threadId);
    const { renderDocx } = await import('./renderers/docx.ts');
    expect(await documentXml(docx.body)).toBe(await documentXml(await renderDocx(doc)));
    const pdf = await render('pdf', doc, { sep: ';', row: null });
    expect(Buffer.from(pdf.body).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.threadId).toBe(docx.threadId);
  }, 60_000);

  it('renders the text formats here', async () => {
    const md = await render('md', doc2023(), { sep: ';', row: null });
    expect(md.threadId).toBeNull();
    expect(String(md.body)).toContain('# Handlingsplan 2023');
  });
});
