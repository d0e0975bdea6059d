import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor, Ballots, Command, Workshop } from '@fokus/core';
import { ballotOf, decide, evolve, templateContent } from '@fokus/core';
import type { TallyMessage } from '@fokus/protocol';
import { AnonymityGate, MIN_VOTERS, SETTLE_MS } from './anonymity-gate.ts';
import { Rooms } from './rooms.ts';
import { MemoryStore } from './store/memory-store.ts';

const FAC: Actor = { role: 'facilitator' };
const IDEAS = ['i1', 'i2', 'i3', 'i4'];

/** A room as the server runs it: decide, evolve, then the gate sees the durable events; the clock is ours. */
function room(people: string[], settings: { anonymous?: boolean } = {}) {
  let state: Workshop | null = null;
  let gate: AnonymityGate | null = null;
  let now = 1_000;
  /** Figures the gate released, in order (a new entry each time they change). */
  const released: string[] = [];
  const record = () => {
    const json = JSON.stringify(gate?.figures(current()));
    if (released.at(-1) !== json) released.push(json);
  };
  const current = (): Workshop => {
    if (!state) throw new Error('no workshop');
    return state;
  };
  const run = (command: Command, actor: Actor = FAC) => {
    const d = decide(state, command, actor, now);
    if (!d.ok) throw new Error(`${command.type} refused: ${d.error.code}`);
    for (const e of d.value) state = evolve(state, e);
    gate ??= new AnonymityGate(current());
    gate.observe(d.value, current(), now);
    record();
  };
  const t = templateContent('handlingsplan', 'sv');
  run({ type: 'workshop:create', workshopId: 'w1', title: 'T', lang: 'sv', template: 'handlingsplan', rules: t.rules, boards: t.boards, agenda: t.agenda });
  for (const id of people) run({ type: 'participant:join', participantId: id, name: id, organisation: '', tokenHash: `h-${id}` }, { role: 'system' });
  for (const id of IDEAS) run({ type: 'idea:add', ideaId: id, boardId: 'omvarld', text: id });
  if (settings.anonymous === false) run({ type: 'voting:configure', settings: { anonymous: false } });
  run({ type: 'voting:open' });
  const as = (participantId: string): Actor => ({ role: 'participant', participantId });
  return {
    get state() {
      return current();
    },
    get gate() {
      if (!gate) throw new Error('no gate');
      return gate;
    },
    released,
    run,
    dot: (p: string, ideaId: string) => run({ type: 'vote:add', ideaId }, as(p)),
    undot: (p: string, ideaId: string) => run({ type: 'vote:remove', ideaId }, as(p)),
    done: (p: string, done = true) => run({ type: 'participant:done', done }, as(p)),
    shown: () => gate?.figures(current()),
    /** Moves the clock and lets the gate look, as the room's timer does. */
    wait(ms: number) {
      now += ms;
      gate?.tick(current(), now);
      record();
    },
    get now() {
      return now;
    },
  };
}

