import { describe, expect, it } from 'vitest';
import type { FocusBoard } from './focus.ts';
import { computeFocus } from './focus.ts';
import type { FocusSettings } from './model.ts';
import type { RankableIdea, Tally } from './ranking.ts';
import { fac, run, runFrom, vote, voting } from './test-helpers.ts';
import { tallyOf } from './ranking.ts';

// Board 'a': 9, 6, 6, 5, 0 dots; board 'b': 4, 4, 2.
const ideas: RankableIdea[] = [
  { id: 'a1', boardId: 'a', hidden: false, seq: 1 },
  { id: 'a2', boardId: 'a', hidden: false, seq: 2 },
  { id: 'a3', boardId: 'a', hidden: false, seq: 3 },
  { id: 'a4', boardId: 'a', hidden: false, seq: 4 },
  { id: 'a5', boardId: 'a', hidden: false, seq: 5 },
  { id: 'b1', boardId: 'b', hidden: false, seq: 6 },
  { id: 'b2', boardId: 'b', hidden: false, seq: 7 },
  { id: 'b3', boardId: 'b', hidden: false, seq: 8 },
];
const dots: Record<string, number> = { a1: 9, a2: 6, a3: 6, a4: 5, b1: 4, b2: 4, b3: 2 };
const tally: Record<string, Tally> = Object.fromEntries(Object.entries(dots).map(([id, n]) => [id, { dots: n, voters: 1 }]));

const focus = (over: Partial<FocusSettings>): FocusSettings => ({ mode: 'threshold', value: 6, added: [], removed: [], ...over });
const board = (boards: FocusBoard[], id: string): FocusBoard => {
  const b = boards.find((x) => x.boardId === id);
  if (!b) throw new Error(`no board ${id}`);
  return b;
};
const included = (b: FocusBoard) => b.items.filter((i) => i.included).map((i) => i.ideaId);

describe('computeFocus by threshold', () => {
  it('suggests what has at least the threshold, per board', () => {
    const boards = computeFocus(['a', 'b'], ideas, tally, focus({ value: 6 }));
    expect(included(board(boards, 'a'))).toEqual(['a1', 'a2', 'a3']);
    expect(board(boards, 'a').cut).toBe(3);
    expect(included(board(boards, 'b'))).toEqual([]);
    expect(board(boards, 'b').cut).toBe(0);
    expect(board(boards, 'a').tieAtCut).toEqual([]);
  });

  it('never suggests undotted ideas, even at threshold 0', () => {
    const boards = computeFocus(['a'], ideas, tally, focus({ value: 0 }));
    expect(included(board(boards, 'a'))).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('keeps board order as asked and empty boards present', () => {
    const boards = computeFocus(['b', 'empty', 'a'], ideas, tally, focus({ value: 4 }));
    expect(boards.map((b) => [b.boardId, b.cut])).toEqual([
      ['b', 2],
      ['empty', 0],
      ['a', 4],
    ]);
  });
});

describe('computeFocus top N', () => {
  it('takes the top N per board', () => {
    const boards = computeFocus(['a', 'b'], ideas, tally, focus({ mode: 'top', value: 1 }));
    expect(included(board(boards, 'a'))).toEqual(['a1']);
    // Both 4s share rank 1 on board b: two ideas for one place, so both stand and are flagged.
    expect(included(board(boards, 'b'))).toEqual(['b1', 'b2']);
    expect(board(boards, 'b').tieAtCut).toEqual(['b1', 'b2']);
    expect(board(boards, 'a').tieAtCut).toEqual([]);
  });

  it('flags the tie that crosses the line', () => {
    const b = board(computeFocus(['a'], ideas, tally, focus({ mode: 'top', value: 2 })), 'a');
    // 9, 6, 6: the two 6s share rank 2, so three ideas stand above the line for two places.
    expect(b.cut).toBe(3);
    expect(b.tieAtCut).toEqual(['a2', 'a3']);
    expect(included(b)).toEqual(['a1', 'a2', 'a3']);
  });

  it('no tie flag when the tie fits exactly', () => {
    const b = board(computeFocus(['a'], ideas, tally, focus({ mode: 'top', value: 3 })), 'a');
    expect(b.cut).toBe(3);
    expect(b.tieAtCut).toEqual([]);
  });

  it('no tie flag below the line', () => {
    const b = board(computeFocus(['b'], ideas, tally, focus({ mode: 'top', value: 2 })), 'b');
    expect(b.cut).toBe(2);
    expect(b.tieAtCut).toEqual([]);
  });
});

describe('manual changes', () => {
  it('adds below the line and removes above it', () => {
    const b = board(computeFocus(['a'], ideas, tally, focus({ value: 6, added: ['a4'], removed: ['a2'] })), 'a');
    expect(included(b)).toEqual(['a1', 'a3', 'a4']);
    expect(b.items.map((i) => [i.ideaId, i.suggested, i.manual])).toEqual([
      ['a1', true, null],
      ['a2', true, 'removed'],
      ['a3', true, null],
      ['a4', false, 'added'],
      ['a5', false, null],
    ]);
    // The cut line reports the rule, not the manual edits.
    expect(b.cut).toBe(3);
  });

  it('focus:toggle flips an idea between added and removed', () => {
    const s = run([...voting(), vote('p1', 'i1'), fac({ type: 'voting:close' }), fac({ type: 'focus:suggest', mode: 'threshold', value: 1 })]);
    const added = runFrom(s, [fac({ type: 'focus:toggle', ideaId: 'i2', included: true })]);
    expect(added.focus).toMatchObject({ added: ['i2'], removed: [] });
    const flipped = runFrom(added, [
      fac({ type: 'focus:toggle', ideaId: 'i2', included: false }),
      fac({ type: 'focus:toggle', ideaId: 'i1', included: false }),
    ]);
    expect(flipped.focus).toMatchObject({ added: [], removed: ['i2', 'i1'] });
    const b = board(computeFocus(['omvarld'], Object.values(flipped.ideas), tallyOf(flipped), flipped.focus), 'omvarld');
    expect(included(b)).toEqual([]);
    expect(b.items.find((i) => i.ideaId === 'i1')?.suggested).toBe(true);
  });

  it('deleting an idea drops its manual focus', () => {
    const s = run([...voting(), fac({ type: 'focus:toggle', ideaId: 'i2', included: true }), fac({ type: 'idea:delete', ideaId: 'i2' })]);
    expect(s.focus.added).toEqual([]);
  });

  it('focus:suggest rejects a top of 0 and negative thresholds', () => {
    expect(() => run([...voting(), fac({ type: 'focus:suggest', mode: 'top', value: 0 })])).toThrow(/invalid/);
    expect(() => run([...voting(), fac({ type: 'focus:suggest', mode: 'threshold', value: -1 })])).toThrow(/invalid/);
  });
});
