/** Random command sequences against the voting invariants. Fixed seed, so a failure replays exactly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Command } from './commands.ts';
import { decide } from './decide.ts';
import type { WorkshopEvent } from './events.ts';
import { evolve, replay } from './evolve.ts';
import type { Workshop } from './model.ts';
import { tallyOf } from './ranking.ts';
import type { Step } from './test-helpers.ts';
import { addIdea, apply, createWorkshop, deepFreeze, FAC, join, P, SYS } from './test-helpers.ts';
import { dotsSpent } from './voting.ts';
import { ballotsAsRecord } from './ballots.ts';
import { participantOf } from './participants.ts';

const PIDS = ['p1', 'p2', 'p3', 'p4'] as const;
const IDEAS = ['i1', 'i2', 'i3', 'i4'] as const;

const pidArb = fc.constantFrom(...PIDS);
const ideaArb = fc.constantFrom(...IDEAS);

const voteCmdArb: fc.Arbitrary<Command> = fc
  .tuple(fc.boolean(), ideaArb)
  .map(([add, ideaId]): Command => (add ? { type: 'vote:add', ideaId } : { type: 'vote:remove', ideaId }));

const cmd = (weight: number, arbitrary: fc.Arbitrary<Command>) => ({ weight, arbitrary });
// Weighted so voting is open most of the time, with closes (for merges) and resets now and then.
const facCmdArb: fc.Arbitrary<Command> = fc.oneof(
  cmd(
    2,
    pidArb.map((id): Command => ({ type: 'participant:join', participantId: id, name: 'Namn', organisation: '', tokenHash: 'h' })),
  ),
  cmd(
    2,
    fc.integer({ min: 0, max: 12 }).map((budget): Command => ({ type: 'voting:configure', settings: { budget } })),
  ),
  cmd(
    2,
    fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }).map((capPerIdea): Command => ({ type: 'voting:configure', settings: { capPerIdea } })),
  ),
  cmd(
    1,
    fc.boolean().map((anonymous): Command => ({ type: 'voting:configure', settings: { anonymous } })),
  ),
  cmd(5, fc.constant<Command>({ type: 'voting:open' })),
  cmd(2, fc.constant<Command>({ type: 'voting:close' })),
  cmd(1, fc.constant<Command>({ type: 'voting:reset' })),
  cmd(
    1,
    ideaArb.map((ideaId): Command => ({ type: 'idea:delete', ideaId })),
  ),
  cmd(
    1,
    fc.tuple(ideaArb, fc.boolean()).map(([ideaId, hidden]): Command => ({ type: 'idea:hide', ideaId, hidden })),
  ),
  // Re-adding keeps deleted ids in play.
  cmd(
    1,
    ideaArb.map((ideaId): Command => ({ type: 'idea:add', ideaId, boardId: 'omvarld', text: ideaId })),
  ),
  cmd(
    1,
    pidArb.map((participantId): Command => ({ type: 'participant:remove', participantId })),
  ),
  cmd(
    2,
    fc.tuple(ideaArb, fc.subarray([...IDEAS])).map(([targetId, sourceIds]): Command => ({ type: 'idea:merge', targetId, sourceIds })),
  ),
);

const actorArb: fc.Arbitrary<Actor> = fc.oneof(fc.constant(FAC), fc.constant(SYS), pidArb.map(P));

// Mostly well-addressed commands (votes from participants, the rest from the facilitator), some from anyone.
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(voteCmdArb, pidArb.map(P)) },
  { weight: 3, arbitrary: facCmdArb.map((c): Step => [c, c.type === 'participant:join' ? SYS : FAC]) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(voteCmdArb, facCmdArb), actorArb) },
);

function start(): { state: Workshop; events: WorkshopEvent[] } {
  const steps: Step[] = [createWorkshop(), join('p1'), join('p2'), ...IDEAS.map((id) => addIdea(id))];
  let state: Workshop | null = null;
  const events: WorkshopEvent[] = [];
  for (const s of steps) {
    const out = apply(state, s);
    state = out.state;
    events.push(...out.events);
  }
  if (!state) throw new Error('no state');
  return { state, events };
}

/** The invariants; `mergeStacked` allows stacks above the cap that a merge created. */
function checkInvariants(s: Workshop, mergeStacked: boolean): void {
  const { budget, capPerIdea } = s.voting.settings;
  const expected: Record<string, number> = {};
  for (const [pid, mine] of Object.entries(ballotsAsRecord(s.votes))) {
    expect(participantOf(s, pid)?.removed, `votes of ${pid} must belong to a present participant`).toBe(false);
    expect(dotsSpent(mine)).toBeLessThanOrEqual(budget);
    for (const [ideaId, n] of Object.entries(mine)) {
      expect(n).toBeGreaterThan(0);
      expect(s.ideas[ideaId], `dots on deleted idea ${ideaId}`).toBeDefined();
      if (capPerIdea !== null && !mergeStacked) expect(n).toBeLessThanOrEqual(capPerIdea);
      expected[ideaId] = (expected[ideaId] ?? 0) + n;
    }
  }
  // Strict equality: same keys (none for deleted or undotted ideas) and the same sums.
  expect(s.tallies).toEqual(expected);
  const fromBallots = Object.fromEntries(Object.entries(tallyOf(s)).map(([id, t]) => [id, t.dots]));
  expect(fromBallots).toEqual(s.tallies);
}

