import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, applyTally } from '@fokus/protocol';
import type {
  AckError,
  ClientCommand,
  ClientToServerEvents,
  CommandAck,
  CreateWorkshopResponse,
  Handshake,
  JoinAck,
  MeMessage,
  ServerToClientEvents,
  TallyMessage,
  ViewMessage,
} from '@fokus/protocol';

/** A scripted Fokus client over the public protocol only, as docs/protocol.md describes it. */
export type FokusSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const newOpId = (): string => randomBytes(9).toString('base64url');
export const newToken = (): string => randomBytes(18).toString('base64url');

export async function createWorkshop(baseUrl: string, body: object = { template: 'handlingsplan', lang: 'sv' }): Promise<CreateWorkshopResponse> {
  const res = await fetch(`${baseUrl}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateWorkshopResponse;
}

/** What a resend must answer again: the first answer without the phone's slice (which rides only on the first). */
export function answerOf(ack: CommandAck): CommandAck {
  if (!ack.ok) return ack;
  const { me: _slice, ...answer } = ack;
  return answer;
}

/** A connected client that remembers the latest view, tally and `me` the server pushed. */
export class Client {
  view: ViewMessage | null = null;
  tally: TallyMessage | null = null;
  me: MeMessage | null = null;
  removed = false;
  readonly received: string[] = [];
  /** Re-checks of pending `until`s, run after every message has been taken in. */
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: FokusSocket) {
    socket.onAny((event: string) => {
      this.received.push(event);
      this.changed();
    });
    socket.on('workshop:view', (m) => {
      this.view = m;
      this.changed();
    });
    socket.on('workshop:tally', (m) => {
      this.tally = { ...m, tally: applyTally(this.tally?.tally, m.tally) };
      this.changed();
    });
    socket.on('participant:me', (m) => {
      this.me = m;
      this.changed();
    });
    socket.on('participant:removed', () => {
      this.removed = true;
      this.changed();
    });
  }

  private changed(): void {
    for (const recheck of [...this.waiters]) recheck();
  }

  static connect(baseUrl: string, auth: Omit<Handshake, 'v'> & { v?: number }, options: { reconnection?: boolean } = {}): Promise<Client> {
    const socket: FokusSocket = io(baseUrl, {
      auth: { v: PROTOCOL_VERSION, ...auth },
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      forceNew: true,
    });
    const client = new Client(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
      // The greeting is hello, view, tally (then `me` for a phone): wait for the tally so tests start from a known state.
      socket.once('workshop:tally', () => resolve(client));
    });
  }

  join(name: string, token: string = newToken(), organisation = ''): Promise<JoinAck> {
    return this.socket.timeout(5000).emitWithAck('participant:join', { name, organisation, token });
  }

  /** As the web client does, a phone's own slice is taken from the answer it rides in. */
  async send(command: ClientCommand, opId: string = newOpId()): Promise<CommandAck> {
    const ack = await this.socket.timeout(5000).emitWithAck('workshop:command', { opId, command });
    if (ack.ok && ack.me) {
      this.me = ack.me;
      this.changed();
    }
    return ack;
  }

  /** Sends and insists on success: for the set-up steps of a test. */
  async must(command: ClientCommand): Promise<number> {
    const ack = await this.send(command);
    if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error} ${ack.message}`);
    return ack.version;
  }

  /** Resolves once a pushed message satisfies `check` (now or later): checked on every message, not polled. */
  until(check: (c: Client) => boolean, timeoutMs = 10_000): Promise<void> {
    if (check(this)) return Promise.resolve();
    // Made here, so that a time-out names the test line that waited, not this timer.
    const timedOut = new Error(`timed out after ${timeoutMs} ms waiting for the server`);
    return new Promise((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(recheck);
        outcome();
      };
      const recheck = () => {
        if (check(this)) settle(resolve);
      };
      const timer = setTimeout(() => settle(() => reject(timedOut)), timeoutMs);
      this.waiters.add(recheck);
    });
  }

  /** The server's latest view and tally, answered after everything this socket was sent before it. */
  async sync(): Promise<{ view: ViewMessage; tally: TallyMessage; me: MeMessage | null }> {
    const ack = await this.socket.timeout(5000).emitWithAck('workshop:sync');
    if (!ack.ok) throw new Error(`workshop:sync refused: ${ack.error}`);
    return { view: ack.view, tally: ack.tally, me: ack.me };
  }

  close(): void {
    this.socket.close();
  }
}

/** The handshake's refusal: the typed error a connect_error carries, or undefined if the socket connected. */
export async function connectRefusal(url: string, auth: Parameters<typeof Client.connect>[1]): Promise<AckError | undefined> {
  const err: unknown = await Client.connect(url, auth).then(
    (c) => {
      c.close();
      return null;
    },
    (e: unknown) => e,
  );
  return (err as { data?: AckError } | null)?.data;
}
