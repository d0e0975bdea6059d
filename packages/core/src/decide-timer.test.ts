import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { createWorkshop, fac, FAC, run, runFrom } from './test-helpers.ts';
import { formatClock, remainingMs } from './timer.ts';

const MIN = 60_000;
// The lobby step of the handlingsplan template is 5 minutes.
const fresh = () => run([createWorkshop()], 0);

describe('timer', () => {
  it('starts stopped at the first step minutes', () => {
    const s = fresh();
    expect(remainingMs(s.timer, 123_456)).toBe(5 * MIN);
  });

  it('runs from start, pauses, resumes', () => {
    let s = runFrom(fresh(), [fac({ type: 'timer:start' })], 1_000);
    expect(remainingMs(s.timer, 61_000)).toBe(4 * MIN);
    s = runFrom(s, [fac({ type: 'timer:pause' })], 61_000);
    // Paused: time stands still however late we look.
    expect(remainingMs(s.timer, 10_000_000)).toBe(4 * MIN);
    s = runFrom(s, [fac({ type: 'timer:start' })], 100_000);
    expect(remainingMs(s.timer, 130_000)).toBe(4 * MIN - 30_000);
  });

  it('extends while running', () => {
    const s = runFrom(runFrom(fresh(), [fac({ type: 'timer:start' })], 0), [fac({ type: 'timer:extend', ms: 2 * MIN })], 10_000);
    expect(remainingMs(s.timer, 60_000)).toBe(6 * MIN);
  });

  it('shortens, but not below zero duration', () => {
    const s = runFrom(fresh(), [fac({ type: 'timer:extend', ms: -2 * MIN })]);
    expect(remainingMs(s.timer, 0)).toBe(3 * MIN);
    const r = decide(s, { type: 'timer:extend', ms: -4 * MIN }, FAC, 0);
    expect(r.ok ? 'accepted' : r.error.code).toBe('invalid');
  });

  it('cannot extend past six hours', () => {
    const r = decide(fresh(), { type: 'timer:extend', ms: 6 * 60 * MIN }, FAC, 0);
    expect(r.ok ? 'accepted' : r.error.code).toBe('invalid');
  });

  it('reset stops and restores the full duration', () => {
    let s = runFrom(fresh(), [fac({ type: 'timer:start' })], 0);
    s = runFrom(s, [fac({ type: 'timer:reset' })], 90_000);
    expect(s.timer.startedAt).toBeNull();
    expect(remainingMs(s.timer, 500_000)).toBe(5 * MIN);
  });

  it('goes negative when overrun', () => {
    const s = runFrom(fresh(), [fac({ type: 'timer:start' })], 0);
    expect(remainingMs(s.timer, 5 * MIN + 42_000)).toBe(-42_000);
    expect(formatClock(remainingMs(s.timer, 5 * MIN + 42_000))).toBe('−0:42');
  });

  it('refuses start while running and pause while stopped', () => {
    const running = runFrom(fresh(), [fac({ type: 'timer:start' })], 0);
    const r1 = decide(running, { type: 'timer:start' }, FAC, 5);
    const r2 = decide(fresh(), { type: 'timer:pause' }, FAC, 5);
    expect([r1.ok ? 'accepted' : r1.error.code, r2.ok ? 'accepted' : r2.error.code]).toEqual(['invalid', 'invalid']);
  });

  // A server clock that steps back must not hand out extra time: pause agrees with remainingMs.
  it('pausing with a clock earlier than the start adds no time', () => {
    const started = runFrom(fresh(), [fac({ type: 'timer:start' })], 10_000);
    const paused = runFrom(started, [fac({ type: 'timer:pause' })], 4_000);
    expect(remainingMs(started.timer, 4_000)).toBe(5 * MIN);
    expect(remainingMs(paused.timer, 4_000)).toBe(5 * MIN);
  });

  it('formats the clock', () => {
    expect(formatClock(12 * MIN + 5_000)).toBe('12:05');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(0)).toBe('0:00');
  });
});
