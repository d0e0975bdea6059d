/**
 * A swarm of simulated phones in its own process (forked by run-bench.ts). Each phone connects, joins with
 * a token it made, waits for voting to open, casts its dots at random moments of the window (in the soak:
 * adds them all and takes them back, over and over, for the whole window), awaiting each ack, resending with
 * the same op id after a lost connection or a 10 s silence, and reports to its parent.
 */
import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import { seededRandom } from '@fokus/core';
import type { Socket } from 'socket.io-client';
import type { Dialect } from './dialects.ts';
import { dialectOf } from './dialects.ts';
import type { AckRecord, CoordinatorMessage, StartMessage, Target, WorkerMessage, WorkerResult } from './types.ts';

const ACK_TIMEOUT_MS = 10_000;
const JOIN_TIMEOUT_MS = 15_000;
const MAX_ATTEMPTS = 6;
/**
 * Answers after which nothing happened on the server. Like apps/web's CommandSender, the phone keeps the dot pending
 * and sends the same op id again after UNSAVED_RETRY_MS; the ack time includes the wait, as the person sees it.
 */
const RETRYABLE: ReadonlySet<string> = new Set(['storage_unavailable']);
const UNSAVED_RETRY_MS = 3000;
const MAX_UNSAVED_RETRIES = 20;
/**
 * The soak's pace: a phone sends a command every SOAK_GAP_MS on average (500 phones ≈ 250 commands/s), whatever
 * its budget. Each gap is drawn from half to one and a half times that, so the phones drift apart and the server
 * sees a steady stream rather than waves.
 */
const SOAK_GAP_MS = 2000;

/**
 * Taking a dot back, on each wire (dialects.ts speaks only adding): Fokus's vote:remove command, and the
 * baseline's 'dot' flagged `remove` (baseline-server.ts).
 */
function removeRequest(target: Target, opId: string, ideaId: string): { event: string; payload: unknown } {
  return target === 'fokus'
    ? { event: 'workshop:command', payload: { opId, command: { type: 'vote:remove', ideaId } } }
    : { event: 'dot', payload: { opId, ideaId, remove: true } };
}

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

type Outcome = { kind: 'ok' } | { kind: 'refused'; error: string } | { kind: 'retry' };

class Phone {
  socket: Socket;
  readonly token = randomBytes(18).toString('base64url');
  counting = false;
  messages = 0;
  reconnects = 0;
  private resuming: Promise<void> = Promise.resolve();
  private opened = false;
  private openWaiters: Array<() => void> = [];

  constructor(
    private readonly url: string,
    private readonly code: string,
    private readonly d: Dialect,
    private readonly onFirstOpen: () => void,
  ) {
    this.socket = this.dial();
  }

  private dial(): Socket {
    const s = io(this.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 500 + Math.floor(Math.random() * 1000),
      auth: this.d.phoneAuth(this.code, this.token),
    });
    s.onAny((event: string, payload: unknown) => {
      if (this.counting) this.messages++;
      if (!this.opened && this.d.votingOpen(event, payload)) {
        this.opened = true;
        this.onFirstOpen();
        for (const w of this.openWaiters) w();
        this.openWaiters = [];
      }
    });
    return s;
  }

  /** Resolves once the current socket is connected, or after `ms` with false. */
  async ready(ms: number): Promise<boolean> {
    // While a dropped phone is away there is no socket worth waiting on: wait for the one it comes back with.
    await this.resuming;
    const s = this.socket;
    if (s.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        s.off('connect', ok);
        resolve(false);
      }, ms);
      const ok = () => {
        clearTimeout(timer);
        resolve(true);
      };
      s.once('connect', ok);
    });
  }

  votingOpen(ms: number): Promise<boolean> {
    if (this.opened) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.openWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Emits and waits for the ack; a disconnect or silence means "send again". */
  request(event: string, payload: unknown, timeoutMs: number): Promise<{ ack: unknown } | null> {
    const s = this.socket;
    return new Promise((resolve) => {
      let settled = false;
      const done = (v: { ack: unknown } | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        s.off('disconnect', lost);
        resolve(v);
      };
      const lost = () => done(null);
      const timer = setTimeout(lost, timeoutMs);
      s.on('disconnect', lost);
      s.emit(event, payload, (ack: unknown) => {
        if (this.counting) this.messages++;
        done({ ack });
      });
    });
  }

  /** A vote command (adding a dot, or taking one back) sent once; both answer with the same ack. */
  async vote(event: string, payload: unknown): Promise<Outcome> {
    if (!(await this.ready(ACK_TIMEOUT_MS))) return { kind: 'retry' };
    const r = await this.request(event, payload, ACK_TIMEOUT_MS);
    return r ? this.d.voteOutcome(r.ack) : { kind: 'retry' };
  }

  /** The phone loses its connection (tab closed, network switch) and comes back with its token. */
  dropAndResume(pauseMs: number): Promise<void> {
    this.socket.disconnect();
    this.resuming = sleep(pauseMs).then(() => {
      this.reconnects++;
      this.socket = this.dial();
    });
    return this.resuming;
  }

  close(): void {
    this.socket.disconnect();
  }
}

