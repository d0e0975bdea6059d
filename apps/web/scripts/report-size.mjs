// Prints the gzipped size of the JS a phone downloads first: the entry chunk and its static imports.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) throw new Error('no entry chunk in the manifest');

const seen = new Set();
const walk = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) walk(dep);
};
walk(entryKey);

const LIMIT_KB = 120;
let total = 0;
for (const key of seen) {
  const file = manifest[key].file;
  const gz = gzipSync(readFileSync(join(dist, file))).length;
  total += gz;
  console.log(`  ${file.padEnd(40)} ${(gz / 1024).toFixed(1).padStart(7)} KB gz`);
}
const lazy = Object.values(manifest)
  .filter((m) => m.isDynamicEntry)
  .map((m) => m.file);
console.log(`phone initial JS: ${(total / 1024).toFixed(1)} KB gzipped (target ≤ ${LIMIT_KB} KB)`);
console.log(`lazy chunks: ${lazy.join(', ') || 'none'}`);
if (total / 1024 > LIMIT_KB) {
  console.error('phone initial JS is over the target');
  process.exitCode = 1;
}
