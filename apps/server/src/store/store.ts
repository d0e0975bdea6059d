import type { Series, WorkshopEvent } from '@fokus/core';

/** A workshop's identity outside the event log: how people find it and how its facilitator proves who they are. */
export interface WorkshopRecord {
  id: string;
  code: string;
  keyHash: string;
  createdAt: number;
}

/** An acknowledged command's answer, kept so a resend of the same op id gets the same answer. */
export interface OpRecord {
  actor: string;
  opId: string;
  result: string;
}

/** An op record as stored: `at` is when it was written, so records no resend can still need are pruned. */
export interface StoredOp extends OpRecord {
  at: number;
}

export interface StoredEvent {
  seq: number;
  event: WorkshopEvent;
}

/** Everything one commit makes durable for one workshop. `fromSeq` is the seq of the first event. */
export interface WorkshopWrite {
  workshopId: string;
  fromSeq: number;
  events: WorkshopEvent[];
  ops: OpRecord[];
  /** When the room made this write (its clock): the workshop's last activity and its ops' age. */
  at?: number;
}

/**
 * A series as stored: its organiser's key as a hash, the document (rooms, shared design) with a revision that
 * every update must name, and per room the workshop it is, or null once that workshop has been erased.
 */
export interface SeriesRecord {
  id: string;
  keyHash: string;
  createdAt: number;
  /** 1 when created, one more per update: an update naming an older revision is refused. */
  revision: number;
  series: Series;
}

/** Which workshop a room of a series is; `workshopId` null when the workshop is gone (erased, expired). */
export interface SeriesRoomLink {
  roomId: string;
  workshopId: string | null;
}

/**
 * The persistence contract. An append-only log per workshop plus the answers to its commands.
 * `commit` is all-or-nothing over every write in the batch and durable when it resolves. A write that does not
 * continue its workshop's log (another process took the seq) or repeats a stored op id is refused with
 * StoreConflictError: the database, not process memory, decides the order.
 * Every implementation passes `store-contract.ts`.
 */
export interface WorkshopStore {
  createWorkshop(record: WorkshopRecord, first: WorkshopWrite): Promise<void>;
  commit(writes: readonly WorkshopWrite[]): Promise<void>;
  findByCode(code: string): Promise<WorkshopRecord | null>;
  /** The workshop's events in seq order; with `afterSeq`, only those after it (the tail another process wrote). */
  loadEvents(workshopId: string, afterSeq?: number): Promise<StoredEvent[]>;
  /** The workshop's op records; with `since`, only those written at or after that time. */
  loadOps(workshopId: string, since?: number): Promise<StoredOp[]>;
  /** One op record, if stored: the answer to a resend older than what a room keeps in memory. */
  findOp(workshopId: string, actor: string, opId: string): Promise<StoredOp | null>;
  /** Workshops whose last write (or creation) is older than `before`: what retention erases. */
  listIdle(before: number): Promise<WorkshopRecord[]>;
  /** Erases a workshop with its events and op records, leaving none of its text in any file. */
  deleteWorkshop(workshopId: string): Promise<void>;
  /** Replaces stored events in place (erasing a person from history), leaving none of the old text in any file. */
  rewriteEvents(workshopId: string, events: readonly StoredEvent[]): Promise<void>;
  /** Forgets op records written before `before`; resolves to how many. */
  pruneOps(before: number): Promise<number>;
  /** A new series (revision 1) with its rooms' workshops; refused if the id exists. */
  createSeries(record: SeriesRecord): Promise<void>;
  /** Replaces the document if the stored revision is `record.revision - 1`; else StoreConflictError. */
  updateSeries(record: SeriesRecord): Promise<void>;
  findSeries(seriesId: string): Promise<SeriesRecord | null>;
  /** The series' rooms and their workshops: an erased workshop leaves its room with `workshopId: null`. */
  seriesRooms(seriesId: string): Promise<SeriesRoomLink[]>;
  /** Erases a series' document and room links (not its rooms' workshops), leaving none of its text in any file. */
  deleteSeries(seriesId: string): Promise<void>;
  /** A tiny real write, made durable: resolves only if a commit could land right now. For health checks. */
  probe(): Promise<void>;
  close(): Promise<void>;
}

/** A write lost a race (seq taken, op id already stored) or a revision check: reload and decide again. */
export class StoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConflictError';
  }
}
