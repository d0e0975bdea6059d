import { describe, expect, it } from 'vitest';
import type { Ballots } from './ballots.ts';
import { ballotOf, ballotsAsRecord, eachBallot, mapBallots, withBallot } from './ballots.ts';
import { shardsOf } from './records.ts';
import { newShards } from './test-helpers.ts';

const many = (n: number): Ballots => {
  let b: Ballots = {};
  for (let i = 0; i < n; i++) b = withBallot(b, `p${i}`, { i1: i % 3 === 0 ? 2 : 1 });
  return b;
};

describe('sharded ballots', () => {
  it('stores, reads, replaces and removes one ballot without touching the input', () => {
    const empty: Ballots = {};
    const one = withBallot(empty, 'pia', { a: 2 });
    expect(empty).toEqual({});
    expect(ballotOf(one, 'pia')).toEqual({ a: 2 });
    expect(ballotOf(one, 'bo')).toBeUndefined();
    const two = withBallot(one, 'pia', { a: 3 });
    expect(ballotOf(one, 'pia')).toEqual({ a: 2 });
    expect(ballotOf(two, 'pia')).toEqual({ a: 3 });
    expect(ballotsAsRecord(withBallot(two, 'pia', null))).toEqual({});
  });

  it('spreads a room over shards, so one dot copies a small part of it', () => {
    const room = many(1000);
    expect([...eachBallot(room)]).toHaveLength(1000);
    const shards = [...shardsOf(room)].map((s) => Object.keys(s).length);
    expect(shards.length).toBeGreaterThan(500);
    expect(Math.max(...shards)).toBeLessThan(10);
    const next = withBallot(room, 'p7', { i1: 5 });
    expect(newShards(room, next)).toHaveLength(1);
  });

  it('maps every ballot and shares the shards it did not change', () => {
    const room = many(200);
    expect(mapBallots(room, (b) => b)).toBe(room);
    const doubled = mapBallots(room, (b, pid) => (pid === 'p3' ? { i1: (b['i1'] ?? 0) * 2 } : b));
    expect(ballotOf(doubled, 'p3')).toEqual({ i1: 4 });
    expect(ballotOf(room, 'p3')).toEqual({ i1: 2 });
    expect(newShards(room, doubled)).toHaveLength(1);
    expect(ballotsAsRecord(mapBallots(room, () => ({})))).toEqual(Object.fromEntries([...eachBallot(room)].map(([p]) => [p, {}])));
  });
});