describe('anonymity gate', () => {
  it('shows every dot at once when voting is named', () => {
    const r = room(['a'], { anonymous: false });
    r.dot('a', 'i1');
    expect(r.shown()).toMatchObject({ dotsUsed: 1, tallies: { i1: { dots: 1, voters: 1 } } });
  });

  it('holds one voter at a time back until three have said "klar", then shows their dots at once', () => {
    const r = room(['a', 'b', 'c', 'd']);
    for (const p of ['a', 'b']) {
      for (const i of IDEAS) r.dot(p, i);
      r.done(p);
      expect(r.shown()).toEqual({ tallies: {}, dotsUsed: 0 });
    }
    r.dot('c', 'i1');
    r.dot('c', 'i1');
    expect(r.shown()?.dotsUsed).toBe(0);
    r.done('c');
    expect(r.shown()).toMatchObject({ dotsUsed: 10, tallies: { i1: { dots: 4, voters: 3 }, i2: { dots: 2, voters: 2 } } });
    // The next voter starts a new step.
    r.dot('d', 'i4');
    r.done('d');
    expect(r.shown()?.dotsUsed).toBe(10);
  });

  it('never lets a dot trigger a release: a dot placed after "klar" waits for the next "klar"', () => {
    const r = room(['a', 'b', 'c']);
    for (const p of ['a', 'b', 'c']) r.done(p);
    r.dot('a', 'i1');
    r.dot('b', 'i1');
    r.dot('c', 'i2');
    expect(r.shown()?.dotsUsed).toBe(0);
    r.done('a', false);
    r.done('a');
    r.done('b');
    expect(r.shown()?.dotsUsed).toBe(0);
    r.done('c');
    expect(r.shown()?.dotsUsed).toBe(3);
  });

  it('gives no cover for a change that cancels out', () => {
    const r = room(['a', 'b', 'c', 'd']);
    r.dot('a', 'i1');
    r.undot('a', 'i1');
    r.done('a');
    for (const p of ['b', 'c']) {
      r.dot(p, 'i2');
      r.done(p);
    }
    expect(r.shown()?.dotsUsed).toBe(0);
    r.dot('d', 'i3');
    r.done('d');
    expect(r.shown()).toMatchObject({ dotsUsed: 3, tallies: { i2: { dots: 2 }, i3: { dots: 1 } } });
  });

  it('settles a change by the clock when nobody says "klar", and says when to look', () => {
    const r = room(['a', 'b', 'c']);
    r.dot('a', 'i1');
    r.wait(1_000);
    r.dot('b', 'i1');
    r.wait(1_000);
    r.dot('c', 'i1');
    const lastDot = r.now;
    expect(r.gate.nextTick(r.now)).toBe(lastDot - 2_000 + SETTLE_MS);
    r.wait(SETTLE_MS - 1_000);
    expect(r.shown()?.dotsUsed).toBe(0);
    expect(r.gate.nextTick(r.now)).toBe(lastDot + SETTLE_MS);
    r.wait(1_000);
    expect(r.shown()?.dotsUsed).toBe(3);
    expect(r.gate.nextTick(r.now)).toBe(Infinity);
  });

  it('releases everything when voting closes, and nothing but zeros on a reset', () => {
    const r = room(['a', 'b']);
    r.dot('a', 'i1');
    r.done('a');
    r.dot('b', 'i2');
    expect(r.shown()?.dotsUsed).toBe(0);
    r.run({ type: 'voting:close' });
    expect(r.shown()).toMatchObject({ dotsUsed: 2, tallies: { i1: { dots: 1 }, i2: { dots: 1 } } });
    r.run({ type: 'voting:open' });
    expect(r.shown()?.dotsUsed).toBe(2);
    r.dot('a', 'i3');
    r.run({ type: 'voting:reset' });
    expect(r.shown()).toEqual({ tallies: {}, dotsUsed: 0 });
  });

  it('drops a deleted idea from the figures at once without releasing anything else', () => {
    const r = room(['a', 'b', 'c', 'd']);
    for (const p of ['a', 'b', 'c']) {
      r.dot(p, 'i1');
      r.dot(p, 'i2');
      r.done(p);
    }
    r.dot('d', 'i2');
    r.run({ type: 'idea:delete', ideaId: 'i1' });
    expect(r.shown()).toMatchObject({ dotsUsed: 3, tallies: { i2: { dots: 3 } } });
    expect(r.shown()?.tallies).not.toHaveProperty('i1');
  });

  it('counts a removed participant as one settled change, released with two more', () => {
    const r = room(['a', 'b', 'c', 'd', 'e']);
    for (const p of ['a', 'b', 'c']) {
      r.dot(p, 'i1');
      r.done(p);
    }
    expect(r.shown()?.dotsUsed).toBe(3);
    r.run({ type: 'participant:remove', participantId: 'a' });
    expect(r.shown()?.dotsUsed).toBe(3);
    r.dot('d', 'i2');
    r.done('d');
    expect(r.shown()?.dotsUsed).toBe(3);
    r.dot('e', 'i2');
    r.done('e');
    expect(r.shown()).toMatchObject({ dotsUsed: 4, tallies: { i1: { dots: 2 }, i2: { dots: 2 } } });
  });

  it('shows an export only the released votes', () => {
    const r = room(['a']);
    r.dot('a', 'i1');
    const shown = r.gate.shown(r.state);
    expect(ballotOf(shown.votes, 'a')).toBeUndefined();
    expect(shown.tallies).toEqual({});
    expect(ballotOf(r.state.votes, 'a')).toEqual({ i1: 1 });
  });

  it('starts a room loaded mid-vote with what the log holds released', () => {
    const r = room(['a']);
    r.dot('a', 'i1');
    expect(new AnonymityGate(r.state).figures(r.state).dotsUsed).toBe(1);
  });

  it('never releases a step that fewer than three people changed, whatever they do (property)', () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f'];
    const action = fc.oneof(
      fc.record({ kind: fc.constant('dot' as const), p: fc.constantFrom(...people), idea: fc.constantFrom(...IDEAS) }),
      fc.record({ kind: fc.constant('undot' as const), p: fc.constantFrom(...people), idea: fc.constantFrom(...IDEAS) }),
      fc.record({ kind: fc.constant('done' as const), p: fc.constantFrom(...people), done: fc.boolean() }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: SETTLE_MS * 2 }) }),
      fc.record({ kind: fc.constant('remove' as const), p: fc.constantFrom(...people) }),
      fc.record({ kind: fc.constant('delete' as const), idea: fc.constantFrom(...IDEAS) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), (actions) => {
        const r = room(people);
        let before: Ballots = r.gate.shown(r.state).votes;
        for (const a of actions) {
          try {
            if (a.kind === 'dot') r.dot(a.p, a.idea);
            else if (a.kind === 'undot') r.undot(a.p, a.idea);
            else if (a.kind === 'done') r.done(a.p, a.done);
            else if (a.kind === 'wait') r.wait(a.ms);
            else if (a.kind === 'remove') r.run({ type: 'participant:remove', participantId: a.p });
            else r.run({ type: 'idea:delete', ideaId: a.idea });
          } catch {
            continue; // refused (no dot to remove, a removed person, an idea gone): nothing happened
          }
          const after = r.gate.shown(r.state).votes;
          if (after === before) continue;
          const live = new Set(Object.keys(r.state.ideas));
          const changed = people.filter((p) => !sameOn(live, ballotOf(before, p), ballotOf(after, p)));
          if (changed.length > 0 && changed.length < MIN_VOTERS) throw new Error(`a step of ${changed.join(', ')} alone after ${a.kind}`);
          before = after;
        }
      }),
      { numRuns: 300 },
    );
  });
});

