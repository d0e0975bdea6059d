import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Workshop } from '@fokus/core';
import { templateContent } from '@fokus/core';
import type { MeMessage, TallyMessage, ViewMessage, ViewRole } from '@fokus/protocol';
import { ANSWER_MEMORY_MS } from './answer-cache.ts';
import { Rooms } from './rooms.ts';
import { MemoryStore } from './store/memory-store.ts';
import type { WorkshopWrite } from './store/store.ts';
import type { RoomOutput } from './workshop-room.ts';

/** A store whose commits wait for the test to let them through, or fail on demand. */
class GatedStore extends MemoryStore {
  gate: Promise<void> = Promise.resolve();
  failNext = false;
  down = false;
  override async commit(writes: readonly WorkshopWrite[]): Promise<void> {
    await this.gate;
    if (this.failNext || this.down) {
      this.failNext = false;
      throw new Error('disk full');
    }
    return super.commit(writes);
  }
}

const NOT_SAVED = { ok: false, error: 'storage_unavailable', message: 'could not be saved, try again' };

function recorder() {
  const sent: { kind: string; role?: ViewRole; msg: ViewMessage | TallyMessage | MeMessage }[] = [];
  const output: RoomOutput = {
    view: (_id, role, msg) => sent.push({ kind: 'view', role, msg }),
    tally: (_id, role, msg) => sent.push({ kind: 'tally', role, msg }),
    me: (_id, _p, msg) => sent.push({ kind: 'me', msg }),
    removed: () => {},
  };
  return { sent, output };
}

// The room's broadcast timers and clock are fake (the committer's setImmediate is real): a test moves the clock, it never sleeps.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

async function votingRoom(store: GatedStore) {
  const { sent, output } = recorder();
  const rooms = new Rooms(store, output, { now: () => Date.now() });
  const { room } = await rooms.create({ template: 'handlingsplan', lang: 'sv' });
  const fac = { role: 'facilitator' } as const;
  await room.execute(fac, 'o1', { type: 'idea:add', ideaId: 'i1', boardId: templateContent('handlingsplan', 'sv').boards[0]?.id ?? '', text: 'Studieresa' });
  // Named voting: the figures follow every dot (anonymous ones move in steps of three people, anonymity-gate.ts).
  await room.execute(fac, 'o2', { type: 'voting:configure', settings: { hideResults: false, anonymous: false } });
  await room.execute(fac, 'o3', { type: 'voting:open' });
  const join = await room.join('Pia', '', undefined);
  if (!join.ok) throw new Error('join failed');
  const pia = { role: 'participant', participantId: join.participantId } as const;
  await advance(150);
  sent.length = 0;
  return { room, pia, sent };
}

const screenDots = (sent: ReturnType<typeof recorder>['sent']) =>
  sent.filter((s) => s.kind === 'tally' && s.role === 'screen').map((s) => (s.msg as TallyMessage).tally.tallies?.['i1']?.dots ?? 0);

