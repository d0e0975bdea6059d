import { describe, expect, it } from 'vitest';
import { canAddDot, dotsLeft } from '@fokus/core';
import type { PendingCommand } from '../realtime/command-queue.ts';
import { lastDotIdea, optimisticVotes } from './optimistic-votes.ts';

const p = (opId: string, type: 'vote:add' | 'vote:remove', ideaId: string): PendingCommand => ({
  opId,
  command: { type, ideaId },
  at: 0,
});

describe('optimistic dots', () => {
  it('adds pending taps to the confirmed dots and marks them pending', () => {
    const r = optimisticVotes({ a: 2 }, [p('1', 'vote:add', 'a'), p('2', 'vote:add', 'b')]);
    expect(r.votes).toEqual({ a: 3, b: 1 });
    expect(r.pendingDots).toEqual({ a: 1, b: 1 });
  });

  it('applies removals in order and never goes below zero', () => {
    const r = optimisticVotes({ a: 1 }, [p('1', 'vote:remove', 'a'), p('2', 'vote:remove', 'a'), p('3', 'vote:add', 'c'), p('4', 'vote:remove', 'c')]);
    expect(r.votes).toEqual({});
    expect(r.pendingDots).toEqual({});
  });

  it('ignores other commands', () => {
    expect(optimisticVotes({ a: 1 }, [{ opId: 'x', at: 0, command: { type: 'participant:done', done: true } }]).votes).toEqual({ a: 1 });
  });

  it('feeds core rules: the budget counts pending dots', () => {
    const settings = { budget: 3, capPerIdea: 2, anonymous: true, hideResults: true };
    const { votes } = optimisticVotes({ a: 1 }, [p('1', 'vote:add', 'a'), p('2', 'vote:add', 'b')]);
    expect(dotsLeft(settings, votes)).toBe(0);
    expect(canAddDot(settings, votes, 'c')).toBe('budget_exhausted');
    expect(canAddDot({ ...settings, budget: 10 }, votes, 'a')).toBe('cap_reached');
  });

  it('undo takes the most recent idea that still has a dot', () => {
    expect(lastDotIdea(['a', 'b', 'c'], { a: 1, b: 1 })).toBe('b');
    expect(lastDotIdea([], { a: 1 })).toBeNull();
  });
});
