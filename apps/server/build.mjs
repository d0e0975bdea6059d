// Bundles the server and its workspace packages into dist/main.js; npm dependencies stay external.
import { build } from 'esbuild';
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The server, and the thread that lays out DOCX, PDF and XLSX pages (exports/render-thread.ts finds it beside main.js).
await build({
  entryPoints: {
    main: fileURLToPath(new URL('./src/main.ts', import.meta.url)),
    cluster: fileURLToPath(new URL('./src/cluster-main.ts', import.meta.url)),
    'render-worker': fileURLToPath(new URL('./src/exports/render-worker.ts', import.meta.url)),
  },
  outdir: fileURLToPath(new URL('./dist', import.meta.url)),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'externals-but-workspace',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@fokus/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
// The store's writer thread is loaded by URL beside main.js: ship it (and the connection settings it shares) as
// they are. The migrations are bundled into main.js: the main thread migrates before the writer starts.
for (const file of ['sqlite-writer.worker.mjs', 'sqlite-schema.mjs']) {
  copyFileSync(new URL(`./src/store/${file}`, import.meta.url), new URL(`./dist/${file}`, import.meta.url));
}
console.log('server bundled: apps/server/dist/main.js');