describe('WorkshopRoom', () => {
  it('shows nothing before it is durable, and acknowledges only after', async () => {
    const store = new GatedStore();
    const { room, pia, sent } = await votingRoom(store);
    let open!: () => void;
    store.gate = new Promise((r) => (open = r));
    let acked = false;
    const ack = room.execute(pia, 'v1', { type: 'vote:add', ideaId: 'i1' }).then((a) => {
      acked = true;
      return a;
    });
    room.connected(pia.participantId); // something else makes the room broadcast meanwhile
    await advance(250);
    expect(acked).toBe(false);
    expect(screenDots(sent).every((d) => d === 0)).toBe(true);
    expect(room.snapshot.tallies['i1']).toBeUndefined();
    open();
    expect(await ack).toMatchObject({ ok: true });
    await advance(150);
    expect(screenDots(sent).at(-1)).toBe(1);
    expect(room.snapshot.tallies['i1']).toBe(1);
  });

  it('after a failed commit, answers storage_unavailable and goes on from what the log holds', async () => {
    const store = new GatedStore();
    const { room, pia } = await votingRoom(store);
    store.failNext = true;
    expect(await room.execute(pia, 'v1', { type: 'vote:add', ideaId: 'i1' })).toEqual(NOT_SAVED);
    // Not remembered: the resend with the same op id runs again.
    const retry = await room.execute(pia, 'v1', { type: 'vote:add', ideaId: 'i1' });
    expect(retry).toMatchObject({ ok: true });
    const again = await room.execute(pia, 'v2', { type: 'vote:add', ideaId: 'i1' });
    expect(again).toMatchObject({ ok: true });
    const persisted = (await store.loadEvents(room.id)).filter((e) => e.event.type === 'vote.added').length;
    expect(persisted).toBe(2);
    expect((room.snapshot as Workshop).tallies['i1']).toBe(2);
  });

  it('refuses every command of a failed batch, keeps memory level with the log, and commits again once storage is back', async () => {
    const store = new GatedStore();
    const { room, pia } = await votingRoom(store);
    store.down = true;
    const burst = await Promise.all(Array.from({ length: 4 }, (_, i) => room.execute(pia, `d${i}`, { type: 'vote:add', ideaId: 'i1' })));
    expect(burst).toEqual(Array(4).fill(NOT_SAVED));
    expect(await room.join('Bo', '', undefined)).toEqual(NOT_SAVED);
    const logged = async () => (await store.loadEvents(room.id)).length;
    expect(room.snapshot.version).toBe(await logged());
    store.down = false;
    const before = await logged();
    expect(await room.execute(pia, 'd0', { type: 'vote:add', ideaId: 'i1' })).toMatchObject({ ok: true, version: before + 1 });
    expect(await room.join('Bo', '', undefined)).toMatchObject({ ok: true });
    expect(room.snapshot.version).toBe(await logged());
    expect(room.snapshot.tallies['i1']).toBe(1);
  });

  it('stores accepted commands only; a refusal is answered from memory to a resend', async () => {
    const store = new GatedStore();
    const { room, pia } = await votingRoom(store);
    const refused = await room.execute(pia, 'r1', { type: 'vote:add', ideaId: 'nope' });
    expect(refused).toMatchObject({ ok: false, error: 'not_found' });
    // Even once the idea exists, the same op id gets the first answer.
    await room.execute({ role: 'facilitator' }, 'o9', { type: 'idea:add', ideaId: 'nope', boardId: room.snapshot.boards[0]?.id ?? '', text: 'Sent' });
    expect(await room.execute(pia, 'r1', { type: 'vote:add', ideaId: 'nope' })).toEqual(refused);
    const ops = await store.loadOps(room.id);
    expect(ops.map((o) => o.opId)).not.toContain('r1');
    expect(ops.every((o) => (JSON.parse(o.result) as { ok: boolean }).ok)).toBe(true);
  });

  it('decides a refusal again if the write it rested on fails', async () => {
    const store = new GatedStore();
    const { room, pia } = await votingRoom(store);
    await room.execute({ role: 'facilitator' }, 'c1', { type: 'voting:configure', settings: { budget: 1 } });
    let open!: () => void;
    store.gate = new Promise((r) => (open = r));
    store.failNext = true;
    // Both are decided before the store answers: the first is on its way when the second is refused.
    const first = room.execute(pia, 'v1', { type: 'vote:add', ideaId: 'i1' });
    // In memory the one dot is spent, so this would be budget_exhausted; but the first vote never lands.
    const second = room.execute(pia, 'v2', { type: 'vote:add', ideaId: 'i1' });
    open();
    expect(await first).toEqual(NOT_SAVED);
    expect(await second).toMatchObject({ ok: true });
    expect(room.snapshot.tallies['i1']).toBe(1);
  });

  it('coalesces a burst of votes into a few screen messages, the last one complete', async () => {
    const store = new GatedStore();
    const { room, pia, sent } = await votingRoom(store);
    room.connected(pia.participantId);
    const acks = await Promise.all(Array.from({ length: 10 }, (_, i) => room.execute(pia, `b${i}`, { type: 'vote:add', ideaId: 'i1' })));
    await advance(250);
    const dots = screenDots(sent);
    expect(dots.at(-1)).toBe(10);
    expect(dots.length).toBeLessThanOrEqual(3);
    // Pia's own slice rides in her answers (the newest has all ten dots); no message of its own follows.
    const mine = acks.map((a) => (a.ok ? (a.me?.me.votes['i1'] ?? 0) : -1));
    expect(Math.max(...mine)).toBe(10);
    expect(sent.filter((s) => s.kind === 'me')).toEqual([]);
  });

  it('still sends the slice as a message when the same person has another socket here', async () => {
    const store = new GatedStore();
    const { room, pia, sent } = await votingRoom(store);
    room.connected(pia.participantId);
    room.connected(pia.participantId);
    const ack = await room.execute(pia, 'two-tabs', { type: 'vote:add', ideaId: 'i1' });
    await advance(50);
    expect(ack).toMatchObject({ ok: true, me: { me: { votes: { i1: 1 } } } });
    const lastMe = sent.filter((s) => s.kind === 'me').at(-1)?.msg as MeMessage | undefined;
    expect(lastMe?.me.votes).toEqual({ i1: 1 });
    // A resend of the same op gets the first answer without the slice: it may be stale by then.
    expect(await room.execute(pia, 'two-tabs', { type: 'vote:add', ideaId: 'i1' })).toEqual({ ok: true, version: ack.ok ? ack.version : -1 });
  });

  it('answers a resent join only once the first is durable, with the same participant', async () => {
    const store = new GatedStore();
    const { room } = await votingRoom(store);
    let open!: () => void;
    store.gate = new Promise((r) => (open = r));
    const token = 'a-token-made-by-the-phone';
    const first = room.join('Bo', '', token);
    let resentAnswered = false;
    const resent = room.join('Bo', '', token).then((a) => {
      resentAnswered = true;
      return a;
    });
    await advance(100);
    expect(resentAnswered).toBe(false);
    open();
    const [a, b] = await Promise.all([first, resent]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    const joins = (await store.loadEvents(room.id)).filter((e) => e.event.type === 'participant.joined');
    expect(joins).toHaveLength(2); // Pia from the set-up, and Bo once
  });

  it('leaves the facilitator’s list alone for a phone’s dot, named or anonymous, and refreshes it for a paper ballot', async () => {
    const store = new GatedStore();
    const { room, pia, sent } = await votingRoom(store);
    const fac = { role: 'facilitator' } as const;
    await room.execute(fac, 'paper', { type: 'participant:add', participantId: 'papper', name: 'Per på papper' });
    await advance(300);
    sent.length = 0;
    // Built, not only sent: an unchanged list is not sent again, but building it is the cost.
    const built = room.broadcastsBuilt.get('facilitator:view') ?? 0;
    const facilitatorViews = () => (room.broadcastsBuilt.get('facilitator:view') ?? 0) - built;
    // Named: each person's dots reach the facilitator in the tally.
    for (let i = 0; i < 3; i++) await room.execute(pia, `n${i}`, { type: 'vote:add', ideaId: 'i1' });
    await advance(300);
    expect(facilitatorViews()).toBe(0);
    const ballots = sent.filter((s) => s.kind === 'tally' && s.role === 'facilitator').map((s) => (s.msg as TallyMessage).tally.ballots);
    expect(ballots.at(-1)?.[pia.participantId]).toEqual({ i1: 3 });
    await room.execute(fac, 'anon', { type: 'voting:configure', settings: { anonymous: true } });
    await advance(300);
    const afterConfigure = facilitatorViews();
    for (let i = 0; i < 3; i++) await room.execute(pia, `a${i}`, { type: 'vote:add', ideaId: 'i1' });
    await advance(300);
    expect(facilitatorViews()).toBe(afterConfigure);
    // The facilitator fills in a paper ballot: their list shows it.
    await room.execute(fac, 'p1', { type: 'vote:add', ideaId: 'i1', participantId: 'papper' });
    await advance(300);
    expect(facilitatorViews()).toBe(afterConfigure + 1);
  });

  it('keeps answers in memory for a while only; an older resend gets its stored answer and changes nothing', async () => {
    const store = new GatedStore();
    const { room, pia } = await votingRoom(store);
    const first = await room.execute(pia, 'old', { type: 'vote:add', ideaId: 'i1' });
    expect(first).toMatchObject({ ok: true });
    // Nine more dots spend the budget; then the room's memory of the first answer ends.
    for (let i = 0; i < 9; i++) await room.execute(pia, `d${i}`, { type: 'vote:add', ideaId: 'i1' });
    await advance(2 * ANSWER_MEMORY_MS + 1000);
    await room.execute(pia, 'later', { type: 'vote:remove', ideaId: 'i1' });
    const findOp = vi.spyOn(store, 'findOp');
    // The budget has room again: decided afresh, the resend would add an eleventh dot; the store refuses the op id.
    const again = await room.execute(pia, 'old', { type: 'vote:add', ideaId: 'i1' });
    expect(findOp).toHaveBeenCalledTimes(1);
    expect(again).toEqual({ ok: true, version: (first as { version: number }).version });
    expect(room.snapshot.tallies['i1']).toBe(9);
    expect((await store.loadOps(room.id)).filter((o) => o.opId === 'old')).toHaveLength(1);
    // With the budget spent, a resend would be refused if decided afresh: it gets the stored answer too.
    await room.execute(pia, 'last', { type: 'vote:add', ideaId: 'i1' });
    await advance(2 * ANSWER_MEMORY_MS + 1000);
    await room.execute(pia, 'newer', { type: 'participant:done', done: true });
    expect(await room.execute(pia, 'd0', { type: 'vote:add', ideaId: 'i1' })).toMatchObject({ ok: true });
    expect(room.snapshot.tallies['i1']).toBe(10);
    // Answered from memory now: the store is not asked again.
    findOp.mockClear();
    await room.execute(pia, 'd0', { type: 'vote:add', ideaId: 'i1' });
    expect(findOp).not.toHaveBeenCalled();
  });

  it('counts who is online as people join, come, go and are removed, as a count from scratch does', async () => {
    const store = new GatedStore();
    const { room, pia } = await votingRoom(store);
    const fac = { role: 'facilitator' } as const;
    const online = new Map<string, number>();
    const come = (id: string) => {
      online.set(id, (online.get(id) ?? 0) + 1);
      room.connected(id);
    };
    const go = (id: string) => {
      const n = (online.get(id) ?? 0) - 1;
      if (n > 0) online.set(id, n);
      else online.delete(id);
      room.disconnected(id);
    };
    const removed = new Set<string>();
    const expected = () => [...online.keys()].filter((id) => !removed.has(id)).length;
    const shown = () => (room.tallyMessage('screen').tally as { online: number }).online;
    come(pia.participantId);
    expect(shown()).toBe(1);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const joined = await room.join(`Deltagare ${i}`, '', undefined);
      if (!joined.ok) throw new Error('join failed');
      ids.push(joined.participantId);
      // Most connect after their join is durable; a few have a second tab; every fifth leaves again.
      come(joined.participantId);
      if (i % 7 === 0) come(joined.participantId);
      if (i % 5 === 0) go(joined.participantId);
      expect(shown()).toBe(expected());
    }
    const gone = ids[3] as string;
    await room.execute(fac, 'rm', { type: 'participant:remove', participantId: gone });
    removed.add(gone);
    expect(shown()).toBe(expected());
    go(gone);
    go(ids[7] as string);
    expect(shown()).toBe(expected());
    // Another process reports its phones: one of ours, one only there.
    room.onlineElsewhere('other', [ids[1] as string, ids[10] as string]);
    online.set(ids[10] as string, 1);
    expect(shown()).toBe(expected());
    expect(expected()).toBeGreaterThan(30);
  });

  it("sends phones' tally when the results change, not when people join", async () => {
    // Results visible to phones while they vote: the phones' channel is live. Pia is in, not connected.
    const { room, sent } = await votingRoom(new GatedStore());
    await advance(1500);
    sent.length = 0;
    const people: string[] = [];
    for (let i = 0; i < 6; i++) {
      const joined = await room.join(`Deltagare ${i}`, '', undefined);
      if (!joined.ok) throw new Error('join failed');
      people.push(joined.participantId);
      room.connected(joined.participantId);
      await advance(400);
    }
    const tallies = (role: ViewRole) => sent.filter((m) => m.kind === 'tally' && m.role === role).map((m) => (m.msg as TallyMessage).tally);
    expect(tallies('participant')).toEqual([]);
    expect(tallies('screen').at(-1)).toMatchObject({ participants: 7, online: 6 });
    await room.execute({ role: 'participant', participantId: people[0] as string }, 'v1', { type: 'vote:add', ideaId: 'i1' });
    await advance(1100);
    // The tally that goes out is whole: results and the counts as they are now.
    expect(tallies('participant')).toHaveLength(1);
    expect(tallies('participant')[0]).toMatchObject({ participants: 7, online: 6, dotsUsed: 1, tallies: { i1: { dots: 1 } } });
  });
});
