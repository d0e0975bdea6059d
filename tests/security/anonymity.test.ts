import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@fokus/core';
import type { TallyMessage, TallyView, ViewMessage } from '@fokus/protocol';
import { applyTally } from '@fokus/protocol';
import { MIN_VOTERS } from '../../apps/server/src/anonymity-gate.ts';
import { Client, createWorkshop } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';

/**
 * "Anonymous means anonymous", tried as the facilitator would: fifteen people vote one at a time (the
 * easiest case to attribute), each places all ten dots and says "klar", and everything the facilitator's and
 * the screen's sockets receive is recorded. Then the best attribution we know is run on the recording.
 *
 * The attack (the server's code is known to the attacker): the facilitator's views name the people in the
 * order they said "klar". Each change of the figures is pinned on people by one of two rules, and the better
 * of the two counts: "released by klar" (everyone who said "klar" since the last change: what the gate does)
 * and "dots before klar" (whoever said "klar" in the same message, else the one voting now: what a live
 * stream does). A step is split among its people in proportion to their own dot counts where the view gives
 * them, else to how many events each made (the version counter between their "klar"s, which no dot moves
 * for the facilitator: a side channel the attack tries all the same). The result is, for every dot, the attack's probability for each person; its hit rate is
 * the chance it names the right one.
 *
 * Chance, for a dot, is a guess among the people the figures cannot tell apart: anyone in the room (1/15)
 * before the figures move; the three or more people whose "klar" released a step after. Named voting, whose
 * stream is the old anonymous one plus ballots (per-person dot counts, live tallies), is the contrast.
 */

const PEOPLE = 15;
const IDEAS = ['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7', 'i8'];
const BUDGET = 10;
const SEED = 8;

interface Dot {
  participantId: string;
  ideaId: string;
  /** How many messages the facilitator and screen had received when the vote was acknowledged. */
  at: number;
}

interface Recorded {
  from: 'facilitator' | 'screen';
  event: string;
  msg: unknown;
}

