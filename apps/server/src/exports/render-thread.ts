/**
 * DOCX, PDF and XLSX lay out pages: 0.3 s of CPU for the seed's workshop, 3 s for one with 400 ideas. On the
 * main thread that would stall every live workshop's sockets for as long, so those formats render on one
 * worker thread, started on first use and kept. Where no worker script is at hand (a bundle built without
 * render-worker.js), they render here as before.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportFormat } from '@fokus/protocol';
import type { Documentation, Outline } from '@fokus/report';
import type { OutlineFormat } from './outline-formats.ts';
import { outlineRendererFor } from './outline-formats.ts';
import type { RenderOptions } from './registry.ts';
import { rendererFor } from './registry.ts';

/** A workshop's documentation in one of its formats, or any outline (a series' report) in a paged format. */
export type RenderRequest =
  | { id: number; format: ExportFormat; doc: Documentation; options: RenderOptions }
  | { id: number; format: OutlineFormat; outline: Outline };
export type RenderReply = { id: number; ok: true; body: string | Uint8Array; threadId: number } | { id: number; ok: false; message: string };

/** The formats worth a thread: they lay out pages or zip a workbook. */
const HEAVY: ReadonlySet<ExportFormat> = new Set<ExportFormat>(['docx', 'pdf', 'xlsx']);

/** The worker script beside this module: render-worker.js beside a bundle, or the TypeScript source through tsx. */
function workerScript(): URL | null {
  for (const name of ['./render-worker.js', './render-worker-source.mjs']) {
    const url = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

interface Pending {
  resolve: (reply: RenderReply) => void;
  reject: (err: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
  worker = null;
}

function thread(): Worker | null {
  if (worker) return worker;
  const script = workerScript();
  if (!script) return null;
  const w = new Worker(script);
  w.on('message', (reply: RenderReply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    p?.resolve(reply);
  });
  w.on('error', (err) => failAll(err));
  w.on('exit', (code) => failAll(new Error(`render thread exited (${code})`)));
  // An idle thread never keeps the process alive; one with work does (see render).
  w.unref();
  worker = w;
  return w;
}

/** Renders one format of a documentation: off the main thread when it is heavy and a thread can be had. */
export async function render(format: ExportFormat, doc: Documentation, options: RenderOptions): Promise<{ body: string | Buffer; threadId: number | null }> {
  const w = HEAVY.has(format) ? thread() : null;
  if (!w) return { body: await rendererFor(format).render(doc, options), threadId: null };
  return onThread(w, { id: nextId++, format, doc, options });
}

/** Renders an outline (a series' compiled report): DOCX and PDF off the main thread like a workshop's. */
export async function renderOutline(format: OutlineFormat, outline: Outline): Promise<{ body: string | Buffer; threadId: number | null }> {
  const w = format === 'md' ? null : thread();
  if (!w) return { body: await outlineRendererFor(format).render(outline), threadId: null };
  return onThread(w, { id: nextId++, format, outline });
}

async function onThread(w: Worker, job: RenderRequest): Promise<{ body: string | Buffer; threadId: number | null }> {
  const { id, format } = job;
  const reply = await new Promise<RenderReply>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage(job);
  });
  if (!reply.ok) throw new Error(`render ${format}: ${reply.message}`);
  return {
    body: typeof reply.body === 'string' ? reply.body : Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength),
    threadId: reply.threadId,
  };
}

/** Stops the thread (tests, shutdown); the next heavy render starts a new one. */
export async function stopRenderThread(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
