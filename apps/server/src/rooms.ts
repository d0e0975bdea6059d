import type { WorkshopEvent } from '@fokus/core';
import { decide, evolve, templateContent } from '@fokus/core';
import type { CreateWorkshopRequest } from '@fokus/protocol';
import { Committer } from './committer.ts';
import { hashSecret, newId, newJoinCode, newSecret } from './security.ts';
import type { WorkshopStore } from './store/store.ts';
import { BrokenLogError, StorageUnavailableError, WorkshopUnavailableError } from './unavailable.ts';
import type { Clock, RoomOutput } from './workshop-room.ts';
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
}

const stderrLog: RoomsLog = { error: (obj, msg) => console.error(msg, obj) };

/** The live workshops of this process, loaded from the store on first use. */
export class Rooms {
  readonly committer: Committer;
  private readonly byCode = new Map<string, Promise<WorkshopRoom | null>>();
  private readonly log: RoomsLog;

  constructor(
    private readonly store: WorkshopStore,
    private readonly output: RoomOutput,
    private readonly clock: Clock,
    options: RoomsOptions = {},
  ) {
    this.committer = new Committer(store, { now: () => clock.now() });
    this.log = options.log ?? stderrLog;
  }

  /** The live room for a code, null if there is none; rejects with WorkshopUnavailableError if it is quarantined. */
  get(code: string): Promise<WorkshopRoom | null> {
    let room = this.byCode.get(code);
    if (!room) {
      room = this.load(code);
      this.byCode.set(code, room);
      // A miss is not cached (the workshop may be created in another process later), nor is a failed read;
      // a quarantine is, so a broken log is replayed and reported once.
      room.then(
        (r) => {
          if (!r) this.byCode.delete(code);
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
      return await WorkshopRoom.load(record, this.store, this.committer, this.output, this.clock);
    } catch (err) {
      if (!(err instanceof BrokenLogError)) throw err;
      this.log.error({ workshop: err.workshopId, code, seq: err.seq, error: String(err.cause) }, `workshop quarantined: ${err.message}`);
      throw new WorkshopUnavailableError();
    }
  }

  async create(req: Required<Pick<CreateWorkshopRequest, 'template' | 'lang'>> & { title?: string | undefined }): Promise<CreatedWorkshop> {
    const content = templateContent(req.template, req.lang);
    const workshopId = newId();
    const decision = decide(
      null,
      { type: 'workshop:create', workshopId, title: req.title ?? content.title, lang: req.lang, template: req.template, rules: content.rules, boards: content.boards, agenda: content.agenda },
      { role: 'system' },
      this.clock.now(),
    );
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
      const room = new WorkshopRoom(record, state, [], this.store, this.committer, this.output, this.clock);
      this.byCode.set(code, Promise.resolve(room));
      return { room, facilitatorKey };
    }
    throw new Error('could not find a free join code');
  }

  async close(): Promise<void> {
    await this.committer.drain();
    for (const p of this.byCode.values()) (await p.catch(() => null))?.close();
  }
}