interface Run {
  stream: Recorded[];
  /** participantId -> ideaId -> dots, the truth. */
  ballots: Map<string, Record<string, number>>;
  /** Every dot, with when its vote was acknowledged: the truth, in time (the phones' counters are not the facilitator's). */
  dots: Dot[];
  /** Dots in the export after two people said "klar", and after voting closed. */
  exported: [midVote: number, closed: number];
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Ten dots on two ideas, seeded: each person's ballot is distinct enough to recognise in a diff. */
function ballotsFor(seed: number): Record<string, number>[] {
  const rand = seededRandom(seed);
  return Array.from({ length: PEOPLE }, () => {
    const a = IDEAS[Math.floor(rand() * IDEAS.length)] as string;
    let b = a;
    while (b === a) b = IDEAS[Math.floor(rand() * IDEAS.length)] as string;
    const first = 5 + Math.floor(rand() * 5);
    return { [a]: first, [b]: BUDGET - first };
  });
}

async function recordVote(anonymous: boolean): Promise<Run> {
  const created = await createWorkshop(server.url);
  const clients: Client[] = [];
  const stream: Recorded[] = [];
  const watch = async (from: Recorded['from'], auth: Parameters<typeof Client.connect>[1]) => {
    const c = await Client.connect(server.url, auth);
    clients.push(c);
    c.socket.onAny((event: string, msg: unknown) => stream.push({ from, event, msg: structuredClone(msg) }));
    return c;
  };
  try {
    const facilitator = await watch('facilitator', { code: created.code, role: 'facilitator', key: created.facilitatorKey });
    const screen = await watch('screen', { code: created.code, role: 'screen' });
    for (const id of IDEAS) await facilitator.must({ type: 'idea:add', ideaId: id, boardId: 'omvarld', text: `Idé ${id}` });
    await facilitator.must({ type: 'voting:configure', settings: { anonymous, hideResults: false, budget: BUDGET } });
    const phones: { client: Client; id: string }[] = [];
    for (let n = 0; n < PEOPLE; n++) {
      const client = await Client.connect(server.url, { code: created.code, role: 'participant' });
      clients.push(client);
      const ack = await client.join(`Person ${n + 1}`);
      if (!ack.ok) throw new Error(ack.message);
      phones.push({ client, id: ack.participantId });
    }
    await facilitator.must({ type: 'voting:open' });

    const planned = ballotsFor(SEED);
    const ballots = new Map<string, Record<string, number>>();
    const dots: Dot[] = [];
    let midVote = -1;
    for (const [n, phone] of phones.entries()) {
      const ballot = planned[n] ?? {};
      for (const [ideaId, n] of Object.entries(ballot)) {
        for (let d = 0; d < n; d++) {
          await phone.client.must({ type: 'vote:add', ideaId });
          dots.push({ participantId: phone.id, ideaId, at: stream.length });
        }
      }
      ballots.set(phone.id, ballot);
      await phone.client.must({ type: 'participant:done', done: true });
      // One at a time: the next person starts only once both screens have shown this one as done.
      const doneNow = n + 1;
      await facilitator.until((c) => c.tally?.tally.done === doneNow && c.view?.view.participants?.find((p) => p.id === phone.id)?.done === true);
      await screen.until((c) => c.tally?.tally.done === doneNow);
      if (n === 1) midVote = await exportedDots(created.code, created.facilitatorKey);
    }
    await facilitator.must({ type: 'voting:close' });
    await facilitator.until((c) => c.tally?.tally.dotsUsed === PEOPLE * BUDGET && c.view?.view.voting.status === 'closed');
    await screen.until((c) => c.tally?.tally.dotsUsed === PEOPLE * BUDGET);

    // The phone's own `me` went to that phone alone.
    for (const r of stream) expect(r.event).not.toBe('participant:me');
    const other = phones[3];
    if (!other) throw new Error('no phone');
    expect(other.client.me?.me.participantId).toBe(other.id);
    return { stream, ballots, dots, exported: [midVote, await exportedDots(created.code, created.facilitatorKey)] };
  } finally {
    for (const c of clients) c.close();
  }
}

async function exportedDots(code: string, key: string): Promise<number> {
  const res = await fetch(`${server.url}/api/workshops/${code}/export.json`, { headers: { authorization: `Bearer ${key}` } });
  const body = (await res.json()) as { boards: { ranking: { dots: number }[] }[] };
  return body.boards.flatMap((b) => b.ranking).reduce((n, row) => n + row.dots, 0);
}

interface Step {
  /** Where in the recorded stream the figures changed. */
  at: number;
  /** participantId -> the share of this change the attack gives that person. */
  shares: Map<string, number>;
}

interface Attack {
  steps: Step[];
  /** Fewest people any change of the figures was pinned on. */
  smallestStep: number;
}

type Rule = 'released by klar' | 'dots before klar';

/** The better of the two rules, by hit rate (the attacker cannot know it; this only makes the attack stronger). */
function bestAttack(stream: Recorded[], from: Recorded['from'], dots: Dot[]): { rule: Rule; attack: Attack; rate: number } {
  const tries = (['released by klar', 'dots before klar'] as const).map((rule) => {
    const a = attack(stream, from, rule);
    return { rule, attack: a, rate: hitRate(a, dots) };
  });
  return tries.reduce((best, t) => (t.rate > best.rate ? t : best));
}

/** The attack described at the top, on one recorded stream (facilitator's views for names, one role's tallies for figures). */
function attack(stream: Recorded[], from: Recorded['from'], rule: Rule): Attack {
  // Who said "klar", in order, with the version at which the facilitator first saw it.
  const order: { id: string; version: number }[] = [];
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const r of stream) {
    // Per-person dot counts: each ballot in the facilitator's tally (named voting only).
    if (r.from === 'facilitator' && r.event === 'workshop:tally') {
      for (const [id, ballot] of Object.entries((r.msg as TallyMessage).tally.ballots ?? {})) {
        counts.set(id, Math.max(counts.get(id) ?? 0, dotsIn(ballot)));
      }
    }
    if (r.from !== 'facilitator' || r.event !== 'workshop:view') continue;
    const m = r.msg as ViewMessage;
    for (const p of m.view.participants ?? []) {
      if (p.done && !seen.has(p.id)) {
        seen.add(p.id);
        order.push({ id: p.id, version: m.version });
      }
    }
  }
  const weight = (rank: number): number => {
    const who = order[rank];
    if (!who) return 1;
    return counts.get(who.id) || who.version - (order[rank - 1]?.version ?? 0) || 1;
  };

