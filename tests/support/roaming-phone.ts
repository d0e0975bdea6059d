import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@fokus/protocol';
import type { ClientCommand, CommandAck, MeMessage, Role, TallyMessage, ViewMessage } from '@fokus/protocol';
import type { FokusSocket } from './fokus-client.ts';
import { newOpId, newToken } from './fokus-client.ts';

/**
 * A phone (or screen, or facilitator) that behaves like the web client when its process goes away: it keeps
 * every command pending until answered, and after a lost connection it connects again, to whichever process
 * `route` names, with its resume token, and sends what was not answered again with the same op ids
 * (apps/web/src/realtime/sender.ts). An answer 'storage_unavailable' is sent again too, as the web client does.
 */

export interface PendingOp {
  opId: string;
  command: ClientCommand;
  ack: CommandAck | null;
  /** How often it went out (1 = never resent). */
  sends: number;
  /** When it was queued and when its final answer came (ms since the epoch). */
  queuedAt: number;
  answeredAt: number | null;
}

export interface Reconnect {
  from: string;
  to: string;
  /** From the lost connection to the greeting on the new one. */
  ms: number;
}

export interface RoamingOptions {
  code: string;
  role: Role;
  key?: string;
  /** The process to (re)connect to; `attempt` counts failed tries of this reconnect. */
  route: (attempt: number) => string;
  /** Socket.IO's default (long-polling first, then upgrade) instead of websocket only. */
  defaultTransports?: boolean;
  /** Wait before reconnecting after a lost connection (Socket.IO's client waits about a second); 0 by default. */
  reconnectDelayMs?: number;
  /** How long a connection attempt may take before it counts as failed (Socket.IO's default is 20 s); 5 s by default. */
  connectTimeoutMs?: number;
}

const ACK_TIMEOUT_MS = 8000;
const RETRY_MS = 200;

