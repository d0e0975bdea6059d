import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import type { WorkshopEvent } from './events.ts';
import { evolve, replay } from './evolve.ts';
import type { Workshop } from './model.ts';
import { createWorkshop, fac, FAC, P, join, run, runFrom } from './test-helpers.ts';
import { remainingMs } from './timer.ts';
import { templateContent } from './templates.ts';

const MIN = 60_000;
// "Gemensam fundering" in the handlingsplan template: 2 min on your own, then 10 min discussion.
const REFLECT = 3;
const atReflection = () => run([createWorkshop(), join('p1', 'Pia'), fac({ type: 'agenda:goto', stepIndex: REFLECT })], 0);

describe('timed phases of a step', () => {
  it('the template gives the reflection and the vote their two parts, in both languages', () => {
    for (const lang of ['sv', 'en'] as const) {
      const agenda = templateContent('handlingsplan', lang).agenda;
      expect(agenda.find((s) => s.id === 'fundering')?.phases?.map((p) => p.minutes)).toEqual([2, 10]);
      expect(agenda.find((s) => s.id === 'rostning')?.phases?.map((p) => p.minutes)).toEqual([10, 5]);
    }
    expect(
      templateContent('handlingsplan', 'sv')
        .agenda.find((s) => s.id === 'fundering')
        ?.phases?.map((p) => p.title),
    ).toEqual(['enskilt', 'diskussion']);
  });

  it('goto starts at phase 0 with its minutes, stopped', () => {
    const s = atReflection();
    expect(s.phaseIndex).toBe(0);
    expect(s.timer).toEqual({ durationMs: 2 * MIN, elapsedMs: 0, startedAt: null });
  });

  it('moving to a phase resets the timer to that phase’s minutes', () => {
    let s = runFrom(atReflection(), [fac({ type: 'timer:start' })], 1_000);
    s = runFrom(s, [fac({ type: 'timer:extend', ms: MIN })], 30_000);
    // Paused part-way: the next part still starts from its own full minutes.
    s = runFrom(s, [fac({ type: 'timer:pause' })], 90_000);
    s = runFrom(s, [fac({ type: 'agenda:phase', phaseIndex: 1 })], 100_000);
    expect(s.phaseIndex).toBe(1);
    expect(s.timer).toEqual({ durationMs: 10 * MIN, elapsedMs: 0, startedAt: null });
    expect(remainingMs(s.timer, 500_000)).toBe(10 * MIN);
  });

  it('a running countdown runs on into the next phase, from the move', () => {
    let s = runFrom(atReflection(), [fac({ type: 'timer:start' })], 0);
    s = runFrom(s, [fac({ type: 'agenda:phase', phaseIndex: 1 })], 2 * MIN + 15_000);
    expect(s.timer).toEqual({ durationMs: 10 * MIN, elapsedMs: 0, startedAt: 2 * MIN + 15_000 });
    expect(remainingMs(s.timer, 3 * MIN + 15_000)).toBe(9 * MIN);
  });

  it('moves back to an earlier phase too', () => {
    const s = runFrom(atReflection(), [fac({ type: 'agenda:phase', phaseIndex: 1 }), fac({ type: 'agenda:phase', phaseIndex: 0 })]);
    expect([s.phaseIndex, s.timer.durationMs]).toEqual([0, 2 * MIN]);
  });

  it('leaving the step and coming back starts again at phase 0', () => {
    const s = runFrom(atReflection(), [fac({ type: 'agenda:phase', phaseIndex: 1 }), fac({ type: 'agenda:goto', stepIndex: REFLECT + 1 })]);
    // "Individuell röstning": 10 min on your own first.
    expect([s.phaseIndex, s.timer.durationMs]).toEqual([0, 10 * MIN]);
    const back = runFrom(s, [fac({ type: 'agenda:goto', stepIndex: REFLECT })]);
    expect([back.phaseIndex, back.timer.durationMs]).toEqual([0, 2 * MIN]);
  });

  it('a step without phases keeps its own minutes', () => {
    const s = runFrom(atReflection(), [fac({ type: 'agenda:goto', stepIndex: 2 })]);
    expect([s.phaseIndex, s.timer.durationMs]).toEqual([0, 30 * MIN]);
  });

  it.each([
    ['past the last phase', REFLECT, 2],
    ['a negative phase', REFLECT, -1],
    ['a fractional phase', REFLECT, 0.5],
    ['a step without phases', 2, 0],
  ])('refuses %s with not_found, changing nothing', (_name, stepIndex, phaseIndex) => {
    const s = runFrom(atReflection(), [fac({ type: 'agenda:goto', stepIndex })]);
    const r = decide(s, { type: 'agenda:phase', phaseIndex }, FAC, 0);
    expect(r.ok ? 'accepted' : r.error.code).toBe('not_found');
  });

  it('is the facilitator’s to move', () => {
    const r = decide(atReflection(), { type: 'agenda:phase', phaseIndex: 1 }, P('p1'), 0);
    expect(r.ok ? 'accepted' : r.error.code).toBe('forbidden');
  });

  it('replays from the log to the same phase and countdown', () => {
    const events: WorkshopEvent[] = [];
    let s: Workshop | null = null;
    const steps = [
      createWorkshop(),
      fac({ type: 'agenda:goto', stepIndex: REFLECT }),
      fac({ type: 'timer:start' }),
      fac({ type: 'agenda:phase', phaseIndex: 1 }),
      fac({ type: 'timer:pause' }),
    ] as const;
    steps.forEach(([command, actor], i) => {
      const r = decide(s, command, actor, i * 30_000);
      if (!r.ok) throw new Error(r.error.code);
      for (const e of r.value) {
        events.push(e);
        s = evolve(s, e);
      }
    });
    const replayed = replay(JSON.parse(JSON.stringify(events)) as WorkshopEvent[]);
    expect(replayed).toEqual(s);
    expect(replayed?.phaseIndex).toBe(1);
    expect(replayed?.timer).toEqual({ durationMs: 10 * MIN, elapsedMs: 30_000, startedAt: null });
  });
});
