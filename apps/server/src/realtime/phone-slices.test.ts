import { describe, expect, it } from 'vitest';
import { PHONE_SLICES, inTurns, nextSlice, slicesInTurn, turnsFor } from './phone-slices.ts';

describe('phone slices', () => {
  it('sends the first turn at once and each next one on a later turn, in order', () => {
    const sent: number[] = [];
    const later: Array<() => void> = [];
    inTurns(
      (turn) => sent.push(turn),
      4,
      (fn) => later.push(fn),
    );
    expect(sent).toEqual([0]);
    for (let turn = 1; later.length > 0; turn++) {
      later.shift()?.();
      expect(sent).toEqual(Array.from({ length: turn + 1 }, (_, i) => i));
    }
    expect(sent).toEqual([0, 1, 2, 3]);
  });

  it('a small room goes out in one turn, a hall in sixteen, and a workshop never goes back to fewer', () => {
    expect([0, 30, 256, 257, 2000, 5000, 100_000].map((phones) => turnsFor(phones, 1))).toEqual([1, 1, 1, 2, 8, 16, 16]);
    expect(turnsFor(30, 8)).toBe(8);
  });

  it('each turn count deals every slice to exactly one turn, in runs, and a slice only moves later as turns grow', () => {
    for (let turns = 1; turns <= PHONE_SLICES; turns++) {
      const dealt = Array.from({ length: turns }, (_, turn) => slicesInTurn(turn, turns));
      expect(dealt.flat()).toEqual(Array.from({ length: PHONE_SLICES }, (_, s) => s));
      expect(dealt.every((slices) => slices.length > 0)).toBe(true);
      if (turns === 1) continue;
      const turnOf = (slice: number, n: number) => Array.from({ length: n }, (_, t) => t).find((t) => slicesInTurn(t, n).includes(slice)) ?? -1;
      for (let s = 0; s < PHONE_SLICES; s++) expect(turnOf(s, turns)).toBeGreaterThanOrEqual(turnOf(s, turns - 1));
    }
  });

  it('messages reach every slice in the order they were sent, also while the room grows to more turns', async () => {
    const got = new Map<number, string[]>();
    const send = (msg: string, turns: number) =>
      inTurns((turn) => {
        for (const slice of slicesInTurn(turn, turns)) got.set(slice, [...(got.get(slice) ?? []), msg]);
      }, turns);
    // Two in one turn with 2 and 3 turns, then more from later turns while earlier ones are still going out.
    send('a', 2);
    send('b', 3);
    await new Promise((r) => setImmediate(r));
    send('c', 3);
    send('d', 16);
    await new Promise((r) => setImmediate(r));
    send('e', 16);
    await new Promise((r) => setTimeout(r, 20));
    expect(got.size).toBe(PHONE_SLICES);
    for (const msgs of got.values()) expect(msgs).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('deals new sockets round robin over every slice', () => {
    const counts = new Array<number>(PHONE_SLICES).fill(0);
    for (let i = 0; i < PHONE_SLICES * 3; i++) {
      const slice = nextSlice();
      counts[slice] = (counts[slice] ?? 0) + 1;
    }
    expect(counts).toEqual(new Array<number>(PHONE_SLICES).fill(3));
  });
});
