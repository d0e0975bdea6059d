import type { WorkshopEvent } from '@fokus/core';
import { decide, defaultPlanYear, evolve, templateDesign } from '@fokus/core';
import type { CreateWorkshopInput } from '@fokus/protocol';
import { Committer } from './committer.ts';
import { hashSecret, newId, newJoinCode, newSecret } from './security.ts';
import type { WorkshopRecord, WorkshopStore } from './store/store.ts';
import { BrokenLogError, StorageUnavailableError, WorkshopUnavailableError } from './unavailable.ts';
import type { CommandAck, JoinAck } from '@fokus/protocol';
import type { Clock, CommittedWrite, Forwarded, RoomOutput, RoomShare } from './workshop-room.ts';
import { WorkshopRoom } from './workshop-room.ts';

export interface CreatedWorkshop {
  room: WorkshopRoom;
  facilitatorKey: string;
}

/** Where a quarantined workshop is reported (Fastify's logger fits). */
export interface RoomsLog {
  error(obj: object, msg: string): void;
}

export interface RoomsOptions {
  log?: RoomsLog;
  /** Several processes: where rooms tell the others what they made durable. */
  share?: RoomShare;
  /** The group commit's window in milliseconds. */
  commitWindowMs?: number;
}

const stderrLog: RoomsLog = { error: (obj, msg) => console.error(msg, obj) };

/** The live workshops of this process, loaded from the store on first use. */
export class Rooms {
  readonly committer: Committer;
  private readonly byCode = new Map<string, Promise<WorkshopRoom | null>>();
  /** When each code was last asked for (or seen with sockets): rooms idle long enough leave memory. */
  private readonly lastUsed = new Map<string, number>();
  /** Codes being erased: nobody loads them meanwhile. */
  private readonly erasing = new Set<string>();
  /** Loaded rooms by workshop id, for what other processes tell us. */
  private readonly live = new Map<string, WorkshopRoom>();
  private readonly log: RoomsLog;
  private readonly share: RoomShare | null;

  constructor(
    private readonly store: WorkshopStore,
    private readonly output: RoomOutput,
    private readonly clock: Clock,
    options: RoomsOptions = {},
  ) {
    this.committer = new Committer(store, { now: () => clock.now(), ...(options.commitWindowMs !== undefined ? { windowMs: options.commitWindowMs } : {}) });
    this.log = options.log ?? stderrLog;
    this.share = options.share ?? null;
  }

  /** Another process made events durable: the room of that workshop, if loaded here, applies them. */
  received(write: CommittedWrite): void {
    this.live.get(write.workshopId)?.receive(write);
  }

  /** Work another process handed to this one, as the workshop's writer: done here and answered as here would. */
  async forwarded(code: string, work: Forwarded): Promise<CommandAck | JoinAck | null> {
    const room = await this.get(code).catch(() => null);
    if (!room) return null;
    return work.kind === 'command'
      ? room.execute(work.actor, work.opId, work.command, true)
      : room.join(work.name, work.organisation, work.token, work.town, true);
  }

  /** Another process erased a workshop: its room leaves memory here too (its sockets were told cluster-wide). */
  erasedElsewhere(workshopId: string): void {
    const room = this.live.get(workshopId);
    if (!room) return;
    this.byCode.delete(room.code);
    this.lastUsed.delete(room.code);
    this.live.delete(workshopId);
    room.close();
  }

  /** The live room for a code, null if there is none; rejects with WorkshopUnavailableError if it is quarantined. */
  get(code: string): Promise<WorkshopRoom | null> {
    if (this.erasing.has(code)) return Promise.resolve(null);
    // Only a loaded room is stamped: a guessed code must leave nothing behind.
    if (this.byCode.has(code)) this.lastUsed.set(code, this.clock.now());
    let room = this.byCode.get(code);
    if (!room) {
      room = this.load(code);
      this.byCode.set(code, room);
      // A miss is not cached (the workshop may be created in another process later), nor is a failed read;
      // a quarantine is, so a broken log is replayed and reported once.
      room.then(
        (r) => {
          if (!r) this.byCode.delete(code);
          else if (this.byCode.get(code) === room) this.live.set(r.id, r);
        },
        (err: unknown) => {
          if (!(err instanceof WorkshopUnavailableError)) this.byCode.delete(code);
        },
      );
    }
    return room;
  }

