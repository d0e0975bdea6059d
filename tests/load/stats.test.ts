import { describe, expect, it } from 'vitest';
import { percentile, rssTrend, screenLags, slope, warmUpS } from './stats.ts';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const v = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 99)).toBe(99);
    expect(percentile(v, 100)).toBe(100);
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('screenLags', () => {
  it('matches the k-th ack to the first screen sum reaching k', () => {
    const { lags, missing } = screenLags(
      [10, 20, 30],
      [
        { t: 5, sum: 0 },
        { t: 25, sum: 2 },
        { t: 40, sum: 3 },
      ],
    );
    expect(lags).toEqual([15, 5, 10]);
    expect(missing).toBe(0);
  });
  it('clamps a tally that beat the ack to 0 and counts dots never shown', () => {
    const { lags, missing } = screenLags([30, 10, 50], [{ t: 12, sum: 2 }]);
    expect(lags).toEqual([2, 0]);
    expect(missing).toBe(1);
  });
  it('uses the running maximum when a sum drops', () => {
    expect(
      screenLags(
        [1, 2],
        [
          { t: 3, sum: 2 },
          { t: 4, sum: 1 },
        ],
      ).lags,
    ).toEqual([2, 1]);
  });
});

describe('slope', () => {
  it('fits a least-squares line', () => {
    expect(slope([1, 2, 3, 4].map((x) => ({ x, y: 50 })))).toBeCloseTo(0, 10);
    expect(slope([0, 1, 2, 3].map((x) => ({ x, y: 100 + 2 * x })))).toBeCloseTo(2, 10);
    // Noise around a line of 1 per x: the fit finds the line, not the noise.
    expect(slope([0, 1, 2, 3, 4, 5].map((x, i) => ({ x, y: x + (i % 2 === 0 ? 0.5 : -0.5) })))).toBeCloseTo(1, 0);
  });
  it('has no slope without two distinct x', () => {
    expect(slope([])).toBeNaN();
    expect(slope([{ x: 1, y: 1 }])).toBeNaN();
    expect(slope([1, 1].map((x) => ({ x, y: x })))).toBeNaN();
  });
});

describe('warmUpS', () => {
  it('is a fifth of the window, at least 60 s, at most half of it', () => {
    expect(warmUpS(1800)).toBe(360);
    expect(warmUpS(300)).toBe(60);
    expect(warmUpS(90)).toBe(45);
    expect(warmUpS(20)).toBe(10);
  });
});

describe('rssTrend', () => {
  const every10s = (windowS: number, mb: (t: number) => number) => Array.from({ length: windowS / 10 + 1 }, (_, i) => ({ t: i * 10, mb: mb(i * 10) }));
  it('reads a flat series as ~0 MB/min and a line of 2 MB/min as 2', () => {
    expect(
      rssTrend(
        every10s(600, () => 80),
        600,
      ).slopeMbPerMin,
    ).toBeCloseTo(0, 10);
    const line = rssTrend(
      every10s(600, (t) => 80 + (2 * t) / 60),
      600,
    );
    expect(line.slopeMbPerMin).toBeCloseTo(2, 10);
    expect(line.startMb).toBeCloseTo(84, 10); // first sample after the 120 s warm-up
    expect(line.endMb).toBeCloseTo(100, 10);
    expect(line.samples).toBe(61);
  });
  it('leaves the warm-up out of the slope but not out of the max', () => {
    // Memory climbs 50 MB in the first minute, then stays flat.
    const t = rssTrend(
      every10s(300, (s) => (s < 60 ? 100 + (50 * s) / 60 : 150)),
      300,
    );
    expect(t.slopeMbPerMin).toBeCloseTo(0, 10);
    expect(t.startMb).toBe(150);
    expect(t.maxMb).toBe(150);
  });
  it('gives no trend with fewer than three samples after the warm-up', () => {
    const t = rssTrend(
      every10s(20, () => 80),
      20,
    );
    expect(t.slopeMbPerMin).toBeNaN();
    expect(t.startMb).toBeNaN();
    expect(t.maxMb).toBe(80);
  });
});