export class RoamingClient {
  token: string | null = null;
  /** The participant id of each session's hello, in order: a phone that kept its identity has one id throughout. */
  readonly identities: (string | null)[] = [];
  readonly ops: PendingOp[] = [];
  readonly reconnects: Reconnect[] = [];
  readonly tallies: TallyMessage[] = [];
  view: ViewMessage | null = null;
  tally: TallyMessage | null = null;
  me: MeMessage | null = null;
  url = '';
  /** Why connection attempts failed (a refusal, a time-out), in order. */
  readonly failures: string[] = [];
  /** Answers 'storage_unavailable' received (each sent again). */
  retries = 0;
  private socket: FokusSocket | null = null;
  private closed = false;
  private readonly waiting = new Map<string, (ack: CommandAck) => void>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: RoamingOptions) {}

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** The Engine.IO transport in use ('polling' until the upgrade, then 'websocket'); null when not connected. */
  get transport(): string | null {
    return this.socket?.io.engine?.transport?.name ?? null;
  }

  /** Connects (to `route(0)`, trying further routes on refusal) and resolves on the greeting's tally. */
  async start(): Promise<void> {
    await this.open(Date.now(), null);
  }

  private async open(lostAt: number, from: string | null): Promise<void> {
    if (from !== null && this.options.reconnectDelayMs) await sleep(this.options.reconnectDelayMs);
    for (let attempt = 0; !this.closed; attempt++) {
      const url = this.options.route(attempt);
      try {
        await this.connectTo(url);
        if (from !== null) this.reconnects.push({ from, to: url, ms: Date.now() - lostAt });
        this.flush();
        return;
      } catch (err) {
        this.failures.push(`${url}: ${(err as Error).message}`);
        if (attempt > 200) throw err;
        await sleep(100);
      }
    }
  }

  private connectTo(url: string): Promise<void> {
    const { code, role, key } = this.options;
    const socket: FokusSocket = io(url, {
      auth: { v: PROTOCOL_VERSION, code, role, ...(key ? { key } : {}), ...(this.token ? { token: this.token } : {}) },
      ...(this.options.defaultTransports ? {} : { transports: ['websocket'] }),
      reconnection: false,
      forceNew: true,
      timeout: this.options.connectTimeoutMs ?? 5000,
    });
    return new Promise((done, fail) => {
      socket.once('connect_error', (err) => {
        socket.close();
        fail(err);
      });
      // Lost between the handshake and the greeting (the process went): try again elsewhere.
      const early = () => {
        socket.close();
        fail(new Error('disconnected before the greeting'));
      };
      socket.once('disconnect', early);
      socket.on('session:hello', (m) => this.identities.push(m.participantId));
      socket.on('workshop:view', (m) => {
        this.view = m;
      });
      socket.on('workshop:tally', (m) => {
        this.tally = m;
        this.tallies.push(m);
      });
      socket.on('participant:me', (m) => {
        this.me = m;
      });
      socket.once('workshop:tally', () => {
        socket.off('disconnect', early);
        this.socket = socket;
        this.url = url;
        socket.on('disconnect', (reason) => {
          if (this.socket !== socket) return;
          this.socket = null;
          // In flight on the lost connection: it may or may not have arrived; sent again on the next one.
          this.inFlight.clear();
          if (this.closed || reason === 'io client disconnect') return;
          void this.open(Date.now(), url);
        });
        done();
      });
    });
  }

  /** Joins with a token made here (kept before asking, as the web client does). */
  async join(name: string): Promise<string> {
    this.token ??= newToken();
    const socket = this.socket;
    if (!socket) throw new Error('not connected');
    const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('participant:join', { name, organisation: 'Key Cities Group', token: this.token });
    if (!ack.ok) throw new Error(`join refused: ${ack.error} ${ack.message}`);
    return ack.participantId;
  }

  /** Resumes as an already joined participant (the same person on another device or process). */
  useToken(token: string): void {
    this.token = token;
  }

  /** Queues a command; resolves with its final answer (ok or a refusal), however many connections that takes. */
  send(command: ClientCommand, opId = newOpId()): Promise<CommandAck> {
    const op: PendingOp = { opId, command, ack: null, sends: 0, queuedAt: Date.now(), answeredAt: null };
    this.ops.push(op);
    const answered = new Promise<CommandAck>((done) => this.waiting.set(opId, done));
    this.flush();
    return answered;
  }

  /** Sends every unanswered command not already on its way over the current connection, in order. */
  private flush(): void {
    const socket = this.socket;
    if (!socket?.connected) return;
    for (const op of this.ops) {
      if (op.ack || this.inFlight.has(op.opId)) continue;
      this.inFlight.add(op.opId);
      op.sends++;
      socket.timeout(ACK_TIMEOUT_MS).emit('workshop:command', { opId: op.opId, command: op.command }, (err: Error | null, ack: CommandAck) => {
        if (this.socket === socket) this.inFlight.delete(op.opId);
        if (err) {
          // Timed out: send again after a moment (the web client's retry), unless the connection went meanwhile.
          setTimeout(() => this.flush(), RETRY_MS);
          return;
        }
        if (!ack.ok && ack.error === 'storage_unavailable') {
          this.retries++;
          setTimeout(() => this.flush(), RETRY_MS);
          return;
        }
        // The phone's own slice rides in the answer to its command (no separate message follows it).
        if (ack.ok && ack.me) this.me = ack.me;
        if (op.ack) return;
        op.ack = ack;
        op.answeredAt = Date.now();
        this.waiting.get(op.opId)?.(ack);
        this.waiting.delete(op.opId);
      });
    }
  }

  /** Ops answered ok. */
  acked(): PendingOp[] {
    return this.ops.filter((o) => o.ack?.ok);
  }

  /** Cuts the connection without closing the client: it connects again as after a lost network. */
  drop(): void {
    this.socket?.io.engine.close();
  }

  /** Connects again after `close` (someone who left and came back), with the same token. */
  async reopen(): Promise<void> {
    this.closed = false;
    await this.open(Date.now(), null);
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
    this.socket = null;
  }
}

/** Milliseconds from queueing to the final answer: median, 99th percentile and worst, over these ops. */
export function latency(ops: readonly PendingOp[]): { p50: number; p99: number; max: number } {
  const ms = ops.flatMap((o) => (o.answeredAt === null ? [] : [o.answeredAt - o.queuedAt])).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), max: ms.at(-1) ?? NaN };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
