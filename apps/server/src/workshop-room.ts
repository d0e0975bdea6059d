import type { Actor, Command, Workshop, WorkshopEvent } from '@fokus/core';
import { activeParticipants, allParticipants, decide, erasedHistory, evolve, joinedSince, participantOf, publicVersion } from '@fokus/core';
import type { CommandAck, JoinAck, MeMessage, Presence, TallyMessage, TallyView, ViewMessage, ViewRole, WorkshopView } from '@fokus/protocol';
import { meView, onlineCount, resultsVisible, tallyView, workshopView } from '@fokus/protocol';
import { AnonymityGate } from './anonymity-gate.ts';
import { ROLES, RoomBroadcaster } from './room-broadcaster.ts';
import { ANSWER_MEMORY_MS, AnswerCache } from './answer-cache.ts';
import { meTouchedBy, movesOnlyFigures } from './audience.ts';
import type { Committer, Lineage } from './committer.ts';
import { StaleWriteError } from './committer.ts';
import { hashSecret, newId, newSecret } from './security.ts';
import type { OpRecord, StoredEvent, WorkshopRecord, WorkshopStore } from './store/store.ts';
import { StoreConflictError } from './store/store.ts';
import { BrokenLogError, NOT_SAVED } from './unavailable.ts';

/** Where a room's messages go. The room knows nothing of sockets; the realtime adapter implements this. */
export interface RoomOutput {
  /** `json`, when given, is `msg` already stringified: what goes on the wire. */
  view(workshopId: string, role: ViewRole, msg: ViewMessage, json?: string): void;
  tally(workshopId: string, role: ViewRole, msg: TallyMessage, json?: string): void;
  me(workshopId: string, participantId: string, msg: MeMessage): void;
  removed(workshopId: string, participantId: string): void;
}

export interface Clock {
  now(): number;
}

/** Events another process made durable for a workshop, with the answers to the commands behind them. */
export interface CommittedWrite {
  workshopId: string;
  fromSeq: number;
  events: WorkshopEvent[];
  ops: OpRecord[];
  /** The process that wrote them (set by the cluster link). */
  process?: string;
}

/** What a process asks the workshop's writer to do for it: a command, or a phone's join. */
export type Forwarded =
  | { kind: 'command'; actor: Actor; opId: string; command: Command }
  | { kind: 'join'; name: string; organisation: string; town: string; token: string };

/** Where rooms tell the other processes what happened here (nowhere, for one process on its own). */
export interface RoomShare {
  /** This process's name among the others. */
  readonly process: string;
  /**
   * Has `leader` do this for the workshop and answer as it would; null when it did not answer in time (gone).
   * A workshop written by several processes at once is written by one: the others' commands would keep losing the
   * seq race to it (each loss costs a read of the log), so they hand them over instead.
   */
  forward(leader: string, workshopId: string, code: string, work: Forwarded): Promise<CommandAck | JoinAck | null>;
  /** Events made durable here. */
  committed(write: CommittedWrite): void;
  /** Someone's first socket arrived here, or their last one left. */
  presenceChanged(workshopId: string): void;
  /** A workshop was erased here. */
  erased(workshopId: string): void;
}

/** How a persist ended: durable; lost a race with another process (decide again); or the store failed. */
type Persisted = 'saved' | 'conflict' | 'failed';

/** A command decided on stale state is decided again after reloading the log, at most this often. */
const MAX_DECISIONS = 8;

/** Another process that wrote this workshop this recently is still writing it: the workshop is contended. */
const CONTENDED_MS = 5000;

/**
 * Op records written by another process reach us with its events; on a conflict we read them from the store,
 * back to a little before the last read, since processes' clocks and commit delays differ.
 */
const OPS_OVERLAP_MS = 5 * 60_000;

/**
 * One live workshop: the authority for its state. Commands are decided in arrival order against the
 * in-memory state, made durable through the committer, then acknowledged; broadcasts are coalesced.
 */