  const steps: Step[] = [];
  let last = JSON.stringify(IDEAS.map(() => 0));
  let upTo = 0;
  let doneBefore = 0;
  for (const [at, r] of stream.entries()) {
    if (r.from !== from || r.event !== 'workshop:tally') continue;
    const m = r.msg as TallyMessage;
    const figures = JSON.stringify(IDEAS.map((id) => m.tally.tallies?.[id]?.dots ?? 0));
    const done = m.tally.done;
    const since = rule === 'released by klar' ? upTo : doneBefore;
    doneBefore = done;
    if (figures === last) continue;
    last = figures;
    const ranks: number[] = [];
    for (let rank = since; rank < done; rank++) ranks.push(rank);
    // No "klar" came with it: the dots of the one voting now, the next to say it.
    if (ranks.length === 0) ranks.push(done);
    upTo = done;
    const total = ranks.reduce((a, rank) => a + weight(rank), 0);
    steps.push({ at, shares: new Map(ranks.map((rank) => [order[rank]?.id ?? `unknown-${rank}`, weight(rank) / total])) });
  }
  return { steps, smallestStep: Math.min(...steps.map((s) => s.shares.size)) };
}

/**
 * The chance the attack names the right person for a dot, over every dot placed: a dot belongs to the first
 * change of the figures received after its vote was acknowledged.
 */
function hitRate(a: Attack, dots: Dot[]): number {
  let hits = 0;
  for (const dot of dots) {
    const step = a.steps.find((s) => s.at >= dot.at);
    hits += step?.shares.get(dot.participantId) ?? 0;
  }
  return hits / dots.length;
}

describe('anonymous voting, attacked from the facilitator and the screen', () => {
  let anonymous: Run;
  let named: Run;
  beforeAll(async () => {
    anonymous = await recordVote(true);
    named = await recordVote(false);
  }, 120_000);

  it('sends no per-person dot count and no ballots anywhere, and the figures move only in steps of three', () => {
    for (const r of anonymous.stream) {
      if (r.event === 'workshop:view') for (const p of (r.msg as ViewMessage).view.participants ?? []) expect(p).not.toHaveProperty('dotsUsed');
      if (r.event === 'workshop:tally') expect((r.msg as TallyMessage).tally).not.toHaveProperty('ballots');
    }
    // The figures the facilitator and the screen saw: every change came with at least three more "klar".
    for (const from of ['facilitator', 'screen'] as const) {
      let lastUsed = 0;
      let lastDone = 0;
      for (const r of anonymous.stream) {
        if (r.from !== from || r.event !== 'workshop:tally') continue;
        const t = (r.msg as TallyMessage).tally;
        if (t.dotsUsed === lastUsed) continue;
        expect(t.done - lastDone).toBeGreaterThanOrEqual(MIN_VOTERS);
        lastUsed = t.dotsUsed;
        lastDone = t.done;
      }
      expect(lastUsed).toBe(PEOPLE * BUDGET);
    }
    // An export in the middle of the vote counts only what was released: two people done, nothing shown.
    expect(anonymous.exported).toEqual([0, PEOPLE * BUDGET]);
    expect(named.exported).toEqual([2 * BUDGET, PEOPLE * BUDGET]);
  });

  it('attributes no better than chance among the three people of a step', () => {
    for (const from of ['facilitator', 'screen'] as const) {
      const gate = attack(anonymous.stream, from, 'released by klar');
      const best = bestAttack(anonymous.stream, from, anonymous.dots);
      console.info(
        `anonymous, ${from}'s figures: ${gate.steps.length} steps of at least ${gate.smallestStep} people; the best attack ("${best.rule}") names the right person for ${(best.rate * 100).toFixed(1)} % of dots (chance in a step: ${(100 / MIN_VOTERS).toFixed(1)} %, in the room: ${(100 / PEOPLE).toFixed(1)} %)`,
      );
      expect(gate.smallestStep).toBeGreaterThanOrEqual(MIN_VOTERS);
      expect(best.rate).toBeLessThanOrEqual(1 / MIN_VOTERS + 1e-9);
    }
  });

  it('would attribute nearly every dot on the old stream (per-person counts, live tallies), which named voting still sends', () => {
    // Named voting's stream is the old one: per-person counts (each ballot in the facilitator's tally), live tallies.
    const best = bestAttack(named.stream, 'facilitator', named.dots);
    // The same attack without the per-person counts, on the screen's figures: live tallies and "klar" are enough.
    const bare = named.stream.map((r) => (r.event === 'workshop:tally' ? { ...r, msg: withoutBallots(r.msg as TallyMessage) } : r));
    const tallyOnly = bestAttack(bare, 'screen', named.dots);
    console.info(
      `old stream: the best attack ("${best.rule}") names the right person for ${(best.rate * 100).toFixed(1)} % of dots; from live tallies and "klar" alone ${(tallyOnly.rate * 100).toFixed(1)} %`,
    );
    expect(best.attack.smallestStep).toBe(1);
    expect(best.rate).toBeGreaterThan(0.95);
    expect(tallyOnly.rate).toBeGreaterThan(0.95);
  });

  it('shows the facilitator ballots and per-person counts when voting is named, and the screen neither', () => {
    const facTallies = named.stream.filter((r) => r.from === 'facilitator' && r.event === 'workshop:tally').map((r) => (r.msg as TallyMessage).tally);
    // The facilitator's tallies carry the ballots that changed since the one before: what the console holds is all of them.
    const last = facTallies.reduce<TallyView | null>((held, t) => applyTally(held, t), null);
    expect(facTallies.some((t) => t.ballotsChanged)).toBe(true);
    for (const [id, ballot] of named.ballots) expect(last?.ballots?.[id]).toEqual(ballot);
    expect(Object.values(last?.ballots ?? {}).map(dotsIn)).toEqual(Array.from({ length: PEOPLE }, () => BUDGET));
    for (const r of named.stream.filter((x) => x.from === 'screen')) {
      if (r.event === 'workshop:tally') expect((r.msg as TallyMessage).tally).not.toHaveProperty('ballots');
      if (r.event === 'workshop:view') expect((r.msg as ViewMessage).view).not.toHaveProperty('participants');
    }
  });
});