describe('properties of random command sequences', () => {
  it('keep the voting invariants after every step; refusals change nothing', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'max' }), (steps) => {
        let { state, events } = start();
        let mergeStacked = false;
        steps.forEach(([command, actor], i) => {
          // Frozen: any mutation by decide or evolve throws.
          const before = deepFreeze(state);
          const result = decide(before, command, actor, 10_000 + i);
          const applied = result.ok ? result.value : [];
          let next = before;
          for (const e of applied) {
            if (e.type === 'vote.added') expect(next.voting.status).toBe('open');
            next = evolve(next, e);
            if (e.type === 'idea.merged') mergeStacked = true;
            // A new cap is only accepted at or above every stack; a reset clears all stacks.
            if (e.type === 'voting.configured' || e.type === 'voting.reset') mergeStacked = false;
          }
          if (!result.ok) expect(next).toBe(before);
          expect(next.version).toBe(before.version + applied.length);
          events.push(...applied);
          state = next;
          checkInvariants(state, mergeStacked);
        });
        expect(replay(events)).toEqual(state);
      }),
      { seed: 20230116, numRuns: 200 },
    );
  });

  // Shrunk counterexample: a merge of undotted ideas left `tallies.i1 = 0`, a key no ballot backs.
  it('regression: merging undotted ideas leaves the tallies in step with the ballots', () => {
    const { state } = start();
    const merged = apply(state, [{ type: 'idea:merge', targetId: 'i1', sourceIds: ['i3'] }, FAC]).state;
    checkInvariants(merged, true);
    const voted = apply(apply(merged, [{ type: 'voting:open' }, FAC]).state, [{ type: 'vote:add', ideaId: 'i1' }, P('p1')]).state;
    const undone = apply(voted, [{ type: 'vote:remove', ideaId: 'i1' }, P('p1')]).state;
    checkInvariants(undone, true);
    expect(undone.tallies).toEqual({});
  });

  it('the generator reaches the interesting states', () => {
    // Guards against a generator that only produces refusals: count what the runs actually did.
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'max' }), (steps) => {
        let { state } = start();
        steps.forEach(([command, actor]) => {
          const r = decide(state, command, actor, 0);
          if (!r.ok) {
            seen.add(r.error.code);
            return;
          }
          for (const e of r.value) {
            if (e.type === 'idea.merged' && Object.values(ballotsAsRecord(state.votes)).some((m) => e.sourceIds.some((id) => (m[id] ?? 0) > 0)))
              seen.add('merge-with-dots');
            state = evolve(state, e);
            seen.add(e.type);
          }
        });
      }),
      { seed: 20230116, numRuns: 200 },
    );
    for (const what of [
      'vote.added',
      'vote.removed',
      'idea.merged',
      'merge-with-dots',
      'participant.removed',
      'idea.deleted',
      'budget_exhausted',
      'cap_reached',
      'budget_below_spent',
      'cap_below_stacked',
      'voting_open',
    ]) {
      expect(seen, what).toContain(what);
    }
  });
});
