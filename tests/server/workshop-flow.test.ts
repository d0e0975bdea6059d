import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, answerOf, createWorkshop, newOpId, newToken } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';

let server: RunningServer;
const clients: Client[] = [];
const track = (c: Client) => {
  clients.push(c);
  return c;
};

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.stop();
});

async function setup() {
  const created = await createWorkshop(server.url);
  const facilitator = track(await Client.connect(server.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey }));
  const screen = track(await Client.connect(server.url, { code: created.code, role: 'screen' }));
  const phone = async (name: string, token = newToken()) => {
    const c = track(await Client.connect(server.url, { code: created.code, role: 'participant' }));
    const ack = await c.join(name, token);
    if (!ack.ok) throw new Error(ack.message);
    return { client: c, token, participantId: ack.participantId, name: ack.name };
  };
  return { created, facilitator, screen, phone };
}

describe('a whole workshop over the wire', () => {
  it('runs from creation through groups, ideas, a merge, voting and reveal to the focus list', async () => {
    const { created, facilitator, screen, phone } = await setup();
    const anna = await phone('Anna');
    const bo = await phone('Bo');
    const anna2 = await phone('anna');
    expect(anna2.name).toBe('anna (2)');

    await facilitator.must({
      type: 'group:split',
      groups: [
        { id: 'g1', name: 'Grupp 1' },
        { id: 'g2', name: 'Grupp 2' },
      ],
      seed: 7,
    });
    await facilitator.must({ type: 'agenda:goto', stepIndex: 1 });
    await anna.client.until((c) => c.view?.view.stepIndex === 1);

    expect((await anna.client.send({ type: 'idea:add', ideaId: 'i-studie', boardId: 'omvarld', text: 'Studieresa' })).ok).toBe(true);
    expect((await bo.client.send({ type: 'idea:add', ideaId: 'i-trygg', boardId: 'erfarenhet', text: 'Trygghet' })).ok).toBe(true);
    expect((await bo.client.send({ type: 'idea:add', ideaId: 'i-trygg2', boardId: 'erfarenhet', text: 'Trygghet i city' })).ok).toBe(true);
    expect((await anna2.client.send({ type: 'idea:add', ideaId: 'i-policy', boardId: 'gemensamt', text: 'Policy/branschpraxis' })).ok).toBe(true);
    await screen.until((c) => c.view?.view.ideas.length === 4);
    // The screen marks ideas by group and never learns who wrote them.
    expect(screen.view?.view.ideas.every((i) => i.groupId !== null)).toBe(true);
    expect(JSON.stringify(screen.view)).not.toContain(anna.participantId);

    await facilitator.must({ type: 'idea:merge', targetId: 'i-trygg', sourceIds: ['i-trygg2'] });
    await facilitator.must({ type: 'agenda:goto', stepIndex: 4 });
    await facilitator.must({ type: 'voting:open' });
    await anna.client.until((c) => c.view?.view.voting.status === 'open');

    const cast = async (p: { client: Client }, ideaId: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const ack = await p.client.send({ type: 'vote:add', ideaId });
        if (!ack.ok) throw new Error(ack.message);
      }
    };
    await cast(anna, 'i-studie', 6);
    await cast(anna, 'i-trygg', 4);
    await cast(bo, 'i-studie', 5);
    await cast(bo, 'i-policy', 5);
    await cast(anna2, 'i-trygg', 3);
    await cast(anna2, 'i-policy', 1);
    // Anna has spent all ten: the server refuses the eleventh whatever the phone shows.
    const over = await anna.client.send({ type: 'vote:add', ideaId: 'i-policy' });
    expect(over).toMatchObject({ ok: false, error: 'budget_exhausted' });
    await anna.client.until((c) => Object.values(c.me?.me.votes ?? {}).reduce((a, b) => a + b, 0) === 10);
    // Anonymous: the figures move once three people have said "klar".
    for (const p of [anna, bo, anna2]) await p.client.must({ type: 'participant:done', done: true });

    // Hidden until reveal: the screen sees progress but no tallies.
    await screen.until((c) => c.tally?.tally.dotsUsed === 24);
    expect(screen.tally?.tally.tallies).toBeNull();
    expect(anna.client.tally?.tally.tallies).toBeNull();

    await facilitator.must({ type: 'voting:close' });
    await facilitator.must({ type: 'voting:reveal', revealed: true });
    await screen.until((c) => c.tally?.tally.tallies !== null && c.tally?.tally.tallies !== undefined);
    expect(screen.tally?.tally.tallies).toEqual({
      'i-studie': { dots: 11, voters: 2 },
      'i-trygg': { dots: 7, voters: 2 },
      'i-policy': { dots: 6, voters: 2 },
    });

    await facilitator.must({ type: 'focus:suggest', mode: 'threshold', value: 7 });
    await facilitator.must({ type: 'focus:toggle', ideaId: 'i-policy', included: true });
    const res = await fetch(`${server.url}/api/workshops/${created.code}/export.json`, { headers: { authorization: `Bearer ${created.facilitatorKey}` } });
    // export.json is the documentation model (@fokus/report): each board's focus list, ideas by their text.
    const exported = (await res.json()) as { boards: { id: string; focus: { text: string; dots: number }[] }[] };
    const focus = Object.fromEntries(exported.boards.map((b) => [b.id, b.focus.map((f) => `${f.text} ${f.dots}`)]));
    expect(focus).toEqual({ omvarld: ['Studieresa 11'], erfarenhet: ['Trygghet 7'], gemensamt: ['Policy/branschpraxis 6'], kollegialt: [] });
  });

  it('resumes the same participant with its token, never a duplicate', async () => {
    const { created, facilitator, phone } = await setup();
    const anna = await phone('Anna');
    anna.client.close();
    const again = track(await Client.connect(server.url, { code: created.code, role: 'participant', token: anna.token }));
    await again.until((c) => c.me !== null);
    expect(again.me?.me.participantId).toBe(anna.participantId);
    // A join resent with the same token (its first answer lost) is the same join.
    const rejoin = await again.join('Anna', anna.token);
    expect(rejoin).toMatchObject({ ok: true, participantId: anna.participantId });
    await facilitator.until((c) => c.view?.view.participants?.length === 1);
    expect(facilitator.view?.view.participants?.map((p) => p.name)).toEqual(['Anna']);
  });

  it('counts a resent op id once and answers it with the original answer', async () => {
    const { facilitator, phone } = await setup();
    await facilitator.must({ type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'Studieresa' });
    await facilitator.must({ type: 'voting:open' });
    const bo = await phone('Bo');
    const opId = newOpId();
    const [a, b] = await Promise.all([bo.client.send({ type: 'vote:add', ideaId: 'i1' }, opId), bo.client.send({ type: 'vote:add', ideaId: 'i1' }, opId)]);
    const c = await bo.client.send({ type: 'vote:add', ideaId: 'i1' }, opId);
    expect(a).toEqual(b);
    expect(c).toEqual(answerOf(a));
    // All three are answered, so whatever they did is in the room: ask it instead of waiting a while
    // (after closing: anonymous voting shows one person's dot only then).
    await facilitator.must({ type: 'voting:close' });
    const { tally } = await facilitator.sync();
    expect(tally.tally.dotsUsed).toBe(1);
    expect(tally.tally.tallies?.['i1']?.dots).toBe(1);
  });

  it('refuses facilitator commands from a phone and any command from the screen', async () => {
    const { facilitator, screen, phone } = await setup();
    const bo = await phone('Bo');
    for (const command of [
      { type: 'voting:open' },
      { type: 'agenda:goto', stepIndex: 2 },
      { type: 'participant:remove', participantId: bo.participantId },
      { type: 'voting:configure', settings: { budget: 50 } },
    ] as const) {
      expect(await bo.client.send(command)).toMatchObject({ ok: false, error: 'forbidden' });
    }
    expect(await screen.send({ type: 'voting:open' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(facilitator.view?.view.voting.status).toBe('idle');
  });

  it('keeps workshops apart', async () => {
    const one = await setup();
    const otherCreated = await createWorkshop(server.url);
    const otherScreen = track(await Client.connect(server.url, { code: otherCreated.code, role: 'screen' }));
    const before = otherScreen.received.length;
    await one.facilitator.must({ type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'Bara här' });
    await one.phone('Anna');
    await one.screen.until((c) => c.view?.view.ideas.length === 1 && c.tally?.tally.participants === 1);
    // Anything the server sent the other screen by now arrives before the answer to its sync.
    await otherScreen.sync();
    expect(otherScreen.received.length).toBe(before);
    expect(otherScreen.view?.view.ideas).toEqual([]);
  });

  it('keeps individual votes on the server when voting is anonymous', async () => {
    const { facilitator, screen, phone } = await setup();
    await facilitator.must({ type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'Studieresa' });
    await facilitator.must({ type: 'voting:configure', settings: { hideResults: false } });
    await facilitator.must({ type: 'voting:open' });
    const anna = await phone('Anna');
    const bo = await phone('Bo');
    await anna.client.must({ type: 'vote:add', ideaId: 'i1' });
    await anna.client.must({ type: 'participant:done', done: true });
    // One person's dot is not shown on its own, not even with "klar" (anonymity-gate.ts)...
    for (const c of [facilitator, screen]) expect((await c.sync()).tally.tally).toMatchObject({ dotsUsed: 0, tallies: {}, done: 1 });
    const seen = (await facilitator.sync()).view.view.participants?.find((p) => p.id === anna.participantId);
    expect(seen).toMatchObject({ done: true });
    expect(seen).not.toHaveProperty('dotsUsed');
    // ...only once voting closes.
    await facilitator.must({ type: 'voting:close' });
    await facilitator.until((c) => c.tally?.tally.dotsUsed === 1);
    await screen.until((c) => c.tally?.tally.tallies?.['i1']?.dots === 1);
    await bo.client.until((c) => c.tally?.tally.tallies?.['i1']?.dots === 1, 2000);
    for (const c of [facilitator, screen, bo.client]) expect(c.tally?.tally.ballots).toBeUndefined();
    expect(bo.client.me?.me.votes).toEqual({});
    expect(anna.client.me?.me.votes).toEqual({ i1: 1 });
  });

  it('shows ballots to the facilitator only when voting is not anonymous', async () => {
    const { facilitator, screen, phone } = await setup();
    await facilitator.must({ type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'Studieresa' });
    await facilitator.must({ type: 'voting:configure', settings: { anonymous: false } });
    await facilitator.must({ type: 'voting:open' });
    const anna = await phone('Anna');
    await anna.client.must({ type: 'vote:add', ideaId: 'i1' });
    await facilitator.until((c) => c.tally?.tally.ballots?.[anna.participantId]?.['i1'] === 1);
    await screen.until((c) => c.tally?.tally.dotsUsed === 1);
    expect(screen.tally?.tally.ballots).toBeUndefined();
  });

  it('removes a participant: dots returned, token refused', async () => {
    const { created, facilitator, phone } = await setup();
    await facilitator.must({ type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'Studieresa' });
    // Named, so that his one dot shows before he goes (anonymous voting would hold it back).
    await facilitator.must({ type: 'voting:configure', settings: { anonymous: false } });
    await facilitator.must({ type: 'voting:open' });
    const bo = await phone('Bo');
    await bo.client.must({ type: 'vote:add', ideaId: 'i1' });
    await facilitator.until((c) => c.tally?.tally.dotsUsed === 1);
    await facilitator.must({ type: 'participant:remove', participantId: bo.participantId });
    await bo.client.until((c) => c.removed);
    await facilitator.until((c) => c.tally?.tally.dotsUsed === 0);
    await expect(Client.connect(server.url, { code: created.code, role: 'participant', token: bo.token })).rejects.toMatchObject({
      data: { error: 'unauthorized' },
    });
  });
});

describe('bad input', () => {
  it('answers malformed commands with a typed error and changes nothing', async () => {
    const { facilitator } = await setup();
    const version = facilitator.view?.view && (await facilitator.must({ type: 'timer:reset' }));
    const raw = (payload: unknown) =>
      facilitator.socket.timeout(2000).emitWithAck('workshop:command', payload as never) as Promise<{ ok: boolean; error?: string }>;
    for (const payload of [
      null,
      'vote',
      { opId: 'x', command: { type: 'nope' } },
      { opId: 'bad id!', command: { type: 'timer:reset' } },
      { opId: 'x1', command: { type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: '' } },
      { opId: 'x2', command: { type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'x'.repeat(201) } },
      { opId: 'x3', command: { type: 'voting:configure', settings: { budget: -1 } } },
      { opId: 'x4', command: { type: 'timer:reset', extra: true } },
    ]) {
      expect(await raw(payload)).toMatchObject({ ok: false, error: 'bad_request' });
    }
    const after = await facilitator.must({ type: 'timer:reset' });
    expect(after).toBe((version ?? 0) + 1);
  });

  it('closes the socket of an oversized message and keeps serving everyone else', async () => {
    const { facilitator, screen } = await setup();
    const closed = new Promise<string>((resolve) => facilitator.socket.once('disconnect', (reason) => resolve(reason)));
    facilitator.socket.emit(
      'workshop:command',
      { opId: 'big', command: { type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'x'.repeat(100_000) } },
      () => {},
    );
    expect(await closed).toBe('transport close');
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(screen.socket.connected).toBe(true);
  });

  it('refuses a wrong protocol version, a wrong key and an unknown code at the handshake', async () => {
    const { created } = await setup();
    await expect(Client.connect(server.url, { code: created.code, role: 'screen', v: 999 })).rejects.toMatchObject({ data: { error: 'version_mismatch' } });
    await expect(Client.connect(server.url, { code: created.code, role: 'facilitator', key: 'x'.repeat(24) })).rejects.toMatchObject({
      data: { error: 'unauthorized' },
    });
    await expect(Client.connect(server.url, { code: 'ZZZZZZ', role: 'screen' })).rejects.toMatchObject({ data: { error: 'not_found' } });
    await expect(Client.connect(server.url, { code: 'not a code', role: 'screen' })).rejects.toMatchObject({ data: { error: 'bad_request' } });
  });

  it('refuses a socket from a foreign origin', async () => {
    const { created } = await setup();
    const { io } = await import('socket.io-client');
    const socket = io(server.url, {
      transports: ['polling'],
      extraHeaders: { origin: 'https://evil.example' },
      auth: { v: 1, code: created.code, role: 'screen' },
      reconnection: false,
    });
    const err = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.close();
    expect(err).toBeInstanceOf(Error);
  });
});
