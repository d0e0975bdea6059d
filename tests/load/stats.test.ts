import { describe, expect, it } from 'vitest';
import { percentile, screenLags } from './stats.ts';

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
