import { describe, expect, it } from 'vitest';
import type { Actor } from '@fokus/core';
import { templateContent } from '@fokus/core';
import type { CommandAck } from '@fokus/protocol';
import { Rooms } from './rooms.ts';
import { MemoryStore } from './store/memory-store.ts';
import type { CommittedWrite, RoomOutput, RoomShare, WorkshopRoom } from './workshop-room.ts';

/**
 * Two processes on one database: two Rooms (each with its own committer and memory) over one store, linked by a
 * channel the test controls, as Redis links them in production. Messages can be held back or lost: the log
 * decides the order either way.
 */
const silent: RoomOutput = { view: () => {}, tally: () => {}, me: () => {}, removed: () => {} };
const clock = { now: () => Date.now() };

function twoProcesses(outputA: RoomOutput = silent) {
  const store = new MemoryStore();
  const channel = { deliver: true, forwards: 0 };
  const processes: Rooms[] = [];
  // Through a broker: a copy, a little later.
  const later = <T>(value: T): Promise<T> => new Promise((resolve) => setImmediate(() => resolve(structuredClone(value))));
  const linkTo = (self: number): RoomShare => ({
    process: `p${self}`,
    committed(write: CommittedWrite) {
      if (!channel.deliver) return;
      void later({ ...write, process: `p${self}` }).then((copy) => {
        for (const [i, p] of processes.entries()) if (i !== self) p.received(copy);
      });
    },
    async forward(leader, _workshopId, code, work) {
      const target = processes[Number(leader.slice(1))];
      if (!channel.deliver || !target) return null;
      channel.forwards++;
      return later(await target.forwarded(code, await later(work)));
    },
    presenceChanged() {},
    erased() {},
  });
  processes.push(new Rooms(store, outputA, clock, { share: linkTo(0) }), new Rooms(store, silent, clock, { share: linkTo(1) }));
  const [a, b] = processes as [Rooms, Rooms];
  return { store, channel, a, b };
}

async function votingWorkshop(a: Rooms, budget = 10) {
  const { room } = await a.create({ template: 'handlingsplan', lang: 'sv' });
  const fac = { role: 'facilitator' } as const;
  const boardId = templateContent('handlingsplan', 'sv').boards[0]?.id ?? '';
  for (const [i, text] of ['Studieresa', 'Samverkansöverenskommelsefrågor'].entries()) {
    await room.execute(fac, `idea${i}`, { type: 'idea:add', ideaId: `i${i}`, boardId, text });
  }
  await room.execute(fac, 'cfg', { type: 'voting:configure', settings: { budget, capPerIdea: budget, anonymous: false, hideResults: false } });
  await room.execute(fac, 'open', { type: 'voting:open' });
  return room;
}

/** One workshop, created through A and loaded by B; `deliver: false` loses every message between them. */
async function heldByBoth(options: { deliver?: boolean; budget?: number; outputA?: RoomOutput } = {}) {
  const { store, channel, a, b } = twoProcesses(options.outputA);
  channel.deliver = options.deliver ?? true;
  const roomA = await votingWorkshop(a, options.budget);
  const roomB = await b.get(roomA.code);
  if (!roomB) throw new Error('not found');
  return { store, channel, roomA, roomB };
}

/** A phone joins through a room (with a token of its own): the actor its commands run as. */
async function joinThrough(room: WorkshopRoom, name: string, token: string): Promise<Actor & { participantId: string }> {
  const joined = await room.join(name, '', token);
  if (!joined.ok) throw new Error('join failed');
  return { role: 'participant', participantId: joined.participantId };
}