export class WorkshopRoom {
  /** Decided state: every accepted command, durable or on its way to the disk. Commands are decided here. */
  private state: Workshop;
  /** Durable state: what the log holds. Everything anyone is shown comes from here. */
  private durable: Workshop;
  private readonly answers = new AnswerCache<CommandAck>(() => this.clock.now());
  private readonly inflight = new Map<string, Promise<CommandAck>>();
  private readonly joining = new Map<string, Promise<JoinAck>>();
  private readonly tokens = new Map<string, string>();
  /** Sockets per participant on this process. */
  private readonly online = new Map<string, number>();
  /** Participants with a socket on another process, by process (the cluster's presence messages keep it fresh). */
  private readonly elsewhere = new Map<string, ReadonlySet<string>>();
  /** Who is online anywhere: what every view counts. */
  private readonly present: Presence = {
    has: (id) => {
      if (this.online.has(id)) return true;
      for (const ids of this.elsewhere.values()) if (ids.has(id)) return true;
      return false;
    },
  };
  /** What of the dots others may see: with anonymous voting, only steps no diff can pin on one person. */
  private readonly gate: AnonymityGate;
  private readonly broadcast: RoomBroadcaster;
  private closed = false;
  /** Writes submitted and not yet durable or refused. */
  private writing = 0;
  /** Settles once the latest write is durable, or refused and recovered from. */
  private lastWrite: Promise<void> = Promise.resolve();
  /** Set from a failed write until memory is rebuilt from the log: nothing is decided meanwhile. */
  private recovery: { done: Promise<void>; finish: () => void } | null = null;
  private recoveries = 0;
  /** Writes decided one after another on this state; replaced when the state is reloaded from the log. */
  private lineage: Lineage = {};
  /** When op records were last read from the store. */
  private opsReadAt: number;
  /** Another process's writes that arrived while ours were in flight, by fromSeq: applied once they fit. */
  private readonly remote = new Map<number, CommittedWrite>();
  /** The other processes that wrote this workshop lately, and when. */
  private readonly writers = new Map<string, number>();
  /** Moves whenever who is online changes (here or elsewhere): the views that show presence are built again. */
  private presenceEpoch = 0;
  /** Each role's last view and tally body (and the online count) with what it was built from: a broadcast and every greeting share one. */
  private readonly memos = new Map<string, { from: readonly unknown[]; value: unknown }>();
  /** The online count, and the participants record it counts (see onlineCount). */
  private counted: { participants: Workshop['participants']; online: number } | null = null;
  /** Whose ballots changed since the facilitator's last tally went out ('all': send every ballot). */
  private changedBallots: Set<string> | 'all' = 'all';

  constructor(
    readonly record: WorkshopRecord,
    state: Workshop,
    answers: Iterable<[string, CommandAck]>,
    private readonly store: WorkshopStore,
    private readonly committer: Committer,
    private readonly output: RoomOutput,
    private readonly clock: Clock,
    private readonly share: RoomShare | null = null,
  ) {
    this.opsReadAt = clock.now();
    this.state = state;
    this.durable = state;
    for (const [k, v] of answers) this.answers.set(k, v);
    this.indexTokens();
    this.gate = new AnonymityGate(state);
    this.broadcast = new RoomBroadcaster(record.id, output, clock, {
      body: (role, kind) => (kind === 'view' ? this.viewBody(role) : role === 'facilitator' ? this.facilitatorTallyChanges() : this.tallyBody(role)),
      version: (role) => versionFor(role, this.durable),
      me: (participantId) => this.meMessage(participantId),
      phonesSeeFigures: () => resultsVisible(this.durable, 'participant'),
      phones: () => this.onlineCount(),
      nextTick: (now) => this.gate.nextTick(now),
      tick: (now) => this.gate.tick(this.durable, now),
    });
  }

