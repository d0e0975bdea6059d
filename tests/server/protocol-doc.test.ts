import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createWorkshop, newOpId } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';

const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(resolve(root, 'docs/protocol.md'), 'utf8');
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

/** The first `js` block after a heading of docs/protocol.md, pointed at the test server. */
function scriptAfter(heading: string, replacements: Record<string, string> = {}): string {
  const at = doc.indexOf(heading);
  if (at < 0) throw new Error(`no "${heading}" in docs/protocol.md`);
  const script = /```js\n([\s\S]*?)```/.exec(doc.slice(at))?.[1];
  if (!script) throw new Error(`no script after "${heading}" in docs/protocol.md`);
  let code = script.replace("'http://localhost:3000'", `'${server.url}'`);
  for (const [from, to] of Object.entries(replacements)) code = code.replace(from, to);
  return `${code}\nprocess.exit(0);\n`;
}

const run = async (code: string): Promise<string> =>
  (await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { cwd: root, timeout: 40_000 })).stdout;

it("runs docs/protocol.md's scripted workshop as written, with socket.io-client alone", async () => {
  const stdout = await run(scriptAfter('## A whole workshop, scripted'));
  expect(stdout).toContain('## Fokus');
  expect(stdout).toContain('- **Studieresa 10**');
}, 30_000);

it('runs the robust client of docs/protocol.md: a dropped connection resumes the same phone and the idea lands once', async () => {
  const created = await createWorkshop(server.url);
  const fac = await Client.connect(server.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  try {
    await fac.must({ type: 'agenda:goto', stepIndex: 1 }); // a brainstorm step, so a phone may add ideas
    const stdout = await run(scriptAfter('## A robust client', { "'QWKQA7'": `'${created.code}'` }));
    expect(stdout).toContain('joined true');
    expect(stdout).toMatch(/idea true \d+/);
    const { view } = await fac.sync();
    expect(view.view.participants?.map((p) => p.name)).toEqual(['Pia']);
    expect(view.view.ideas.map((i) => i.text)).toEqual(['Studieresa']);
  } finally {
    fac.close();
  }
}, 60_000);

it('ignores a command sent without an acknowledgement callback, as docs/protocol.md says', async () => {
  expect(doc).toContain('without a callback is **ignored**');
  const created = await createWorkshop(server.url);
  const fac = await Client.connect(server.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  try {
    const untyped: Socket = fac.socket; // what a careless script holds: an emit that needs no callback
    untyped.emit('workshop:command', { opId: newOpId(), command: { type: 'idea:add', ideaId: 'unanswered', boardId: 'omvarld', text: 'Utan svar' } });
    // Events are handled in the order they arrive: once this one is answered, the one before it has been dealt with.
    await fac.must({ type: 'idea:add', ideaId: 'answered', boardId: 'omvarld', text: 'Med svar' });
    const { view } = await fac.sync();
    expect(view.view.ideas.map((i) => i.id)).toEqual(['answered']);
  } finally {
    fac.close();
  }
});
