import type { MeMessage, TallyView, ViewRole, WorkshopView } from '@fokus/protocol';
import { broadcastLine } from './turn-line.ts';
import type { Clock, RoomOutput } from './workshop-room.ts';

export const ROLES: readonly ViewRole[] = ['facilitator', 'screen', 'participant'];
type Kind = 'view' | 'tally';
type Channel = `${ViewRole}:${Kind}`;

/**
 * Least time between two messages of one channel. The screen needs live figures; phones only need results,
 * and only once they may see them: this is what keeps a thousand phones from being flooded with tallies.
 */
const MIN_INTERVAL_MS: Record<Channel, number> = {
  'facilitator:view': 250,
  'facilitator:tally': 100,
  'screen:view': 50,
  'screen:tally': 100,
  'participant:view': 50,
  'participant:tally': 1000,
};

/**
 * The most phones' tallies a room sends in a second. A hall larger than this gets its results less often than every
 * second (5,000 phones: every 2 s; the screen keeps its 100 ms): at 5,000 phones the phones' tallies were two thirds
 * of all the messages the server wrote, and their writes the largest part of its work after the collector.
 */
const PHONE_TALLIES_PER_SECOND = 2500;

/** Least time between two tallies to the phones of a hall with `phones` phones online. */
export function phoneTallyIntervalMs(phones: number): number {
  return Math.max(MIN_INTERVAL_MS['participant:tally'], Math.ceil((phones * 1000) / PHONE_TALLIES_PER_SECOND));
}

/** What the room says when a channel is due: the bodies are computed only then, from durable state. */
export interface BroadcastSource {
  body(role: ViewRole, kind: Kind): WorkshopView | TallyView;
  version(role: ViewRole): number;
  me(participantId: string): MeMessage | null;
  /** Phones get figures only while results are visible to them. */
  phonesSeeFigures(): boolean;
  /** Phones online in the hall (on every process): how often they get a tally. */
  phones(): number;
  /** When the room next needs the clock (the anonymity gate's release by time), or Infinity. */
  nextTick(now: number): number;
  /** The clock came round: true if the figures changed. */
  tick(now: number): boolean;
}

/**
 * A room's coalesced broadcasts: channels (role × view/tally) marked dirty are sent at most every MIN_INTERVAL_MS
 * (the phones' tally: phoneTallyIntervalMs), each body encoded once and not sent again when it is what that channel
 * last carried; `me` goes out once the turn it was marked in is over.
 */
export class RoomBroadcaster {
  private readonly dirty = new Set<Channel>();
  private readonly dirtyMe = new Set<string>();
  private readonly lastSent = new Map<Channel, number>();
  private readonly lastBody = new Map<Channel, string>();
  private timer: NodeJS.Timeout | null = null;
  /** A look at the waiting `me` slices once this turn's answers are out (most of them ride in an answer). */
  private meSoon: NodeJS.Immediate | null = null;
  /** The timer fired and the flush waits in the process's broadcast line. */
  private queued = false;
  private closed = false;
  /** Bodies built per channel (sent or found unchanged): what the room's broadcasts cost. */
  readonly built = new Map<Channel, number>();
  private due = Infinity;

  constructor(
    private readonly workshopId: string,
    private readonly output: RoomOutput,
    private readonly clock: Clock,
    private readonly source: BroadcastSource,
  ) {}

  /** Something every role sees changed. */
  markAll(): void {
    for (const r of ROLES) this.dirty.add(`${r}:view`).add(`${r}:tally`);
    this.schedule();
  }

  /** Only figures moved (someone online, done, joined; a named dot): the facilitator's list and everyone's tallies. */
  markFigures(): void {
    this.dirty.add('facilitator:view');
    this.markTallies();
  }

  /**
   * Only the tallies moved (an anonymous dot, a release of the anonymity gate): the facilitator's list is as it was,
   * and at 2,000 people rebuilding it four times a second only to find it unchanged is a tenth of the server's work.
   */
  markTallies(): void {
    this.dirty.add('facilitator:tally').add('screen:tally');
    // Phones use the tally for results only: while results are hidden from them, figures stay off their wire.
    if (this.source.phonesSeeFigures()) this.dirty.add('participant:tally');
    this.schedule();
  }