async function run(start: StartMessage): Promise<WorkerResult> {
  const d = dialectOf(start.target);
  const t0 = now();
  const cpu0 = process.cpuUsage();
  let votingT0 = 0;
  let votingCpu0: NodeJS.CpuUsage | null = null;
  const firstOpen = () => {
    if (votingCpu0) return;
    votingCpu0 = process.cpuUsage();
    votingT0 = now();
  };

  const res: WorkerResult = {
    type: 'done',
    joined: 0,
    joinFailed: 0,
    joinMs: [],
    joinConnectMs: [],
    attempted: 0,
    acked: [],
    refused: {},
    unsaved: {},
    joinUnsaved: 0,
    joinErrors: {},
    resends: 0,
    reconnects: 0,
    messages: 0,
    cpuMs: 0,
    wallMs: 0,
    votingCpuMs: 0,
    votingWallMs: 0,
  };
  const refuse = (error: string) => {
    res.refused[error] = (res.refused[error] ?? 0) + 1;
  };
  const phones: Phone[] = [];
  const progress = setInterval(() => send({ type: 'joined', joined: res.joined, failed: res.joinFailed }), 250);

  const simulate = async (n: number): Promise<void> => {
    const random = seededRandom(start.seed * 1_000_003 + n); // repeatable schedule per phone
    const room = start.rooms[n % start.rooms.length];
    if (!room) throw new Error('no room');
    // Round-robin within the room: its phones spread evenly over the server processes.
    const proc = Math.floor(n / start.rooms.length) % start.urls.length;
    await sleep(random() * start.joinWindowMs);
    const phone = new Phone(start.urls[proc] ?? '', room.code, d, firstOpen);
    phones.push(phone);

    const joinStart = now();
    let joined = false;
    let unsavedJoins = 0;
    let lastError = 'no_answer';
    let connectedAfter = Number.NaN;
    for (let attempt = 0; attempt < 3 && !joined; attempt++) {
      if (!(await phone.ready(JOIN_TIMEOUT_MS))) continue;
      if (Number.isNaN(connectedAfter)) connectedAfter = now() - joinStart;
      const r = await phone.request(d.joinEvent, d.joinPayload(`Phone ${n}`, phone.token), JOIN_TIMEOUT_MS);
      joined = !!r && d.joinOk(r.ack);
      const error = r && !joined ? d.joinError(r.ack) : null;
      if (!joined) lastError = error ?? (r ? 'malformed_ack' : 'no_answer');
      // "Could not be saved, try again": the person reads it and taps Join again, with the same token.
      if (error && RETRYABLE.has(error) && unsavedJoins < MAX_UNSAVED_RETRIES) {
        unsavedJoins++;
        res.joinUnsaved++;
        attempt--;
        await sleep(UNSAVED_RETRY_MS);
      }
    }
    if (!joined) {
      res.joinFailed++;
      res.joinErrors[lastError] = (res.joinErrors[lastError] ?? 0) + 1;
      return;
    }
    res.joinMs.push(now() - joinStart);
    res.joinConnectMs.push(connectedAfter);
    res.joined++;

    if (!(await phone.votingOpen(start.joinWindowMs + 120_000))) return refuse('voting_never_opened');
    phone.counting = true;
    const openAt = now();
    const randomIdea = (): string => room.ideaIds[Math.floor(random() * room.ideaIds.length)] ?? '';

    /** Sends one command until it is answered (same op id throughout) and records the outcome; true when acked. */
    const cast = async (delta: 1 | -1, { event, payload }: { event: string; payload: unknown }): Promise<boolean> => {
      res.attempted++;
      const sentAt = now();
      let outcome: Outcome = { kind: 'retry' };
      for (let unsaved = 0; ; unsaved++) {
        outcome = { kind: 'retry' };
        for (let attempt = 0; attempt < MAX_ATTEMPTS && outcome.kind === 'retry'; attempt++) {
          if (attempt > 0) res.resends++;
          outcome = await phone.vote(event, payload);
        }
        if (outcome.kind !== 'refused' || !RETRYABLE.has(outcome.error) || unsaved >= MAX_UNSAVED_RETRIES) break;
        res.unsaved[outcome.error] = (res.unsaved[outcome.error] ?? 0) + 1;
        await sleep(UNSAVED_RETRY_MS);
      }
      const ack: AckRecord = { room: room.index, process: proc, sentAt, ackedAt: now(), delta };
      if (outcome.kind === 'ok') res.acked.push(ack);
      else refuse(outcome.kind === 'refused' ? outcome.error : 'no_ack');
      return outcome.kind === 'ok';
    };
    const add = (opId: string, ideaId: string) => ({ event: d.voteEvent, payload: d.votePayload(opId, ideaId) });

    if (start.scenario === 'soak') {
      // Add the whole budget one dot at a time, then take them back one at a time (last first), until the window ends.
      const held: string[] = [];
      let adding = true;
      const end = openAt + start.voteWindowMs;
      let next = openAt + random() * SOAK_GAP_MS;
      for (let i = 0; next < end; i++) {
        await sleep(next - now());
        if (held.length >= start.dotsPerPhone) adding = false;
        if (held.length === 0) adding = true;
        const opId = `p${n}-v${i}`;
        if (adding) {
          const ideaId = randomIdea();
          if (await cast(1, add(opId, ideaId))) held.push(ideaId);
        } else {
          const ideaId = held.at(-1) ?? '';
          if (await cast(-1, removeRequest(start.target, opId, ideaId))) held.pop();
        }
        // A slow answer delays the next command rather than bunching the ones after it.
        next = Math.max(now(), next + SOAK_GAP_MS * (0.5 + random()));
      }
      return;
    }

    const times = Array.from({ length: start.dotsPerPhone }, () => random() * start.voteWindowMs).sort((a, b) => a - b);
    const drop =
      start.scenario === 'reconnect-storm'
        ? sleep(start.voteWindowMs * (0.3 + 0.4 * random())).then(() => phone.dropAndResume(random() * 2000))
        : Promise.resolve();
    for (let i = 0; i < times.length; i++) {
      await sleep(openAt + (times[i] ?? 0) - now());
      const ideaId = randomIdea();
      await cast(1, add(`p${n}-v${i}`, ideaId));
    }
    await drop;
  };

  await Promise.all(Array.from({ length: start.phoneTo - start.phoneFrom }, (_, i) => simulate(start.phoneFrom + i)));
  clearInterval(progress);
  send({ type: 'joined', joined: res.joined, failed: res.joinFailed });

  for (const p of phones) {
    res.messages += p.messages;
    res.reconnects += p.reconnects;
    p.counting = false;
  }
  const cpu = process.cpuUsage(cpu0);
  res.cpuMs = (cpu.user + cpu.system) / 1000;
  res.wallMs = now() - t0;
  if (votingCpu0) {
    const v = process.cpuUsage(votingCpu0);
    res.votingCpuMs = (v.user + v.system) / 1000;
    res.votingWallMs = now() - votingT0;
  }
  // Stay connected until told to stop, so leaving phones don't move the figures being measured.
  stopHooks.push(() => {
    for (const p of phones) p.close();
  });
  return res;
}

const stopHooks: Array<() => void> = [];
const send = (msg: WorkerMessage): void => {
  process.send?.(msg);
};

process.on('message', (msg: CoordinatorMessage) => {
  if (msg.type === 'start') {
    run(msg).then(send, (err: unknown) => send({ type: 'error', message: String(err) }));
  } else {
    for (const h of stopHooks) h();
    setTimeout(() => process.exit(0), 200);
  }
});
// Never outlive the coordinator.
process.on('disconnect', () => process.exit(0));