  get id(): string {
    return this.record.id;
  }
  get code(): string {
    return this.record.code;
  }
  get snapshot(): Workshop {
    return this.durable;
  }
  /** How many bodies each channel (role:view, role:tally) has built: what the broadcasts cost. */
  get broadcastsBuilt(): ReadonlyMap<string, number> {
    return this.broadcast.built;
  }

  /** The durable state with only the votes the anonymity gate has released: what an export may show. */
  get shown(): Workshop {
    return this.gate.shown(this.durable);
  }

  static async load(
    record: WorkshopRecord,
    store: WorkshopStore,
    committer: Committer,
    output: RoomOutput,
    clock: Clock,
    share: RoomShare | null = null,
  ): Promise<WorkshopRoom> {
    const readAt = clock.now();
    // Answers older than the room keeps in memory stay in the store: a resend of one reads it there (run()).
    const [events, ops] = await Promise.all([store.loadEvents(record.id), store.loadOps(record.id, readAt - ANSWER_MEMORY_MS)]);
    const state = replayLog(record, events);
    const answers = ops.map((op): [string, CommandAck] => [opKey(op.actor, op.opId), JSON.parse(op.result) as CommandAck]);
    // An erasure whose rewrite did not finish (a crash, a full disk) is finished now; if it fails again, next time.
    await rewriteErased(store, record.id, events).catch(() => undefined);
    const room = new WorkshopRoom(record, state, answers, store, committer, output, clock, share);
    room.opsReadAt = readAt;
    return room;
  }

