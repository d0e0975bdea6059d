/** Small, pure figures for the load harness. */

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** What the projector showed: at time `t` its tallies for the room summed to `sum` dots. */
export interface ScreenSample {
  t: number;
  sum: number;
}

/**
 * Screen lag of each acknowledged dot of one room.
 *
 * Method: the screen only ever shows counts, not which dots they contain, so a dot is matched to a count.
 * Order the room's acks by ack time; the k-th ack (1-based) is taken as shown at the first moment the
 * screen's summed tally reaches >= k. Its lag is that moment minus its ack time, clamped at 0: the server
 * commits before it both acks and broadcasts, so a tally can legitimately beat the ack to its receiver.
 * Counting rather than identifying dots is exact when every dot is acked in the order it was committed
 * and slightly optimistic otherwise (a later dot can stand in for an earlier one). Ack times come from the
 * worker processes and screen times from the coordinator; both use performance.timeOrigin +
 * performance.now(), i.e. the same wall clock on this machine. Dots never shown count as `missing`.
 */
export function screenLags(ackTimes: readonly number[], samples: readonly ScreenSample[]): { lags: number[]; missing: number } {
  const acks = [...ackTimes].sort((a, b) => a - b);
  const ordered = [...samples].sort((a, b) => a.t - b.t);
  const lags: number[] = [];
  let i = 0;
  let best = -Infinity;
  for (let k = 1; k <= acks.length; k++) {
    while (best < k && i < ordered.length) {
      const s = ordered[i];
      if (s && s.sum > best) best = s.sum;
      if (best < k) i++;
    }
    const shown = ordered[i];
    if (best < k || !shown) return { lags, missing: acks.length - lags.length };
    lags.push(Math.max(0, shown.t - (acks[k - 1] ?? 0)));
  }
  return { lags, missing: 0 };
}

/** Least-squares slope of y over x; NaN for fewer than two distinct x. */
export function slope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

/**
 * Seconds of a window left out of the memory trend: the first 20%, at least 60 s, but never more than half the
 * window, so a short check run still has a measured half (heaps, caches and socket buffers fill up first).
 */
export const warmUpS = (windowS: number): number => Math.min(windowS / 2, Math.max(0.2 * windowS, 60));

/** The server's resident memory at `t` seconds after voting opened. */
export interface RssSample {
  t: number;
  mb: number;
}

/** Fewer samples after the warm-up than this give no slope: two points 10 s apart say little about a trend. */
const MIN_TREND_SAMPLES = 3;

/** Whether memory stays flat: start, end and slope (MB per minute) after the warm-up; the max of every sample. */
export function rssTrend(
  samples: readonly RssSample[],
  windowS: number,
): { samples: number; startMb: number; endMb: number; maxMb: number; slopeMbPerMin: number } {
  const warm = warmUpS(windowS);
  const after = samples.filter((s) => s.t >= warm).sort((a, b) => a.t - b.t);
  const enough = after.length >= MIN_TREND_SAMPLES;
  return {
    samples: samples.length,
    startMb: enough ? (after[0]?.mb ?? Number.NaN) : Number.NaN,
    endMb: enough ? (after.at(-1)?.mb ?? Number.NaN) : Number.NaN,
    maxMb: samples.length > 0 ? Math.max(...samples.map((s) => s.mb)) : Number.NaN,
    slopeMbPerMin: enough ? slope(after.map((s) => ({ x: s.t / 60, y: s.mb }))) : Number.NaN,
  };
}

export const round = (n: number, digits = 1): number => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);
