import { describe, expect, it } from 'vitest';
import type { MachineProbes } from './chromium-plan.ts';
import { DEBIAN_CHROMIUM, INSTALL_STEPS, planChromium } from './chromium-plan.ts';

/** A machine described by its files and commands; nothing real is probed or installed. */
function machine(over: { files?: string[]; commands?: Record<string, string>; isRoot?: boolean; isDebian?: boolean; chromiumPathEnv?: string }): MachineProbes {
  const files = new Set(over.files ?? []);
  const commands = over.commands ?? {};
  return {
    chromiumPathEnv: over.chromiumPathEnv,
    exists: (path) => files.has(path),
    which: (command) => commands[command] ?? null,
    isRoot: over.isRoot ?? false,
    isDebian: over.isDebian ?? true,
  };
}
const apt = { 'apt-get': '/usr/bin/apt-get' };

describe('planChromium', () => {
  it('does nothing when Debian’s chromium is there', () => {
    expect(planChromium(machine({ files: [DEBIAN_CHROMIUM], isRoot: true, commands: apt }))).toEqual({ action: 'ready', path: DEBIAN_CHROMIUM });
  });

  it('installs Debian’s chromium when it is missing and the machine can (root, apt-get, Debian)', () => {
    const plan = planChromium(machine({ isRoot: true, commands: apt }));
    expect(plan).toEqual({ action: 'install', path: DEBIAN_CHROMIUM, steps: INSTALL_STEPS });
    expect(INSTALL_STEPS).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', 'chromium'],
    ]);
  });

  it.each([
    ['not root', { isRoot: false, commands: apt }],
    ['no apt-get', { isRoot: true, commands: {} }],
    ['not Debian', { isRoot: true, commands: apt, isDebian: false }],
  ])('stops with one line saying what to install when it is missing and the machine cannot install (%s)', (_name, over) => {
    const plan = planChromium(machine(over));
    if (plan.action !== 'stop') throw new Error(`expected stop, got ${plan.action}`);
    expect(plan.message).toContain('apt-get install chromium');
    expect(plan.message).not.toContain('\n');
  });

  it('points at CHROMIUM_PATH when a chromium on PATH is not where the tests look', () => {
    const plan = planChromium(machine({ isRoot: true, commands: { ...apt, chromium: '/opt/chromium/chromium' } }));
    expect(plan).toEqual({ action: 'stop', message: expect.stringContaining('CHROMIUM_PATH=/opt/chromium/chromium') });
  });

  it('honours CHROMIUM_PATH, and never installs over a wrong one', () => {
    expect(planChromium(machine({ chromiumPathEnv: '/opt/c/chrome', files: ['/opt/c/chrome'] }))).toEqual({ action: 'ready', path: '/opt/c/chrome' });
    const wrong = planChromium(machine({ chromiumPathEnv: '/opt/c/chrome', isRoot: true, commands: apt }));
    expect(wrong).toEqual({ action: 'stop', message: expect.stringContaining('/opt/c/chrome') });
  });
});
