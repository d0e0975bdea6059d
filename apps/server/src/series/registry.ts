/**
 * The series of this server: creating one makes every room a full workshop (through Rooms, like POST
 * /api/workshops), and later changes go to the rooms through their own commands, as their facilitator would
 * send them. Changes to one series are made one at a time; the store's revision check guards the rest.
 */
import type { Command, Series, SeriesRoom, WorkshopDesign } from '@fokus/core';
import { SERIES_LIMITS, SERIES_SCHEMA, addRoom, designCommands, plenaryDesign, roomTakesDesign, roomTitle, updateRoom } from '@fokus/core';
import type { RoomPatch } from '@fokus/core';
import type { Rooms } from '../rooms.ts';
import type { LinkedPlenary, PlenarySuggestion } from './plenary.ts';
import { suggestionCommands } from './plenary.ts';
import { hashSecret, newId, newSecret, secretMatches } from '../security.ts';
import type { SeriesRecord, WorkshopStore } from '../store/store.ts';
import type { Clock, WorkshopRoom } from '../workshop-room.ts';
import type { CreateSeriesInput, RoomInput, SeriesDesignResult } from '@fokus/protocol';

/** A room as made: its host key is shown once, here, and stored only as its workshop's facilitator key hash. */
export interface CreatedRoom {
  room: SeriesRoom;
  hostKey: string;
}

/** A room with its live workshop; `workshop` null when the workshop is gone (erased) or cannot be loaded. */
export interface LinkedRoom {
  room: SeriesRoom;
  workshop: WorkshopRoom | null;
  state: 'live' | 'gone' | 'unavailable';
}

type DesignSkip = SeriesDesignResult['skipped'][number];