function sameOn(ideas: Set<string>, a: Readonly<Record<string, number>> | undefined, b: Readonly<Record<string, number>> | undefined): boolean {
  for (const id of ideas) if ((a?.[id] ?? 0) !== (b?.[id] ?? 0)) return false;
  return true;
}

describe('anonymity gate in a room', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the screen nothing new for single dots, and the held figures once the clock settles three people', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let now = 1_000_000;
    const screen: TallyMessage[] = [];
    const rooms = new Rooms(
      new MemoryStore(),
      { view: () => {}, tally: (_id, role, msg) => role === 'screen' && screen.push(msg), me: () => {}, removed: () => {} },
      { now: () => now },
    );
    const { room } = await rooms.create({ template: 'handlingsplan', lang: 'sv' });
    const fac = { role: 'facilitator' } as const;
    await room.execute(fac, 'o1', { type: 'idea:add', ideaId: 'i1', boardId: room.snapshot.boards[0]?.id ?? '', text: 'Studieresa' });
    await room.execute(fac, 'o2', { type: 'voting:configure', settings: { hideResults: false } });
    await room.execute(fac, 'o3', { type: 'voting:open' });
    const step = async (ms: number) => {
      now += ms;
      await vi.advanceTimersByTimeAsync(ms);
    };
    for (const name of ['Pia', 'David', 'Isabel']) {
      const join = await room.join(name, '', undefined);
      if (!join.ok) throw new Error('join failed');
      await room.execute({ role: 'participant', participantId: join.participantId }, `v-${name}`, { type: 'vote:add', ideaId: 'i1' });
      await step(1_000);
    }
    const dots = () => screen.at(-1)?.tally.dotsUsed;
    expect(dots()).toBe(0);
    await step(SETTLE_MS - 2_000);
    expect(dots()).toBe(0);
    // The third person's last dot is SETTLE_MS old now: the room's own timer releases all three.
    await step(1_000);
    expect(dots()).toBe(3);
    expect(screen.at(-1)?.tally.tallies).toEqual({ i1: { dots: 3, voters: 3 } });
    await rooms.close();
  });
});
