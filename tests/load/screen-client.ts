/**
 * The coordinator's clients of one room: the projector (records every tally it is shown, on the shared
 * clock) and the facilitator (creates the ideas, shows results, opens voting). Both count the messages
 * they receive once voting is open.
 */
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { CommandAck, CreateWorkshopResponse } from '@fokus/protocol';
import { PROTOCOL_VERSION } from '@fokus/protocol';
import type { Dialect } from './dialects.ts';
import { dialectOf } from './dialects.ts';
import type { ScreenSample } from './stats.ts';
import type { RoomSpec, Target } from './types.ts';

export const now = (): number => performance.timeOrigin + performance.now();

function connect(url: string, auth: Record<string, unknown>): Promise<Socket> {
  const s = io(url, { transports: ['websocket'], forceNew: true, auth });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connect timeout')), 15_000);
    s.once('connect', () => {
      clearTimeout(timer);
      resolve(s);
    });
  });
}

function ask(s: Socket, event: string, ...args: unknown[]): Promise<unknown> {
  return s.timeout(15_000).emitWithAck(event, ...args) as Promise<unknown>;
}

export class ScreenClient {
  readonly samples: ScreenSample[] = [];
  counting = false;
  messages = 0;
  private last = -1;
  private waiters: Array<{ want: number; resolve: () => void }> = [];

  private constructor(
    private readonly socket: Socket,
    d: Dialect,
  ) {
    socket.onAny((event: string, payload: unknown) => {
      const t = now();
      if (this.counting) this.messages++;
      const sum = d.tallySum(event, payload);
      if (sum === null || sum === this.last) return;
      this.last = sum;
      this.samples.push({ t, sum });
      const reached = this.waiters.filter((w) => sum >= w.want);
      this.waiters = this.waiters.filter((w) => sum < w.want);
      for (const w of reached) w.resolve();
    });
  }

  static async open(url: string, target: Target, code: string): Promise<ScreenClient> {
    const d = dialectOf(target);
    return new ScreenClient(await connect(url, d.screenAuth(code)), d);
  }

  get shown(): number {
    return Math.max(0, this.last);
  }

  /** Waits until the screen shows at least `want` dots, or `ms` passes. */
  until(want: number, ms: number): Promise<void> {
    if (this.last >= want) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push({
        want,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Sets a room up and opens voting: over the Fokus protocol, or the baseline's one-line equivalent. */
export class Facilitator {
  counting = false;
  messages = 0;

  private constructor(
    readonly spec: RoomSpec,
    private readonly socket: Socket,
    private readonly target: Target,
  ) {
    socket.onAny(() => {
      if (this.counting) this.messages++;
    });
  }

  static async create(url: string, target: Target, index: number, ideas: number): Promise<Facilitator> {
    const ideaIds = Array.from({ length: ideas }, (_, i) => `idea-${i + 1}`);
    if (target === 'baseline') {
      const code = `room-${index}`;
      return new Facilitator({ index, code, ideaIds }, await connect(url, { room: code, role: 'facilitator' }), target);
    }
    const res = await fetch(`${url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'blank', lang: 'sv' }),
    });
    if (!res.ok) throw new Error(`create workshop: HTTP ${res.status}`);
    const created = (await res.json()) as CreateWorkshopResponse;
    const s = await connect(url, { v: PROTOCOL_VERSION, code: created.code, role: 'facilitator', key: created.facilitatorKey });
    const f = new Facilitator({ index, code: created.code, ideaIds }, s, target);
    const viewMsg = (await ask(s, 'workshop:sync')) as { ok: boolean; view?: { view: { boards: Array<{ id: string }> } } };
    const boardId = viewMsg.view?.view.boards[0]?.id;
    if (!boardId) throw new Error('the blank workshop has no board');
    for (const [i, ideaId] of ideaIds.entries()) await f.command(`idea-${i}`, { type: 'idea:add', ideaId, boardId, text: `Idé ${i + 1}` });
    // Named voting: the screen shows every dot as it lands, which is the lag measured here (anonymous
    // figures move only in steps of three people who are done, apps/server/src/anonymity-gate.ts).
    await f.command('configure', { type: 'voting:configure', settings: { hideResults: false, anonymous: false } });
    return f;
  }

  private async command(opId: string, command: Record<string, unknown>): Promise<void> {
    const ack = (await ask(this.socket, 'workshop:command', { opId, command })) as CommandAck;
    if (!ack.ok) throw new Error(`${String(command.type)}: ${ack.error} ${ack.message}`);
  }

  async openVoting(): Promise<void> {
    if (this.target === 'baseline') await ask(this.socket, 'open');
    else await this.command('open', { type: 'voting:open' });
  }

  /** Baseline only: the dots the server counted (it has no store). */
  async counted(): Promise<number> {
    const r = (await ask(this.socket, 'count')) as { dots?: number };
    return r.dots ?? 0;
  }

  close(): void {
    this.socket.disconnect();
  }
}
