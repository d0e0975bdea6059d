import { describe, expect, it } from 'vitest';
import type { RankableIdea, Tally } from './ranking.ts';
import { rankIdeas, tallyOf } from './ranking.ts';
import { addIdea, run, vote, voting } from './test-helpers.ts';
import { evolve } from './evolve.ts';
import type { WorkshopEvent } from './events.ts';
import { seededRandom } from './random.ts';
import type { Ballots } from './ballots.ts';
import { eachBallot, withBallot } from './ballots.ts';

const idea = (id: string, seq: number, boardId = 'a', hidden = false): RankableIdea => ({ id, seq, boardId, hidden });
const t = (dots: number, voters = 1): Tally => ({ dots, voters });

describe('rankIdeas', () => {
  it('gives competition ranks 1, 2, 2, 4', () => {
    const ideas = [idea('w', 1), idea('x', 2), idea('y', 3), idea('z', 4)];
    const ranked = rankIdeas(ideas, { w: t(9), x: t(5), y: t(5), z: t(2) });
    expect(ranked.map((r) => [r.ideaId, r.rank])).toEqual([
      ['w', 1],
      ['x', 2],
      ['y', 2],
      ['z', 4],
    ]);
  });

  it('sorts by dots, then creation order, whatever the input order', () => {
    const ideas = [idea('late', 9), idea('top', 5), idea('early', 1), idea('none', 2)];
    const ranked = rankIdeas(ideas, { late: t(3), early: t(3), top: t(7) });
    expect(ranked.map((r) => r.ideaId)).toEqual(['top', 'early', 'late', 'none']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });

  it('ranks undotted ideas together at the bottom', () => {
    const ranked = rankIdeas([idea('a', 1), idea('b', 2), idea('c', 3)], { c: t(1) });
    expect(ranked.map((r) => [r.ideaId, r.dots, r.rank])).toEqual([
      ['c', 1, 1],
      ['a', 0, 2],
      ['b', 0, 2],
    ]);
  });

  it('leaves hidden ideas out', () => {
    const ranked = rankIdeas([idea('a', 1), idea('b', 2, 'a', true), idea('c', 3)], { a: t(1), b: t(10), c: t(2) });
    expect(ranked.map((r) => [r.ideaId, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
    ]);
  });

  it('ranks per board when asked', () => {
    const ideas = [idea('a1', 1, 'a'), idea('b1', 2, 'b'), idea('a2', 3, 'a'), idea('b2', 4, 'b')];
    const tally = { a1: t(1), b1: t(8), a2: t(4), b2: t(8) };
    expect(rankIdeas(ideas, tally, 'a').map((r) => [r.ideaId, r.rank])).toEqual([
      ['a2', 1],
      ['a1', 2],
    ]);
    expect(rankIdeas(ideas, tally, 'b').map((r) => [r.ideaId, r.rank])).toEqual([
      ['b1', 1],
      ['b2', 1],
    ]);
    expect(rankIdeas(ideas, tally).map((r) => r.ideaId)).toEqual(['b1', 'b2', 'a2', 'a1']);
  });

  it('is empty for no ideas', () => {
    expect(rankIdeas([], {})).toEqual([]);
  });
});

describe('tallyOf', () => {
  it('counts dots and distinct voters from the ballots', () => {
    const s = run([...voting(), vote('p1', 'i1'), vote('p1', 'i1'), vote('p2', 'i1'), vote('p3', 'i3')]);
    expect(tallyOf(s)).toEqual({ i1: { dots: 3, voters: 2 }, i3: { dots: 1, voters: 1 } });
    const ranked = rankIdeas(Object.values(s.ideas), tallyOf(s));
    expect(ranked.map((r) => [r.ideaId, r.dots, r.voters, r.rank])).toEqual([
      ['i1', 3, 2, 1],
      ['i3', 1, 1, 2],
      ['i2', 0, 0, 3],
    ]);
  });

  it('ignores zero entries', () => {
    expect(tallyOf({ votes: withBallot({}, 'p', { a: 0, b: 2 }) })).toEqual({ b: { dots: 2, voters: 1 } });
  });
});

describe('tallyOf, counted again after a dot', () => {
  const count = (votes: Ballots): Record<string, Tally> => {
    const out: Record<string, Tally> = {};
    for (const [, mine] of eachBallot(votes))
      for (const [ideaId, n] of Object.entries(mine)) out[ideaId] = { dots: (out[ideaId]?.dots ?? 0) + n, voters: (out[ideaId]?.voters ?? 0) + 1 };
    return out;
  };

  it('matches a count from scratch after every dot, take-back, merge and deletion, though each dot only follows the last', () => {
    const people = ['p1', 'p2', 'p3'];
    let s = run([...voting(), addIdea('i4'), addIdea('i5', 'gemensamt')]);
    expect({ ...tallyOf(s) }).toEqual(count(s.votes));
    const random = seededRandom(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    for (let step = 0; step < 400; step++) {
      const who = pick(people);
      const live = Object.keys(s.ideas);
      const r = random();
      let event: WorkshopEvent;
      if (r < 0.6) event = { type: 'vote.added', participantId: who, ideaId: pick(live) };
      else if (r < 0.95) event = { type: 'vote.removed', participantId: who, ideaId: pick(live) };
      else if (live.length > 2 && r < 0.975) event = { type: 'idea.deleted', ideaId: pick(live) };
      else {
        const [target, source] = [pick(live), pick(live)];
        if (target === source) continue;
        event = { type: 'idea.merged', targetId: target, sourceIds: [source] };
      }
      s = evolve(s, event);
      expect({ ...tallyOf(s) }).toEqual(count(s.votes));
    }
  });

  it('gives each caller its own record: changing one changes no later answer', () => {
    const s = run([...voting(), vote('p1', 'i1')]);
    const mine = tallyOf(s);
    (mine.i1 as Tally).dots = 99;
    expect(tallyOf(s).i1).toEqual({ dots: 1, voters: 1 });
  });
});