  /**
   * Runs a command once per (actor, op id): a resend waits for, or gets, the first answer. `here`: decide it in
   * this process whatever other processes write (it was handed over to this one).
   */
  execute(actor: Actor, opId: string, command: Command, here = false): Promise<CommandAck> {
    const key = opKey(actorKey(actor), opId);
    const known = this.answers.get(key);
    if (known) return Promise.resolve(known);
    const running = this.inflight.get(key);
    if (running) return running;
    const p = this.run(actor, opId, command, here).finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  /**
   * The process this workshop's writes go to while several write it: the first by name among those writing it
   * lately and this one (every process reaches the same choice). Null when that is this process.
   */
  private leader(): string | null {
    if (!this.share) return null;
    const now = this.clock.now();
    let first = this.share.process;
    for (const [name, at] of this.writers) {
      if (now - at > CONTENDED_MS) this.writers.delete(name);
      else if (name < first) first = name;
    }
    return first === this.share.process ? null : first;
  }

  /** Hands work to the leader; null if there is none or it did not answer (then it no longer counts as writing). */
  private async handOver(work: Forwarded): Promise<CommandAck | JoinAck | null> {
    const leader = this.leader();
    if (!leader || !this.share) return null;
    const answer = await this.share.forward(leader, this.id, this.code, work);
    if (!answer) this.writers.delete(leader);
    return answer;
  }

  private async run(actor: Actor, opId: string, command: Command, here: boolean): Promise<CommandAck> {
    const key = opKey(actorKey(actor), opId);
    for (let decisions = 1; ; decisions++) {
      while (this.recovery) await this.recovery.done;
      // Another process may have run this very op (a phone that reconnected elsewhere and resent it).
      const known = this.answers.get(key);
      if (known) return known;
      if (!here) {
        const answer = (await this.handOver({ kind: 'command', actor, opId, command })) as CommandAck | null;
        if (answer) {
          // Without the leader's slice of the phone: it may be older than what this process has already sent the
          // socket (the events reach us by another path); this process sends its own once the events arrive.
          const plain: CommandAck = answer.ok ? { ok: true, version: answer.version } : answer;
          this.answers.set(key, plain);
          return plain;
        }
      }
      const decision = decide(this.state, command, actor, this.clock.now());
      if (decision.ok) {
        // A phone's ack counts every event (its own dots included, to match its `me`); anyone else's leaves dots out.
        const after = actor.role === 'participant' ? this.state.version : publicVersion(this.state);
        const ack = { ok: true as const, version: after + decision.value.length };
        // A command the store refused did not happen: not remembered, so a resend of the op id runs again.
        const op = { actor: actorKey(actor), opId, result: JSON.stringify(ack) };
        // An erasure is answered once the stored history is rewritten too. Its op record waits for that, so after
        // a failure a resend of the same op erases again (erasing someone already removed is allowed).
        const erasing = decision.value.some(erases);
        const persisted = await this.persist(decision.value, erasing ? [] : [op]);
        if (persisted === 'conflict') {
          // The store already holds this op: answered before what this room remembers (an old resend).
          const stored = await this.storedAnswer(key, actor, opId);
          if (stored) return stored;
          if (decisions < MAX_DECISIONS) continue;
        }
        if (persisted !== 'saved') return NOT_SAVED;
        if (erasing && !((await this.eraseHistory()) && (await this.persist([], [op])) === 'saved')) return NOT_SAVED;
        this.answers.set(key, ack);
        // Handed over by another process, the answer goes back there: this process's sockets still need the message.
        return actor.role === 'participant' && !here ? this.withMe(ack, actor.participantId) : ack;
      }
      // A refusal may rest on writes still on their way to the disk: answer once they are durable, decide again if not.
      const recoveries = this.recoveries;
      await this.lastWrite;
      if (this.recoveries !== recoveries) continue;
      // Among several processes it may rest on what another wrote and we have not heard yet: read the log's tail.
      if (this.share && decisions < MAX_DECISIONS) {
        const version = this.durable.version;
        await this.catchUp();
        if (this.durable.version !== version) continue;
      }
      // A resend of an op accepted longer ago than this room remembers may be refused now (the budget is spent):
      // its stored answer is the answer.
      const stored = await this.storedAnswer(key, actor, opId);
      if (stored) return stored;
      // Refusals live in memory only: a resend gets the same answer for a while, and they cost no disk.
      const ack: CommandAck = { ok: false, error: decision.error.code, message: decision.error.message };
      this.answers.set(key, ack);
      return ack;
    }
  }

  /** The answer stored for an op this room no longer keeps in memory, or null (none, or the store cannot say). */
  private async storedAnswer(key: string, actor: Actor, opId: string): Promise<CommandAck | null> {
    const op = await this.store.findOp(this.id, actorKey(actor), opId).catch(() => null);
    if (!op) return null;
    const ack = JSON.parse(op.result) as CommandAck;
    this.answers.set(key, ack);
    return ack;
  }

  /**
   * Applies events to the decided state, makes them durable, then lets them be seen. If the store refused them,
   * memory (then ahead of the log) is brought level with the log before anything else is decided: 'conflict'
   * when another process wrote first (decide again), 'failed' when the store could not write.
   */
  private async persist(events: WorkshopEvent[], ops: OpRecord[]): Promise<Persisted> {
    // A closed room (evicted, or its workshop erased) writes nothing more.
    if (this.closed) return 'failed';
    const fromSeq = this.state.version + 1;
    this.apply(events);
    const after = this.state;
    this.writing++;
    const saved = this.committer.submit({ workshopId: this.id, fromSeq, events, ops, at: this.clock.now() }, this.lineage).then(
      (): Persisted => 'saved',
      (err: unknown): Persisted => (err instanceof StoreConflictError || err instanceof StaleWriteError ? 'conflict' : 'failed'),
    );
    const settled = saved.then(async (outcome) => {
      this.writing--;
      if (outcome === 'saved') {
        this.published(events, after);
        this.share?.committed({ workshopId: this.id, fromSeq, events, ops });
      } else this.recovery ??= deferred();
      if (this.writing === 0) {
        // Later writes decided on the lost events fail too: bring memory level with the log once the last is back.
        if (this.recovery) await this.recover();
        else this.applyRemote();
      }
    });
    this.lastWrite = settled.catch(() => undefined);
    await settled;
    return saved;
  }

  /**
   * Another process made these events durable. They apply at once when they continue what we hold and nothing
   * of ours is in flight; in flight, they wait (if ours lose the race, the reload brings them anyway); after a
   * gap (a message we never got), the log is read.
   */
  receive(write: CommittedWrite): void {
    if (this.closed) return;
    if (write.process) this.writers.set(write.process, this.clock.now());
    for (const op of write.ops) this.answers.set(opKey(op.actor, op.opId), JSON.parse(op.result) as CommandAck);
    if (write.fromSeq + write.events.length - 1 <= this.durable.version) return;
    this.remote.set(write.fromSeq, write);
    // A flood of writes we cannot place yet (a long stall) is dropped: the reload reads them from the log.
    if (this.remote.size > 10_000) this.remote.clear();
    if (this.writing === 0 && !this.recovery) this.applyRemote();
  }

  /** Applies the waiting writes of other processes that continue the durable state; reads the log after a gap. */
  private applyRemote(): void {
    if (this.remote.size === 0) return;
    for (let next = this.remote.get(this.durable.version + 1); next; next = this.remote.get(this.durable.version + 1)) {
      this.remote.delete(next.fromSeq);
      this.apply(next.events);
      this.published(next.events, this.state);
    }
    for (const fromSeq of this.remote.keys()) if (fromSeq <= this.durable.version) this.remote.delete(fromSeq);
    if (this.remote.size > 0) void this.catchUp();
  }

  /** Reads what other processes wrote since our durable state, before anything else is decided. */
  catchUp(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.recovery) return this.recovery.done;
    this.recovery = deferred();
    const done = this.recovery.done;
    if (this.writing === 0) void this.recover();
    return done;
  }