  markMe(participantIds: Iterable<string>): void {
    for (const id of participantIds) this.dirtyMe.add(id);
    this.schedule();
  }

  /** Someone's slice went out another way (in their command's answer): no message for them unless marked again. */
  forgetMe(participantId: string): void {
    this.dirtyMe.delete(participantId);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.meSoon) clearImmediate(this.meSoon);
    this.timer = null;
    this.meSoon = null;
  }

  private schedule(): void {
    // A flush waiting in the line schedules the next one when it has run.
    if (this.queued || this.closed) return;
    // A dot's `me` is marked when it is durable and forgotten a moment later, when its answer carries it: looking
    // after this turn (not a timer due now) costs a vote no timer and no flush of its room.
    if (this.dirtyMe.size > 0 && !this.meSoon) this.meSoon = setImmediate(this.meDue);
    const now = this.clock.now();
    let due = Infinity;
    for (const ch of this.dirty) due = Math.min(due, (this.lastSent.get(ch) ?? 0) + this.interval(ch));
    due = Math.min(due, this.source.nextTick(now));
    if (due === Infinity) return;
    // A timer set for a slow channel (phones' tally) must not hold back a faster one (the screen's).
    if (this.timer) {
      if (this.due <= due) return;
      clearTimeout(this.timer);
    }
    this.due = due;
    this.timer = setTimeout(this.enqueue, Math.max(0, due - now));
  }

  private readonly meDue = (): void => {
    this.meSoon = null;
    if (this.dirtyMe.size === 0 || this.queued || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.enqueue();
  };

  /** The flush waits its turn in the process's broadcast line; its channels' timer, if any, is spent. */
  private readonly enqueue = (): void => {
    this.timer = null;
    this.queued = true;
    broadcastLine.add(this.flushQueued);
  };

  private interval(ch: Channel): number {
    return ch === 'participant:tally' ? phoneTallyIntervalMs(this.source.phones()) : MIN_INTERVAL_MS[ch];
  }

  private readonly flushQueued = (): void => {
    this.queued = false;
    if (!this.closed) this.flush();
  };

  private flush(): void {
    const now = this.clock.now();
    // Held-back dots may be released by the clock alone (someone stopped voting a while ago).
    if (this.source.tick(now)) this.markTallies();
    for (const ch of [...this.dirty]) {
      if ((this.lastSent.get(ch) ?? 0) + this.interval(ch) > now) continue;
      this.dirty.delete(ch);
      this.lastSent.set(ch, now);
      const [role, kind] = ch.split(':') as [ViewRole, Kind];
      const body = this.source.body(role, kind);
      this.built.set(ch, (this.built.get(ch) ?? 0) + 1);
      // Many events change nothing a given role sees: send only what differs. Phones read only the results from
      // their tally (participant-app.tsx, results.tsx), so a join, which moves only the hall's counts, sends them
      // nothing; what is sent is the whole tally, counts as of then.
      const phoneTally = kind === 'tally' && role === 'participant';
      const json = JSON.stringify(phoneTally ? (body as TallyView).tallies : body);
      if (this.lastBody.get(ch) === json) continue;
      this.lastBody.set(ch, json);
      const version = this.source.version(role);
      // The body's JSON, made for the comparison, is the message's too: not stringified a second time to be sent.
      if (kind === 'view') {
        const wire = `{"version":${version},"serverNow":${now},"view":${json}}`;
        this.output.view(this.workshopId, role, { version, serverNow: now, view: body as WorkshopView }, wire);
      } else {
        const wire = phoneTally ? undefined : `{"version":${version},"tally":${json}}`;
        this.output.tally(this.workshopId, role, { version, tally: body as TallyView }, wire);
      }
    }
    for (const id of this.dirtyMe) {
      const msg = this.source.me(id);
      if (msg) this.output.me(this.workshopId, id, msg);
    }
    this.dirtyMe.clear();
    this.schedule();
  }
}
