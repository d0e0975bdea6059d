import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A child process that records every module it loads (a resolve hook on Node's loader thread), builds the server,
 * then renders one export in each page-layout format on this thread: it prints the page-layout packages loaded
 * before the first export and after.
 */
const CHILD = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const loaded = new Set();
port1.on('message', (url) => loaded.add(url));
port1.unref();
const hooks = 'export let port; export function initialize(d) { port = d.port; }' +
  ' export async function resolve(s, c, next) { const r = await next(s, c); port.postMessage(r.url); return r; }';
register('data:text/javascript,' + encodeURIComponent(hooks), { data: { port: port2 }, transferList: [port2] });
const layout = () => [...new Set([...loaded].map((u) => /node_modules\\/(docx|exceljs|pdfmake)\\//.exec(u)?.[1]).filter(Boolean))].sort();
const settle = () => new Promise((r) => setTimeout(r, 200));
const { buildApp } = await import(${JSON.stringify(join(ROOT, 'apps/server/src/app.ts'))});
const { MemoryStore } = await import(${JSON.stringify(join(ROOT, 'apps/server/src/store/memory-store.ts'))});
const { rendererFor } = await import(${JSON.stringify(join(ROOT, 'apps/server/src/exports/registry.ts'))});
const config = { port: 0, host: '127.0.0.1', dataDir: '/nonexistent', databaseUrl: null, redisUrl: null, allowedOrigins: [],
  allowedHosts: [], publicUrl: null, trustProxy: false, rateLimits: { ipCommandsPerMinute: 1, ipJoinsPerMinute: 1,
  ipBadCodesPer10Minutes: 1, ipCreatesPer10Minutes: 1 }, logLevel: 'silent', webDist: null };
const fokus = await buildApp(config, new MemoryStore());
await settle();
const before = layout();
const { doc2023 } = await import(${JSON.stringify(join(ROOT, 'apps/server/src/exports/test-docs.ts'))});
const doc = doc2023();
const options = { sep: ';', row: null };
for (const format of ['docx', 'pdf', 'xlsx']) await rendererFor(format).render(doc, options);
await settle();
console.log(JSON.stringify({ before, after: layout() }));
await fokus.close();
`;

it('starts the server without the page-layout libraries, and loads them with the first DOCX, PDF and XLSX', () => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], { cwd: ROOT, encoding: 'utf8' });
  const { before, after } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { before: string[]; after: string[] };
  expect(before).toEqual([]);
  expect(after).toEqual(['docx', 'exceljs', 'pdfmake']);
}, 60_000);
