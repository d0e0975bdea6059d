/**
 * What `npm test` does about Chromium before the browser tests run: nothing when it is there,
 * install Debian's package when this machine can, or stop with one line saying what to install.
 * Pure: every fact about the machine comes in as a probe, so each branch is testable without
 * touching the real system.
 */
export interface MachineProbes {
  /** `CHROMIUM_PATH` from the environment, if set (tests/e2e/browser.ts honours it too). */
  chromiumPathEnv: string | undefined;
  exists: (path: string) => boolean;
  /** The full path of a command found on PATH, or null. */
  which: (command: string) => string | null;
  isRoot: boolean;
  isDebian: boolean;
}

export type ChromiumPlan = { action: 'ready'; path: string } | { action: 'install'; path: string; steps: string[][] } | { action: 'stop'; message: string };

/** Where the browser tests look for Chromium unless CHROMIUM_PATH says otherwise. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const INSTALL_STEPS: string[][] = [
  ['apt-get', 'update', '-qq'],
  ['apt-get', 'install', '-y', '-qq', 'chromium'],
];

export function planChromium(p: MachineProbes): ChromiumPlan {
  const custom = p.chromiumPathEnv?.trim();
  if (custom) {
    return p.exists(custom)
      ? { action: 'ready', path: custom }
      : { action: 'stop', message: `CHROMIUM_PATH is ${custom}, but there is no file there: point it at a Chromium binary or unset it.` };
  }
  if (p.exists(DEBIAN_CHROMIUM)) return { action: 'ready', path: DEBIAN_CHROMIUM };
  const elsewhere = p.which('chromium') ?? p.which('chromium-browser');
  if (elsewhere) return { action: 'stop', message: `The browser tests look for Chromium at ${DEBIAN_CHROMIUM}: run with CHROMIUM_PATH=${elsewhere}.` };
  if (p.isRoot && p.isDebian && p.which('apt-get')) return { action: 'install', path: DEBIAN_CHROMIUM, steps: INSTALL_STEPS };
  return {
    action: 'stop',
    message: `The browser tests need Chromium at ${DEBIAN_CHROMIUM}: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`,
  };
}