  /**
   * A phone joins with a token it made (or one we make); the same token never joins twice. `town`: where they come
   * from. `here`: join in this process whatever other processes write (it was handed over to this one).
   */
  join(name: string, organisation: string, token: string | undefined, town = '', here = false): Promise<JoinAck> {
    const secret = token ?? newSecret();
    const tokenHash = hashSecret(secret);
    // A join still on its way to the disk answers its resend only once durable.
    const running = this.joining.get(tokenHash);
    if (running) return running;
    const existing = this.tokens.get(tokenHash);
    if (existing) {
      const p = participantOf(this.state, existing);
      if (!p || p.removed) return Promise.resolve({ ok: false, error: 'unauthorized', message: 'this participant was removed' });
      return Promise.resolve({ ok: true, participantId: p.id, token: secret, name: p.name });
    }
    const p = this.runJoin(name, organisation, town, secret, tokenHash, here).finally(() => this.joining.delete(tokenHash));
    this.joining.set(tokenHash, p);
    return p;
  }

  private async runJoin(name: string, organisation: string, town: string, secret: string, tokenHash: string, here: boolean): Promise<JoinAck> {
    for (let decisions = 1; ; decisions++) {
      while (this.recovery) await this.recovery.done;
      if (!here) {
        const answer = (await this.handOver({ kind: 'join', name, organisation, town, token: secret })) as JoinAck | null;
        // The join's events reach this process before the phone's next step needs them (resume reads the log if not).
        if (answer) return answer;
      }
      // The same token may have joined through another process meanwhile: that join is this one.
      const joined = this.tokens.get(tokenHash);
      const existing = joined ? participantOf(this.state, joined) : undefined;
      if (existing)
        return existing.removed
          ? { ok: false, error: 'unauthorized', message: 'this participant was removed' }
          : { ok: true, participantId: existing.id, token: secret, name: existing.name };
      const participantId = newId();
      const decision = decide(
        this.state,
        { type: 'participant:join', participantId, name, organisation, town, tokenHash },
        { role: 'system' },
        this.clock.now(),
      );
      if (!decision.ok) return { ok: false, error: decision.error.code, message: decision.error.message };
      const persisted = await this.persist(decision.value, []);
      if (persisted === 'conflict' && decisions < MAX_DECISIONS) continue;
      if (persisted !== 'saved') return NOT_SAVED;
      return { ok: true, participantId, token: secret, name: participantOf(this.state, participantId)?.name ?? name };
    }
  }