export class SeriesRegistry {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: WorkshopStore,
    private readonly rooms: Rooms,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateSeriesInput, design: WorkshopDesign): Promise<{ record: SeriesRecord; organiserKey: string; rooms: CreatedRoom[] }> {
    const now = this.clock.now();
    const id = newId();
    const shared: WorkshopDesign = { ...design, lang: input.lang, date: input.date, categories: input.categories ?? design.categories };
    const series: Series = {
      schema: SERIES_SCHEMA,
      id,
      title: input.title,
      theme: input.theme,
      date: input.date,
      lang: input.lang,
      intro: input.intro,
      design: shared,
      rooms: [],
      plenary: null,
      createdAt: now,
    };
    // The workshops come first: a failure after them leaves unlisted workshops (which retention erases), never a
    // series naming rooms that do not exist.
    const made: CreatedRoom[] = [];
    for (const r of input.rooms) made.push(await this.makeRoom(series, r));
    series.rooms = made.map((m) => m.room);
    const organiserKey = newSecret();
    const record: SeriesRecord = { id, keyHash: hashSecret(organiserKey), createdAt: now, revision: 1, series };
    await this.store.createSeries(record);
    return { record, organiserKey, rooms: made };
  }

  find(id: string): Promise<SeriesRecord | null> {
    return this.store.findSeries(id);
  }

  /** The organiser's key, compared as a hash in constant time. */
  static organiserAsks(record: SeriesRecord, key: string | null): boolean {
    return key !== null && secretMatches(key, record.keyHash);
  }

  private async makeRoom(series: Series, input: RoomInput): Promise<CreatedRoom> {
    const design: WorkshopDesign = { ...series.design, title: roomTitle(series.title, input), place: input.town };
    const { room, facilitatorKey } = await this.rooms.create({ template: 'blank', lang: series.lang, design });
    const created: SeriesRoom = {
      id: newId(),
      region: input.region,
      town: input.town,
      host: input.host,
      workshopId: room.id,
      code: room.code,
      closed: false,
      createdAt: this.clock.now(),
    };
    return { room: created, hostKey: facilitatorKey };
  }

  /** Every room with its workshop, in the series' order. A room whose workshop was erased stays, as gone. */
  async linked(record: SeriesRecord): Promise<LinkedRoom[]> {
    const links = new Map((await this.store.seriesRooms(record.id)).map((l) => [l.roomId, l.workshopId]));
    return Promise.all(
      record.series.rooms.map(async (room): Promise<LinkedRoom> => {
        const workshopId = links.get(room.id) ?? null;
        if (workshopId === null) return { room, workshop: null, state: 'gone' };
        const workshop = await this.rooms.get(room.code).catch(() => undefined);
        if (workshop === undefined) return { room, workshop: null, state: 'unavailable' };
        // A code freed by an erasure may belong to another workshop now: only the linked one is this room.
        if (!workshop || workshop.id !== workshopId) return { room, workshop: null, state: 'gone' };
        return { room, workshop, state: 'live' };
      }),
    );
  }

  /** The next-theme plenary's workshop, if the series has one; only the workshop it was made as (a code may be reused). */
  async plenary(record: SeriesRecord): Promise<LinkedPlenary | null> {
    const p = record.series.plenary;
    if (!p) return null;
    const workshop = await this.rooms.get(p.code).catch(() => undefined);
    if (workshop === undefined) return { code: p.code, workshop: null, state: 'unavailable' };
    if (!workshop || workshop.id !== p.workshopId) return { code: p.code, workshop: null, state: 'gone' };
    return { code: p.code, workshop, state: 'live' };
  }

  /**
   * Makes the series' next-theme plenary once, with the suggestions `collect` finds in its rooms; a later call
   * answers the one there is (its key then null: it was shown once). One made after its workshop was erased is new.
   */
  startPlenary(
    seriesId: string,
    collect: (record: SeriesRecord, rooms: LinkedRoom[]) => PlenarySuggestion[],
  ): Promise<{ code: string; facilitatorKey: string | null } | null> {
    return this.serial(seriesId, async () => {
      const record = await this.store.findSeries(seriesId);
      if (!record) return null;
      const had = await this.plenary(record);
      if (had && had.state !== 'gone') return { code: had.code, facilitatorKey: null };
      const { room, facilitatorKey } = await this.rooms.create({ template: 'blank', lang: record.series.lang, design: plenaryDesign(record.series) });
      const refusal = await this.sendAll(room, suggestionCommands(collect(record, await this.linked(record))));
      if (refusal) throw new Error(`the plenary refused a suggestion: ${refusal}`);
      const plenary = { workshopId: room.id, code: room.code, createdAt: this.clock.now() };
      await this.store.updateSeries({ ...record, revision: record.revision + 1, series: { ...record.series, plenary } });
      return { code: room.code, facilitatorKey };
    });
  }

  addRoom(seriesId: string, input: RoomInput): Promise<CreatedRoom | null> {
    return this.serial(seriesId, async () => {
      const record = await this.store.findSeries(seriesId);
      if (!record) return null;
      // Refused before a workshop is made for nothing.
      if (record.series.rooms.length >= SERIES_LIMITS.rooms) throw new SeriesRefusal(`at most ${SERIES_LIMITS.rooms} rooms in a series`);
      const made = await this.makeRoom(record.series, input);
      const next = addRoom(record.series, made.room);
      if (!next.ok) throw new SeriesRefusal(next.error.message);
      await this.store.updateSeries({ ...record, revision: record.revision + 1, series: next.value });
      return made;
    });
  }

  /** Renames or closes a room; its workshop's title follows the new name, a closed room takes no one new. */
  patchRoom(seriesId: string, roomId: string, patch: RoomPatch): Promise<SeriesRoom | null> {
    return this.serial(seriesId, async () => {
      const record = await this.store.findSeries(seriesId);
      if (!record) return null;
      const next = updateRoom(record.series, roomId, patch);
      if (!next.ok) return null;
      await this.store.updateSeries({ ...record, revision: record.revision + 1, series: next.value });
      const room = next.value.rooms.find((r) => r.id === roomId) as SeriesRoom;
      const live = (await this.linked({ ...record, series: next.value })).find((l) => l.room.id === roomId)?.workshop;
      if (live) {
        if (patch.region !== undefined || patch.town !== undefined) {
          await this.asFacilitator(live, { type: 'workshop:update', title: roomTitle(next.value.title, room), place: room.town });
        }
        if (patch.closed !== undefined) await this.asFacilitator(live, { type: 'workshop:lock-joining', locked: patch.closed });
      }
      return room;
    });
  }

  /** The new shared design: stored on the series, and sent to every room that has not started. */
  applyDesign(seriesId: string, design: WorkshopDesign): Promise<SeriesDesignResult | null> {
    return this.serial(seriesId, async () => {
      const record = await this.store.findSeries(seriesId);
      if (!record) return null;
      const series: Series = { ...record.series, design: { ...design, lang: record.series.lang, date: record.series.date } };
      await this.store.updateSeries({ ...record, revision: record.revision + 1, series });
      const applied: string[] = [];
      const skipped: DesignSkip[] = [];
      for (const { room, workshop, state } of await this.linked({ ...record, series })) {
        if (!workshop) skipped.push({ roomId: room.id, reason: state === 'gone' ? 'gone' : 'unavailable' });
        else if (room.closed) skipped.push({ roomId: room.id, reason: 'closed' });
        else if (!roomTakesDesign(room, workshop.snapshot)) skipped.push({ roomId: room.id, reason: 'started' });
        else {
          const refusal = await this.sendAll(workshop, designCommands(workshop.snapshot, series.design));
          if (refusal) skipped.push({ roomId: room.id, reason: 'refused', message: refusal });
          else applied.push(room.id);
        }
      }
      return { applied, skipped };
    });
  }

  /**
   * Erases the series (its document and room links); with `rooms`, first every room's workshop too, its sockets
   * told like a facilitator's erasure. Resolves to how many workshops were erased.
   */
  erase(seriesId: string, rooms: boolean, tellSockets: (workshopId: string) => void): Promise<number> {
    return this.serial(seriesId, async () => {
      const record = await this.store.findSeries(seriesId);
      if (!record) return 0;
      let erased = 0;
      if (rooms) {
        const links = await this.store.seriesRooms(seriesId);
        for (const room of record.series.rooms) {
          const workshop = await this.rooms.recordOf(room.code);
          // Only the workshop this room still links to: a code freed and reused belongs to someone else.
          if (!workshop || !links.some((l) => l.roomId === room.id && l.workshopId === workshop.id)) continue;
          await this.rooms.erase(workshop, tellSockets);
          erased++;
        }
        // The next-theme plenary holds the rooms' suggestions and votes: it goes with them.
        const plenary = record.series.plenary ? await this.rooms.recordOf(record.series.plenary.code) : null;
        if (plenary && plenary.id === record.series.plenary?.workshopId) {
          await this.rooms.erase(plenary, tellSockets);
          erased++;
        }
      }
      await this.store.deleteSeries(seriesId);
      return erased;
    });
  }

  /** Sends commands in order and stops at the first refusal, which it names. */
  private async sendAll(workshop: WorkshopRoom, commands: readonly Command[]): Promise<string | null> {
    for (const c of commands) {
      const ack = await this.asFacilitator(workshop, c);
      if (!ack.ok) return `${c.type}: ${ack.message}`;
    }
    return null;
  }

  private asFacilitator(workshop: WorkshopRoom, command: Command) {
    return workshop.execute({ role: 'facilitator' }, `series-${newId()}`, command);
  }

  /** Runs changes to one series one after another, so two edits never race for the same revision. */
  private serial<T>(seriesId: string, task: () => Promise<T>): Promise<T> {
    const before = this.queues.get(seriesId) ?? Promise.resolve();
    const run = before.then(task, task);
    const tail = run.catch(() => undefined);
    this.queues.set(seriesId, tail);
    void tail.then(() => {
      if (this.queues.get(seriesId) === tail) this.queues.delete(seriesId);
    });
    return run;
  }
}

/** A change the series' rules refuse (too many rooms): a 409 for the client, not a server fault. */
export class SeriesRefusal extends Error {}
