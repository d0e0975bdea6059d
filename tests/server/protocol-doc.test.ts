import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';

const root = resolve(import.meta.dirname, '../..');
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

it("runs docs/protocol.md's scripted workshop as written, with socket.io-client alone", async () => {
  const doc = readFileSync(resolve(root, 'docs/protocol.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## A whole workshop, scripted'));
  const script = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!script) throw new Error('no script in docs/protocol.md');
  const code = script.replace("'http://localhost:3000'", `'${server.url}'`) + '\nprocess.exit(0);\n';
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd: root, timeout: 20_000 });
  expect(stdout).toContain('## Fokus');
  expect(stdout).toContain('- **Studieresa 10**');
}, 30_000);