  /**
   * The participant a resume token belongs to, if still in the workshop. A token we do not know may have joined
   * through another process whose events have not reached us: read the log once before saying no.
   */
  async resumeFresh(token: string): Promise<string | null> {
    const known = this.resume(token);
    // One process alone has seen every join: no read (a stream of made-up tokens must not stall the room).
    if (known || !this.share || this.knowsRemovedToken(token)) return known;
    await this.catchUp();
    return this.resume(token);
  }

  /** The participant a resume token belongs to, if still in the workshop. */
  resume(token: string): string | null {
    const id = this.tokens.get(hashSecret(token));
    const p = id ? participantOf(this.state, id) : undefined;
    return p && !p.removed ? p.id : null;
  }

  knowsRemovedToken(token: string): boolean {
    const id = this.tokens.get(hashSecret(token));
    return !!id && !!participantOf(this.state, id)?.removed;
  }

  connected(participantId: string): void {
    const arrived = !this.present.has(participantId);
    const n = (this.online.get(participantId) ?? 0) + 1;
    this.online.set(participantId, n);
    if (n === 1) this.share?.presenceChanged(this.id);
    if (arrived) this.countOnline(participantId, 1);
    this.presenceMoved();
  }

  disconnected(participantId: string): void {
    const n = (this.online.get(participantId) ?? 1) - 1;
    if (n > 0) this.online.set(participantId, n);
    else {
      this.online.delete(participantId);
      this.share?.presenceChanged(this.id);
      if (!this.present.has(participantId)) this.countOnline(participantId, -1);
    }
    this.presenceMoved();
  }

  /** Someone came or went: the online count follows if they are in the record it was counted on. */
  private countOnline(participantId: string, delta: 1 | -1): void {
    const counted = this.counted;
    const p = counted && participantOf(counted, participantId);
    if (counted && p && !p.removed) counted.online += delta;
  }

  /**
   * The phone's own slice rides in its answer. Its `participant:me` message is then not sent, unless the person
   * has another socket here (a second tab) that needs it.
   */
  private withMe(ack: Extract<CommandAck, { ok: true }>, participantId: string): CommandAck {
    const me = this.meMessage(participantId);
    if (!me) return ack;
    if ((this.online.get(participantId) ?? 0) <= 1) this.broadcast.forgetMe(participantId);
    return { ...ack, me };
  }

  /** The participants with a socket on this process, for the other processes. */
  onlineHere(): string[] {
    return [...this.online.keys()];
  }

  /** Who has a socket on another process (null: none, or the process is gone). */
  onlineElsewhere(process: string, participantIds: readonly string[] | null): void {
    const before = this.elsewhere.get(process);
    if (!participantIds || participantIds.length === 0) {
      if (!before) return;
      this.elsewhere.delete(process);
    } else {
      if (before && before.size === participantIds.length && participantIds.every((id) => before.has(id))) return;
      this.elsewhere.set(process, new Set(participantIds));
    }
    this.counted = null;
    this.presenceMoved();
  }

  viewMessage(role: ViewRole): ViewMessage {
    return { version: versionFor(role, this.durable), serverNow: this.clock.now(), view: this.viewBody(role) };
  }

  tallyMessage(role: ViewRole): TallyMessage {
    return { version: versionFor(role, this.durable), tally: this.tallyBody(role) };
  }

  /** The role's view of the durable state: phones' does not show who is online, so presence does not rebuild it. */
  private viewBody(role: ViewRole): WorkshopView {
    const presence = role === 'participant' ? null : this.presenceEpoch;
    return this.memo(`${role}:view`, [this.durable, presence], () => workshopView(this.durable, this.code, role, this.present));
  }