function withoutBallots(m: TallyMessage): TallyMessage {
  const { ballots: _ballots, ...tally } = m.tally;
  return { ...m, tally };
}

const dotsIn = (ballot: Record<string, number>): number => Object.values(ballot).reduce((a, n) => a + n, 0);

describe('the version counter', () => {
  it('does not move with a dot for the facilitator or the screen, so counting versions between two "klar"s counts nothing', async () => {
    const created = await createWorkshop(server.url);
    const facilitator = await Client.connect(server.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
    const screen = await Client.connect(server.url, { code: created.code, role: 'screen' });
    const phone = await Client.connect(server.url, { code: created.code, role: 'participant' });
    const joined = await phone.join('Pia');
    expect(joined.ok).toBe(true);
    await facilitator.must({ type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'Studieresa' });
    await facilitator.must({ type: 'voting:open' });
    const before = { facilitator: (await facilitator.sync()).view.version, screen: (await screen.sync()).view.version };

    const phoneVersions: number[] = [];
    for (let i = 0; i < 3; i++) phoneVersions.push(await phone.must({ type: 'vote:add', ideaId: 'i1' }));
    await phone.must({ type: 'participant:done', done: true });
    await facilitator.until((c) => c.view?.view.participants?.some((p) => p.done) ?? false);

    // The phone's own counter moves with its dots (its `me` must match its acks)…
    expect(phoneVersions).toEqual([phoneVersions[0], (phoneVersions[0] ?? 0) + 1, (phoneVersions[0] ?? 0) + 2]);
    // …the facilitator's and the screen's only by the "klar": one event, however many dots came before it.
    const after = { facilitator: (await facilitator.sync()).view.version, screen: (await screen.sync()).view.version };
    expect(after).toEqual({ facilitator: before.facilitator + 1, screen: before.screen + 1 });
    expect(facilitator.view?.version).toBe(before.facilitator + 1);
    // A facilitator's own ack counts the same way.
    expect(await facilitator.must({ type: 'voting:close' })).toBe(before.facilitator + 2);
    for (const c of [facilitator, screen, phone]) c.close();
  });
});
