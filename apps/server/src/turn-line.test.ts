import { describe, expect, it } from 'vitest';
import { TurnLine } from './turn-line.ts';

/** A line on a clock the test moves: each task takes `ms`, later turns run when the test says. */
function manual(budgetMs: number) {
  let clock = 0;
  const later: Array<() => void> = [];
  const line = new TurnLine(
    budgetMs,
    (fn) => later.push(fn),
    () => clock,
  );
  const task = (ran: string[], name: string, ms: number) => () => {
    clock += ms;
    ran.push(name);
  };
  /** Runs every later turn; what had run so far, then what each later turn ran. */
  const turns = (ran: string[]): string[][] => {
    const out = [[...ran]];
    while (later.length > 0) {
      const before = ran.length;
      later.shift()?.();
      out.push(ran.slice(before));
    }
    return out;
  };
  return { line, later, task, turns };
}

describe('TurnLine', () => {
  it('runs tasks at once while the turn has time, the rest on later turns, in the order added', () => {
    const { line, task, turns } = manual(5);
    const ran: string[] = [];
    // A hundred rooms' flushes falling due together, 2 ms each.
    for (let room = 0; room < 100; room++) line.add(task(ran, `r${room}`, 2));
    const perTurn = turns(ran).map((t) => t.length);
    expect(ran).toEqual(Array.from({ length: 100 }, (_, room) => `r${room}`));
    expect(Math.max(...perTurn)).toBe(3);
    expect(perTurn.filter((n) => n > 0)).toHaveLength(34);
  });

  it('runs a task of known cost only when it fits what is left of the turn, and any task on a fresh turn', () => {
    // The clock stands still: only the costs given count.
    const { line, turns } = manual(100);
    const ran: string[] = [];
    for (const [name, cost] of [
      ['a', 60],
      ['b', 60],
      ['c', 30],
      ['d', 150],
      ['e', 10],
    ] as const)
      line.add(() => ran.push(name), cost);
    const perTurn = turns(ran).map((t) => t.join(''));
    // b would make 120; d is larger than a turn and goes alone.
    expect(perTurn.filter(Boolean)).toEqual(['a', 'bc', 'd', 'e']);
  });

  it('a room alone is flushed at once', () => {
    const { line, task } = manual(5);
    const ran: string[] = [];
    line.add(task(ran, 'only', 0.3));
    expect(ran).toEqual(['only']);
  });

  it('goes on with the next turn after a task threw', () => {
    const { line, later, task } = manual(5);
    const ran: string[] = [];
    line.add(task(ran, 'a', 6));
    line.add(() => {
      throw new Error('boom');
    });
    line.add(task(ran, 'b', 1));
    expect(() => later.shift()?.()).toThrow('boom');
    while (later.length > 0) later.shift()?.();
    expect(ran).toEqual(['a', 'b']);
  });
});