  private tallyBody(role: ViewRole): TallyView {
    const figures = this.gate.figures(this.durable);
    return this.memo(`${role}:tally`, [this.durable, this.presenceEpoch, figures], () =>
      tallyView(this.durable, role, this.present, figures, { online: this.onlineCount() }),
    );
  }

  /** The facilitator's broadcast tally: with named voting, only the ballots that changed since the last one. */
  private facilitatorTallyChanges(): TallyView {
    const changed = this.changedBallots;
    this.changedBallots = new Set();
    if (changed === 'all') return this.tallyBody('facilitator');
    return tallyView(this.durable, 'facilitator', this.present, this.gate.figures(this.durable), { online: this.onlineCount(), changedBallots: changed });
  }

  /**
   * Who is online among the participants. Kept as people come and go and as they join (each a step, not a scan
   * of the hall); counted again when anything else changes the record or another process reports.
   */
  private onlineCount(): number {
    const { participants } = this.durable;
    let counted = this.counted;
    if (counted && counted.participants !== participants) {
      const joined = joinedSince(counted.participants, participants);
      if (joined) {
        for (const p of joined) if (this.present.has(p.id)) counted.online++;
        counted.participants = participants;
      } else counted = null;
    }
    counted ??= this.counted = { participants, online: onlineCount(activeParticipants(this.durable), this.present) };
    return counted.online;
  }

  /** A value computed once for what it is computed from (compared by identity: states are immutable). */
  private memo<T>(name: string, from: readonly unknown[], build: () => T): T {
    const known = this.memos.get(name);
    if (known && known.from.length === from.length && known.from.every((x, i) => x === from[i])) return known.value as T;
    const value = build();
    this.memos.set(name, { from, value });
    return value;
  }

  private presenceMoved(): void {
    this.presenceEpoch++;
    this.broadcast.markFigures();
  }

  meMessage(participantId: string): MeMessage | null {
    const me = meView(this.durable, participantId);
    return me ? { version: this.durable.version, me } : null;
  }

  close(): void {
    this.closed = true;
    this.broadcast.close();
  }

  private apply(events: WorkshopEvent[]): void {
    for (const e of events) {
      this.state = evolve(this.state, e);
      if (e.type === 'participant.joined' && e.tokenHash) this.tokens.set(e.tokenHash, e.participantId);
    }
  }

  /**
   * Brings memory level with the log: after a failed commit it may hold events the log does not, and other
   * processes may have written what it lacks. The durable state plus the log's tail after it is the truth.
   */
  private async recover(): Promise<void> {
    const recovery = this.recovery;
    if (!recovery) return;
    const readAt = this.clock.now();
    try {
      const [tail, ops] = await Promise.all([
        this.store.loadEvents(this.id, this.durable.version),
        this.store.loadOps(this.id, this.opsReadAt - OPS_OVERLAP_MS),
      ]);
      this.opsReadAt = readAt;
      // A commit whose answer was lost (a writer that died, another process) landed after all: a resend gets its answer.
      for (const op of ops) this.answers.set(opKey(op.actor, op.opId), JSON.parse(op.result) as CommandAck);
      this.state = this.durable;
      const events = tail.map((e) => e.event);
      this.apply(events);
      // Joins decided on the lost events may have left tokens behind: index what the state holds.
      this.tokens.clear();
      this.indexTokens();
      this.remote.clear();
      if (events.length > 0) this.published(events, this.state);
      else {
        this.changedBallots = 'all';
        this.broadcast.markAll();
      }
    } catch {
      // The log cannot be read either: go on from the durable state; the next write that does not follow the log fails and retries this.
      this.state = this.durable;
    } finally {
      this.lineage = {};
      this.recoveries++;
      this.recovery = null;
      recovery.finish();
    }
  }

  /** Rewrites the stored history of whoever is erased; false if the store could not (the next load tries again). */
  private async eraseHistory(): Promise<boolean> {
    try {
      await rewriteErased(this.store, this.id, await this.store.loadEvents(this.id));
      return true;
    } catch {
      return false;
    }
  }

