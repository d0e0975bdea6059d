import { describe, expect, it } from 'vitest';
import { TurnLine } from '../turn-line.ts';
import { PHONES_PER_TURN, PHONE_SLICES, PhoneFanout, nextSlice, slicesInPart } from './phone-slices.ts';

/** A fanout whose later turns run when the test says. */
function manual(perTurn = PHONES_PER_TURN) {
  const later: Array<() => void> = [];
  const fanout = new PhoneFanout(new TurnLine(perTurn, (fn) => later.push(fn)));
  const turn = () => later.shift()?.();
  /** Runs every later turn; how many `sent()` grew by in this turn and in each one after it. */
  const sentPerTurn = (sent: () => number): number[] => {
    const counts = [sent()];
    while (later.length > 0) {
      const before = sent();
      turn();
      counts.push(sent() - before);
    }
    return counts;
  };
  return { fanout, later, turn, sentPerTurn };
}

describe('phone fan-out', () => {
  it('a small room goes out at once in one part; a hall in one part per slice, one turn each', () => {
    const { fanout, later, turn } = manual();
    const sent: string[] = [];
    fanout.send(30, (slices) => sent.push(`small:${slices.length}`));
    expect(sent).toEqual([`small:${PHONE_SLICES}`]);
    fanout.send(5000, (slices) => sent.push(`hall:${slices.join(',')}`));
    // The hall's first part (156 phones) does not fit what the small room left of this turn.
    expect(sent).toHaveLength(1);
    while (later.length > 0) turn();
    expect(sent.slice(1)).toEqual(Array.from({ length: PHONE_SLICES }, (_, s) => `hall:${s}`));
  });

  it('never writes more than a turn’s worth of phones in one turn when a hall’s message comes in parts', () => {
    const { fanout, sentPerTurn } = manual(128);
    const sent: number[] = [];
    // 1,000 phones: parts of 125, one a turn (two parts a turn would be 250 phones).
    fanout.send(1000, (slices) => sent.push(slices.length));
    const turns = sentPerTurn(() => sent.length);
    expect(sent).toHaveLength(8);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(PHONE_SLICES);
    expect(turns.filter((n) => n > 0)).toEqual(new Array<number>(8).fill(1));
  });

  it('writes about one turn’s worth of phones per turn over all workshops, in the order sent', () => {
    const { fanout, sentPerTurn } = manual(100);
    const sent: string[] = [];
    // A hundred rooms of 30 whose broadcasts fall due together.
    for (let room = 0; room < 100; room++) fanout.send(30, () => sent.push(`r${room}`));
    const turns = sentPerTurn(() => sent.length);
    expect(sent).toEqual(Array.from({ length: 100 }, (_, room) => `r${room}`));
    // Three rooms (90 phones) fit a turn of 100; a fourth would make it 120.
    expect(Math.max(...turns)).toBe(3);
    // The last turn only finds the line empty.
    expect(turns.filter((n) => n > 0)).toHaveLength(34);
  });

  it('every socket gets one workshop’s messages in the order they were sent, whatever the room’s size then', async () => {
    const fanout = new PhoneFanout();
    const got = new Map<number, string[]>();
    const send = (msg: string, phones: number) =>
      fanout.send(phones, (slices) => {
        for (const slice of slices) got.set(slice, [...(got.get(slice) ?? []), msg]);
      });
    send('a', 4000);
    send('b', 600);
    await new Promise((r) => setImmediate(r));
    send('c', 30);
    send('d', 5000);
    await new Promise((r) => setImmediate(r));
    send('e', 300);
    await new Promise((r) => setTimeout(r, 30));
    expect(got.size).toBe(PHONE_SLICES);
    for (const msgs of got.values()) expect(msgs).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('deals every slice to exactly one part, in runs', () => {
    for (let parts = 1; parts <= PHONE_SLICES; parts++) {
      const dealt = Array.from({ length: parts }, (_, part) => slicesInPart(part, parts));
      expect(dealt.flat()).toEqual(Array.from({ length: PHONE_SLICES }, (_, s) => s));
      expect(dealt.every((slices) => slices.length > 0)).toBe(true);
    }
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
