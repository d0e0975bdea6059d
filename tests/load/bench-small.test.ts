import { describe, expect, it } from 'vitest';
import { backendsUnreachable } from './cluster-backends.ts';
import { runBench } from './run-bench.ts';
import type { RunFigures } from './types.ts';

const unreachable = await backendsUnreachable();
if (unreachable) console.log(`${unreachable}: the PostgreSQL bench test is skipped`);

/** Every dot the swarm cast (50 phones × 10) is acked once, stored once and shown once. */
function expectEveryDotOnce(f: RunFigures): void {
  expect(f.joined).toBe(50);
  expect(f.votesAttempted).toBe(500);
  expect(f.votesAcked).toBe(f.votesAttempted);
  expect(f.votesPersisted).toBe(f.votesAcked);
  expect(f.votesShown).toBe(f.votesAcked);
  expect(f.duplicates).toBe(0);
}

// The invariants of a small real run, not its timings (those depend on the machine): every dot the swarm
// cast is acked once, stored once and shown once. The server runs from source so no build is needed.
describe('load bench (small)', () => {
  it('50 phones: attempted = acked = persisted = shown, no duplicates', async () => {
    const r = await runBench({ phones: 50, rooms: 1, windowS: 3, skipBaseline: true, pin: false, serverFrom: 'source' });
    const f = r.fokus;
    expectEveryDotOnce(f);
    expect(Number.isFinite(f.screenLagP99Ms)).toBe(true);
  }, 60_000);

  // The same on PostgreSQL with three processes linked by Redis: the store is read back from the run's own
  // database, and the projector sits on another process than two thirds of the phones.
  it.skipIf(unreachable !== null)(
    '50 phones, PostgreSQL, 3 processes: attempted = acked = persisted = shown, no duplicates',
    async () => {
      const r = await runBench({ phones: 50, rooms: 1, windowS: 3, skipBaseline: true, pin: false, serverFrom: 'source', store: 'postgres', processes: 3 });
      const f = r.fokus;
      expect(f.processes).toBe(3);
      expectEveryDotOnce(f);
      expect(f.screenCrossProcessShare).toBeGreaterThan(0.5);
      expect(f.voteCommits).toBeGreaterThan(0);
      expect(f.voteCommits).toBeLessThanOrEqual(f.votesAcked);
    },
    180_000,
  );
});
