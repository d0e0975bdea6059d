import { describe, expect, it, vi } from 'vitest';
import type { CommandAck, CommandEnvelope } from '@fokus/protocol';
import { createFokusStore } from '../store/store.ts';
import type { MeView } from '@fokus/protocol';
import { MAX_PENDING_AGE_MS, parseStoredQueue, unsent } from './command-queue.ts';
import type { CommandTransport } from './sender.ts';
import { CommandSender } from './sender.ts';

/** A socket stand-in: records what was emitted and lets the test answer each ack by hand. */
function fakeTransport() {
  const sent: { env: CommandEnvelope; done: (r: CommandAck | 'timeout') => void }[] = [];
  let open = true;
  const transport: CommandTransport = { isOpen: () => open, emit: (env, done) => sent.push({ env, done }) };
  return { transport, sent, setOpen: (v: boolean) => (open = v) };
}

const me = (votes: Record<string, number>): MeView => ({
  participantId: 'p1',
  name: 'Pia',
  organisation: '',
  town: '',
  groupId: null,
  groupMembers: [],
  votes,
  done: false,
  ownIdeaIds: [],
  removed: false,
});

function setup() {
  const store = createFokusStore({ role: 'participant', code: 'ABC234' });
  const t = fakeTransport();
  const refused: string[] = [];
  const sender = new CommandSender(store, t.transport, { onRefused: (e) => refused.push(e), retryMs: null });
  return { store, sender, refused, ...t };
}

