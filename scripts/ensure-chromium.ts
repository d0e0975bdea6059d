/**
 * Run first by `npm test`: makes sure the browser tests (tests/e2e) find Chromium, installing
 * Debian's package when it is missing and this machine can (root, apt-get, Debian).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { planChromium } from './chromium-plan.ts';

function which(command: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

const plan = planChromium({
  chromiumPathEnv: process.env['CHROMIUM_PATH'],
  exists: existsSync,
  which,
  isRoot: process.getuid?.() === 0,
  isDebian: existsSync('/etc/debian_version'),
});

if (plan.action === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === 'install') {
  console.log("Chromium is missing: installing Debian's chromium for the browser tests…");
  for (const [command, ...args] of plan.steps) {
    if (!command) continue;
    const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status !== 0) {
      console.error(`\`${[command, ...args].join(' ')}\` failed (exit ${run.status ?? run.signal}): install chromium by hand.`);
      process.exit(1);
    }
  }
  if (!existsSync(plan.path)) {
    console.error(`apt-get installed chromium, but ${plan.path} is still missing: set CHROMIUM_PATH to the Chromium binary.`);
    process.exit(1);
  }
}