const vote = (ideaId: string) => ({ type: 'vote:add', ideaId }) as const;
const accepted = (acks: CommandAck[]) => acks.filter((a) => a.ok).length;
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('one workshop through two processes', () => {
  it('accepts exactly the budget when one person votes through both at once, and both end level with the log', async () => {
    const { store, roomA, roomB } = await heldByBoth();
    const asa = await joinThrough(roomA, 'Åsa', 'token-asa');
    const acks = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? roomA : roomB).execute(asa, `v${i}`, vote(i % 3 === 0 ? 'i0' : 'i1'))));
    expect(accepted(acks)).toBe(10);
    expect(acks.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error))).toEqual(Array(6).fill('budget_exhausted'));
    const log = await store.loadEvents(roomA.id);
    expect(log.filter((e) => e.event.type === 'vote.added')).toHaveLength(10);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    await settle();
    for (const room of [roomA, roomB]) {
      expect(room.snapshot.version).toBe(log.length);
      expect(Object.values(room.snapshot.tallies).reduce((s, n) => s + n, 0)).toBe(10);
    }
  });

  it('decides again on the log when the other process’s events never arrive', async () => {
    const { store, roomA, roomB } = await heldByBoth({ deliver: false, budget: 3 });
    const actor = await joinThrough(roomA, 'Pia', 'token-pia');
    // B loaded before the dots: it thinks Pia has three left, the log says one.
    expect(await roomA.execute(actor, 'a1', vote('i0'))).toMatchObject({ ok: true });
    expect(await roomA.execute(actor, 'a2', vote('i0'))).toMatchObject({ ok: true });
    expect(await roomB.execute(actor, 'b1', vote('i1'))).toMatchObject({ ok: true });
    expect(await roomB.execute(actor, 'b2', vote('i1'))).toMatchObject({ ok: false, error: 'budget_exhausted' });
    expect((await store.loadEvents(roomA.id)).filter((e) => e.event.type === 'vote.added')).toHaveLength(3);
    expect(roomB.snapshot.tallies).toEqual({ i0: 2, i1: 1 });
  });

  it('answers an op resent through the other process with the first answer, and stores it once', async () => {
    const { store, roomA, roomB } = await heldByBoth({ deliver: false });
    const actor = await joinThrough(roomA, 'Bo', 'token-bo');
    const first = await roomA.execute(actor, 'same-op', vote('i0'));
    // The phone lost A before the ack and resends through B, which has heard nothing of it.
    const resent = await roomB.execute(actor, 'same-op', vote('i0'));
    // The first answer, without the slice of the phone that rides only on it.
    expect(resent).toEqual(first.ok ? { ok: true, version: first.version } : first);
    expect((await store.loadEvents(roomA.id)).filter((e) => e.event.type === 'vote.added')).toHaveLength(1);
    expect(roomB.snapshot.tallies).toEqual({ i0: 1 });
  });

  it('resumes through the other process a phone that joined through the first, and joins it once', async () => {
    const { store, roomA, roomB } = await heldByBoth({ deliver: false });
    const cecilia = await joinThrough(roomA, 'Cecilia', 'token-cecilia');
    expect(roomB.resume('token-cecilia')).toBeNull();
    expect(await roomB.resumeFresh('token-cecilia')).toBe(cecilia.participantId);
    // A join resent through B with the same token is the same person.
    expect(await roomB.join('Cecilia', '', 'token-cecilia')).toMatchObject({ ok: true, participantId: cecilia.participantId });
    const joins = (await store.loadEvents(roomA.id)).filter((e) => e.event.type === 'participant.joined');
    expect(joins).toHaveLength(1);
  });

  it('applies the other process’s events as they arrive, without reading the log', async () => {
    const { store, roomA, roomB } = await heldByBoth();
    const reads = { n: 0 };
    const load = store.loadEvents.bind(store);
    store.loadEvents = (id, after) => {
      reads.n++;
      return load(id, after);
    };
    const dag = await joinThrough(roomA, 'Dag', 'token-dag');
    for (let i = 0; i < 5; i++) await roomA.execute(dag, `d${i}`, vote('i1'));
    await settle();
    expect(roomB.snapshot.tallies).toEqual({ i1: 5 });
    expect(roomB.resume('token-dag')).toBe(dag.participantId);
    expect(reads.n).toBe(0);
  });

  it('hands a workshop both processes write to one of them, so that no command runs out of tries', async () => {
    const slices: { participantId: string; votes: number }[] = [];
    const outputA: RoomOutput = { ...silent, me: (_w, participantId, msg) => slices.push({ participantId, votes: msg.me.votes['i0'] ?? 0 }) };
    const { store, channel, roomA, roomB } = await heldByBoth({ outputA });
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => joinThrough(i % 2 ? roomB : roomA, `Person ${i}`, `token-${i}`)));
    // Everyone places ten dots at once, through both processes.
    const acks = await Promise.all(
      people.flatMap((person, p) =>
        Array.from({ length: 10 }, (_, d) => ((p + d) % 2 ? roomB : roomA).execute(person, `${p}-${d}`, vote(d % 2 ? 'i0' : 'i1'))),
      ),
    );
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    expect((await store.loadEvents(roomA.id)).filter((e) => e.event.type === 'vote.added')).toHaveLength(200);
    // B (p1) learnt that A (p0) writes the workshop too, and handed its work over rather than racing it.
    expect(channel.forwards).toBeGreaterThan(0);
    await settle();
    expect(roomB.snapshot.tallies).toEqual({ i0: 100, i1: 100 });
    // A handed-over answer carries no slice of the phone: the leader's may be older than what B has sent it.
    const late = await joinThrough(roomA, 'Sen', 'token-late');
    roomA.connected(late.participantId);
    const before = channel.forwards;
    const ack = await roomB.execute(late, 'late-1', vote('i0'));
    expect(channel.forwards).toBe(before + 1);
    expect(ack).toEqual({ ok: true, version: expect.any(Number) });
    // The same person's socket on A (the leader, which decided it) still gets the new slice as a message.
    await settle();
    expect(slices.filter((m) => m.participantId === late.participantId).at(-1)?.votes).toBe(1);
  });
});