describe('command queue', () => {
  it('gives every command an opId the server accepts and keeps it pending until acked', () => {
    const { store, sender, sent } = setup();
    const opId = sender.send({ type: 'vote:add', ideaId: 'i1' });
    expect(opId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(sent.map((s) => s.env)).toEqual([{ opId, command: { type: 'vote:add', ideaId: 'i1' } }]);
    expect(store.getState().pending).toHaveLength(1);
  });

  it('keeps a command tapped offline and sends it exactly once, with the same opId, when back', () => {
    const { store, sender, sent, setOpen } = setup();
    setOpen(false);
    const opId = sender.send({ type: 'vote:add', ideaId: 'i1' });
    expect(sent).toHaveLength(0);
    setOpen(true);
    sender.flush();
    sender.flush();
    expect(sent.map((s) => s.env.opId)).toEqual([opId]);
    expect(store.getState().pending[0]?.opId).toBe(opId);
  });

  it('resends in-flight commands with the same opId after a reconnect', () => {
    const { sender, sent } = setup();
    const a = sender.send({ type: 'vote:add', ideaId: 'i1' });
    const b = sender.send({ type: 'vote:add', ideaId: 'i2' });
    sender.connectionLost();
    sender.flush();
    expect(sent.map((s) => s.env.opId)).toEqual([a, b, a, b]);
  });

  it('drops a command once acked and confirmed, and does not resend it', () => {
    const { store, sender, sent } = setup();
    sender.send({ type: 'vote:add', ideaId: 'i1' });
    sent[0]?.done({ ok: true, version: 5 });
    // acked but our state is older: still shown (optimistically) until a newer view arrives
    expect(store.getState().pending[0]?.ackedVersion).toBe(5);
    expect(unsent(store.getState().pending)).toHaveLength(0);
    sender.connectionLost();
    sender.flush();
    expect(sent).toHaveLength(1);
    store.getState().receiveMe({ version: 5, me: me({ i1: 1 }) });
    expect(store.getState().pending).toEqual([]);
  });

  it('drops an ack at once when the confirmed state is already that new', () => {
    const { store, sender, sent } = setup();
    sender.send({ type: 'vote:add', ideaId: 'i1' });
    store.getState().receiveMe({ version: 7, me: me({ i1: 1 }) });
    sent[0]?.done({ ok: true, version: 7 });
    expect(store.getState().pending).toEqual([]);
  });

  it('reverts a refused command and words the refusal', () => {
    const { store, sender, sent, refused } = setup();
    let result: unknown = null;
    sender.send({ type: 'vote:add', ideaId: 'i1' }, (r) => (result = r));
    sent[0]?.done({ ok: false, error: 'budget_exhausted', message: 'no dots left' });
    expect(store.getState().pending).toEqual([]);
    expect(refused).toEqual(['budget_exhausted']);
    expect(result).toEqual({ ok: false, error: 'budget_exhausted' });
  });

  it('keeps a timed-out command pending and sends it again with the same opId', () => {
    const { store, sender, sent } = setup();
    const opId = sender.send({ type: 'vote:add', ideaId: 'i1' });
    sent[0]?.done('timeout');
    expect(store.getState().pending).toHaveLength(1);
    sender.flush();
    expect(sent.map((s) => s.env.opId)).toEqual([opId, opId]);
  });

  it('keeps a command the server could not save, says so once, and sends it again with the same opId', () => {
    const { store, sender, sent, refused } = setup();
    let result: unknown = null;
    const opId = sender.send({ type: 'vote:add', ideaId: 'i1' }, (r) => (result = r));
    const notSaved = { ok: false, error: 'storage_unavailable', message: 'could not be saved, try again' } as const;
    sent[0]?.done(notSaved);
    expect(store.getState().pending.map((p) => p.opId)).toEqual([opId]);
    expect(refused).toEqual(['storage_unavailable']);
    sender.flush();
    sent[1]?.done(notSaved);
    expect(refused).toEqual(['storage_unavailable']);
    expect(result).toBeNull();
    sender.flush();
    sent[2]?.done({ ok: true, version: 9 });
    expect(sent.map((s) => s.env.opId)).toEqual([opId, opId, opId]);
    expect(result).toEqual({ ok: true });
    expect(unsent(store.getState().pending)).toEqual([]);
  });

  it('retries a command the server could not save on its own after a pause', () => {
    vi.useFakeTimers();
    try {
      const store = createFokusStore({ role: 'participant', code: 'ABC234' });
      const t = fakeTransport();
      const sender = new CommandSender(store, t.transport, { retryMs: 3000 });
      sender.send({ type: 'vote:add', ideaId: 'i1' });
      t.sent[0]?.done({ ok: false, error: 'storage_unavailable', message: '' });
      vi.advanceTimersByTime(2999);
      expect(t.sent).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(t.sent.map((s) => s.env.opId)).toEqual([t.sent[0]?.env.opId, t.sent[0]?.env.opId]);
      sender.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores a late ack for a command already settled', () => {
    const { store, sender, sent } = setup();
    sender.send({ type: 'vote:add', ideaId: 'i1' });
    sender.connectionLost();
    sender.flush();
    sent[1]?.done({ ok: false, error: 'budget_exhausted', message: '' });
    sent[0]?.done({ ok: true, version: 3 });
    expect(store.getState().pending).toEqual([]);
  });

  it('restores pending commands from storage, dropping anything malformed', () => {
    const raw = JSON.stringify([
      { opId: 'abc', command: { type: 'vote:add', ideaId: 'i1' }, at: 1, ackedVersion: 4 },
      { opId: 'bad id!', command: { type: 'vote:add', ideaId: 'i1' }, at: 1 },
      { nope: true },
    ]);
    expect(parseStoredQueue(raw, 2)).toEqual([{ opId: 'abc', command: { type: 'vote:add', ideaId: 'i1' }, at: 1 }]);
    // Past the server's window for resends, a stored command is dropped rather than risk counting twice.
    expect(parseStoredQueue(raw, 1 + MAX_PENDING_AGE_MS)).toEqual([]);
    expect(parseStoredQueue('not json', 2)).toEqual([]);
    expect(parseStoredQueue(null, 2)).toEqual([]);
  });

  it('sends restored commands on the first connect', () => {
    const store = createFokusStore({
      role: 'participant',
      code: 'ABC234',
      pending: parseStoredQueue(JSON.stringify([{ opId: 'keep1', command: { type: 'vote:add', ideaId: 'i1' }, at: 1 }]), 2),
    });
    const t = fakeTransport();
    new CommandSender(store, t.transport, { retryMs: null }).flush();
    expect(t.sent.map((s) => s.env.opId)).toEqual(['keep1']);
  });
});
