import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../config.ts';
import { RateLimits } from './rate-limits.ts';
import type { Asker } from './rate-limits.ts';

const person = { participant: { points: 3, seconds: 10 }, facilitator: { points: 5, seconds: 10 } };
const pia: Asker = { kind: 'participant', workshopId: 'w', participantId: 'pia' };
const bo: Asker = { kind: 'participant', workshopId: 'w', participantId: 'bo' };

async function count(n: number, attempt: () => Promise<boolean>): Promise<number> {
  let passed = 0;
  for (let i = 0; i < n; i++) if (await attempt()) passed++;
  return passed;
}

// The windows are rate-limiter-flexible's: Date and timers, both under the fake clock.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('rate limits', () => {
  it('gives each person a budget per window, and a fresh one when the window ends', async () => {
    const limits = new RateLimits(DEFAULT_RATE_LIMITS, person);
    expect(await count(10, () => limits.command(pia, '10.0.0.1'))).toBe(3);
    expect(await count(10, () => limits.command(bo, '10.0.0.1'))).toBe(3);
    vi.advanceTimersByTime(9_000);
    expect(await limits.command(pia, '10.0.0.1')).toBe(false);
    vi.advanceTimersByTime(1_001);
    expect(await count(10, () => limits.command(pia, '10.0.0.1'))).toBe(3);
  });

  it('gives the facilitator one budget per workshop, and a socket not yet anyone its own', async () => {
    const limits = new RateLimits(DEFAULT_RATE_LIMITS, person);
    expect(await count(10, () => limits.command({ kind: 'facilitator', workshopId: 'w' }, '10.0.0.1'))).toBe(5);
    expect(await count(10, () => limits.command({ kind: 'facilitator', workshopId: 'v' }, '10.0.0.1'))).toBe(5);
    expect(await count(10, () => limits.command({ kind: 'socket', socketId: 's1' }, '10.0.0.1'))).toBe(3);
  });

  it('shares an address budget between everyone behind it; refused floods do not spend it', async () => {
    const limits = new RateLimits({ ...DEFAULT_RATE_LIMITS, ipCommandsPerMinute: 5 }, person);
    // Pia floods: 3 pass her own budget, the other 97 never reach the address's.
    expect(await count(100, () => limits.command(pia, '10.0.0.1'))).toBe(3);
    expect(await count(10, () => limits.command(bo, '10.0.0.1'))).toBe(2);
    expect(await limits.command({ kind: 'participant', workshopId: 'w', participantId: 'eva' }, '10.0.0.2')).toBe(true);
    vi.advanceTimersByTime(60_001);
    expect(await count(10, () => limits.command(pia, '10.0.0.1'))).toBe(3);
  });

  it('limits joins per address on top of commands', async () => {
    const limits = new RateLimits({ ...DEFAULT_RATE_LIMITS, ipJoinsPerMinute: 4 }, { ...person, participant: { points: 100, seconds: 10 } });
    expect(await count(10, () => limits.join({ kind: 'socket', socketId: Math.random().toString() }, '10.0.0.1'))).toBe(4);
    expect(await limits.command(pia, '10.0.0.1')).toBe(true);
  });

  it('makes every look-up from an address wait after too many wrong codes, for the rest of the window', async () => {
    const limits = new RateLimits({ ...DEFAULT_RATE_LIMITS, ipBadCodesPer10Minutes: 3 }, person);
    for (let i = 0; i < 3; i++) {
      expect(await limits.lookupWait('10.0.0.1')).toBe(0);
      await limits.lookupFailed('10.0.0.1');
    }
    const wait = await limits.lookupWait('10.0.0.1');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600_000);
    expect(await limits.lookupWait('10.0.0.2')).toBe(0);
    vi.advanceTimersByTime(600_001);
    expect(await limits.lookupWait('10.0.0.1')).toBe(0);
  });
});