  private async load(code: string): Promise<WorkshopRoom | null> {
    const record = await this.store.findByCode(code);
    if (!record) return null;
    try {
      return await WorkshopRoom.load(record, this.store, this.committer, this.output, this.clock, this.share);
    } catch (err) {
      if (!(err instanceof BrokenLogError)) throw err;
      this.log.error({ workshop: err.workshopId, code, seq: err.seq, error: String(err.cause) }, `workshop quarantined: ${err.message}`);
      throw new WorkshopUnavailableError();
    }
  }

  /** A new workshop from a design (a file, a copy: check it first with core's checkDesign) or from a template. */
  async create(req: Pick<CreateWorkshopInput, 'template' | 'lang' | 'title' | 'design'>): Promise<CreatedWorkshop> {
    const now = this.clock.now();
    const design = req.design ?? templateDesign(req.template, req.lang, defaultPlanYear(now));
    const workshopId = newId();
    const template = req.design ? 'blank' : req.template;
    const title = req.design ? design.title : (req.title ?? design.title);
    const decision = decide(null, { type: 'workshop:create', workshopId, template, ...design, title }, { role: 'system' }, now);
    if (!decision.ok) throw new Error(decision.error.message);
    const events: WorkshopEvent[] = decision.value;
    const facilitatorKey = newSecret();
    // A fresh code can collide with a live one; try a few before giving up.
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newJoinCode();
      if (await this.store.findByCode(code)) continue;
      const record = { id: workshopId, code, keyHash: hashSecret(facilitatorKey), createdAt: this.clock.now() };
      try {
        await this.store.createWorkshop(record, { workshopId, fromSeq: 1, events, ops: [] });
      } catch (err) {
        throw new StorageUnavailableError(err);
      }
      const state = events.reduce(evolve, null as ReturnType<typeof evolve> | null);
      if (!state) throw new Error('no state');
      const room = new WorkshopRoom(record, state, [], this.store, this.committer, this.output, this.clock, this.share);
      this.byCode.set(code, Promise.resolve(room));
      this.live.set(room.id, room);
      this.lastUsed.set(code, this.clock.now());
      return { room, facilitatorKey };
    }
    throw new Error('could not find a free join code');
  }

  /** The stored record behind a code, live or not (also for a quarantined workshop). */
  recordOf(code: string): Promise<WorkshopRecord | null> {
    return this.store.findByCode(code);
  }

  /**
   * Erases a workshop: its sockets are told first (so no more commands arrive), its room leaves memory, the
   * writes already submitted land, then the store erases everything, those writes included.
   */
  async erase(record: WorkshopRecord, tellSockets: (workshopId: string) => void): Promise<void> {
    this.erasing.add(record.code);
    try {
      tellSockets(record.id);
      const loaded = this.byCode.get(record.code);
      this.byCode.delete(record.code);
      this.lastUsed.delete(record.code);
      this.live.delete(record.id);
      (await loaded?.catch(() => null))?.close();
      await this.committer.drain();
      await this.store.deleteWorkshop(record.id);
      this.share?.erased(record.id);
    } finally {
      this.erasing.delete(record.code);
    }
  }

  /**
   * Unloads the rooms no socket is connected to and nobody has asked for in `idleMs`; the next use loads them
   * again from the store, exactly as they were. Resolves to the codes unloaded.
   */
  async evictIdle(idleMs: number, hasSockets: (workshopId: string) => boolean): Promise<string[]> {
    const evicted: string[] = [];
    for (const [code, loading] of [...this.byCode]) {
      const room = await loading.catch(() => null);
      // A quarantined workshop stays cached (see get); a room replaced meanwhile is not ours to close.
      if (!room || this.byCode.get(code) !== loading) continue;
      const now = this.clock.now();
      const since = this.lastUsed.get(code);
      if (hasSockets(room.id) || since === undefined) this.lastUsed.set(code, now);
      else if (now - since >= idleMs) {
        this.byCode.delete(code);
        this.lastUsed.delete(code);
        this.live.delete(room.id);
        room.close();
        evicted.push(code);
      }
    }
    return evicted;
  }

  /** The rooms in memory now. */
  liveRooms(): IterableIterator<WorkshopRoom> {
    return this.live.values();
  }

  /** How many rooms are in memory. */
  get loaded(): number {
    return this.byCode.size;
  }

  async close(): Promise<void> {
    await this.committer.drain();
    for (const p of this.byCode.values()) (await p.catch(() => null))?.close();
  }
}
