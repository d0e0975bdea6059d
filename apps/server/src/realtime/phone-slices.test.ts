import { describe, expect, it } from 'vitest';
import { PHONE_SLICES, inSlices, nextSlice } from './phone-slices.ts';

describe('phone slices', () => {
  it('sends the first slice at once and each next one on a later turn, in order', () => {
    const sent: number[] = [];
    const later: Array<() => void> = [];
    inSlices(
      (slice) => sent.push(slice),
      (fn) => later.push(fn),
      4,
    );
    expect(sent).toEqual([0]);
    for (let turn = 1; later.length > 0; turn++) {
      later.shift()?.();
      expect(sent).toEqual(Array.from({ length: turn + 1 }, (_, i) => i));
    }
    expect(sent).toEqual([0, 1, 2, 3]);
  });

  it('two messages sent one after the other reach every slice in that order', async () => {
    const got = new Map<number, string[]>();
    for (const msg of ['view', 'tally']) inSlices((slice) => got.set(slice, [...(got.get(slice) ?? []), msg]));
    await new Promise((r) => setTimeout(r, 20));
    expect(got.size).toBe(PHONE_SLICES);
    for (const msgs of got.values()) expect(msgs).toEqual(['view', 'tally']);
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
