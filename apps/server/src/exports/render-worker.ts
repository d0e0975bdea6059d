/**
 * The render thread's side (see render-thread.ts): takes { id, format, doc, options } or { id, format, outline },
 * answers { id, ok, body }.
 * It runs the same renderers as the main thread, on a documentation that came over as plain data.
 */
import { parentPort, threadId } from 'node:worker_threads';
import type { RenderRequest, RenderReply } from './render-thread.ts';
import { outlineRendererFor } from './outline-formats.ts';
import { rendererFor } from './registry.ts';

parentPort?.on('message', async (job: RenderRequest) => {
  let reply: RenderReply;
  try {
    const body = 'outline' in job ? await outlineRendererFor(job.format).render(job.outline) : await rendererFor(job.format).render(job.doc, job.options);
    reply = { id: job.id, ok: true, body: typeof body === 'string' ? body : new Uint8Array(body), threadId };
  } catch (err) {
    reply = { id: job.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