  private indexTokens(): void {
    // Someone added on paper has no token: nothing to resume.
    for (const p of allParticipants(this.state)) if (p.tokenHash) this.tokens.set(p.tokenHash, p.id);
  }

  /** A dot changes its voter's ballot; a join or "klar" none; anything else may change many (merge, reset, removal). */
  private noteBallots(e: WorkshopEvent): void {
    if (e.type === 'vote.added' || e.type === 'vote.removed') {
      if (this.changedBallots !== 'all') this.changedBallots.add(e.participantId);
    } else if (e.type !== 'participant.joined' && e.type !== 'participant.done') this.changedBallots = 'all';
  }

  /** Durable events become visible: mark what they change and schedule a coalesced broadcast. */
  private published(events: WorkshopEvent[], after: Workshop): void {
    // Commits land in order, so the newest committed state is the durable one.
    if (after.version > this.durable.version) this.durable = after;
    if (this.gate.observe(events, after, this.clock.now())) this.broadcast.markTallies();
    for (const e of events) {
      this.noteBallots(e);
      if (e.type === 'participant.removed') this.output.removed(this.id, e.participantId);
      const touched = meTouchedBy(e);
      this.broadcast.markMe(touched === 'everyone' ? [...this.online.keys()] : touched);
      if (movesOnlyTallies(e, after)) this.broadcast.markTallies();
      else if (movesOnlyFigures(e)) this.broadcast.markFigures();
      else this.broadcast.markAll();
    }
  }
}

/**
 * A dot the facilitator's list does not show: each person's dots come in the facilitator's tally (named voting),
 * only a paper ballot is in the list (the facilitator fills it in).
 */
const movesOnlyTallies = (e: WorkshopEvent, s: Workshop): boolean =>
  (e.type === 'vote.added' || e.type === 'vote.removed') && !participantOf(s, e.participantId)?.paper;

/** Someone is erased: their stored history is rewritten once this event is durable. */
const erases = (e: WorkshopEvent): boolean => e.type === 'participant.removed' && e.erasedAs !== undefined;

/** Rewrites the stored events that still name someone erased (see core's erasedHistory). */
async function rewriteErased(store: WorkshopStore, workshopId: string, stored: readonly StoredEvent[]): Promise<void> {
  const rewrites = erasedHistory(stored.map((e) => e.event));
  const events = rewrites.flatMap((r) => {
    const original = stored[r.index];
    return original ? [{ seq: original.seq, event: r.event }] : [];
  });
  await store.rewriteEvents(workshopId, events);
}

/** Replays a stored log; the event that cannot be read or applied is named, and so is a state no view can show. */
function replayLog(record: WorkshopRecord, events: readonly StoredEvent[]): Workshop {
  let seq = 0;
  try {
    let state: Workshop | null = null;
    for (const e of events) {
      seq = e.seq;
      state = evolve(state, e.event);
    }
    if (!state) throw new Error('the log has no events');
    // Every role's view is built once here, so a state that would throw on the first broadcast never goes live.
    for (const role of ROLES) {
      workshopView(state, record.code, role, new Set());
      tallyView(state, role, new Set());
    }
    return state;
  } catch (err) {
    throw err instanceof BrokenLogError ? err : new BrokenLogError(record.id, seq, err);
  }
}

function deferred(): { done: Promise<void>; finish: () => void } {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

/**
 * Phones get the full event count (their `me` and acks must agree on it); the facilitator and the screen, who see
 * who said "klar", get the public version, which no dot moves.
 */
const versionFor = (role: ViewRole, s: Workshop): number => (role === 'participant' ? s.version : publicVersion(s));

export function actorKey(actor: Actor): string {
  return actor.role === 'participant' ? `p:${actor.participantId}` : actor.role;
}

const opKey = (actor: string, opId: string): string => `${actor}\u0000${opId}`;
