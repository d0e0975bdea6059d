/** The series' rules as pure functions: what a room is called, which rooms take a new design, and how. */
import type { Command } from '../commands.ts';
import type { WorkshopDesign } from '../design.ts';
import type { Result } from '../errors.ts';
import { fail, ok } from '../errors.ts';
import type { Board, Workshop } from '../model.ts';
import type { Series, SeriesRoom } from './model.ts';
import { SERIES_LIMITS } from './model.ts';

/** "Region Norr" and "Norr" name the same region: the word is added once, wherever it is shown. */
export function regionName(region: string): string {
  const bare = region.replace(/^\s*region\s+/i, '').trim();
  return bare === '' ? region.trim() : bare;
}

/** The room's workshop title, as its projector and console show it: "Nätverksträff – Region Norr (Umeå)". */
export function roomTitle(seriesTitle: string, room: Pick<SeriesRoom, 'region' | 'town'>): string {
  const place = room.town.trim() === '' ? '' : ` (${room.town.trim()})`;
  return `${seriesTitle} – Region ${regionName(room.region)}${place}`.slice(0, 120);
}

export interface RoomPatch {
  region?: string;
  town?: string;
  host?: string;
  closed?: boolean;
}

export function addRoom(series: Series, room: SeriesRoom): Result<Series> {
  if (series.rooms.length >= SERIES_LIMITS.rooms) return fail('limit_reached', `at most ${SERIES_LIMITS.rooms} rooms in a series`);
  if (series.rooms.some((r) => r.id === room.id || r.workshopId === room.workshopId)) return fail('already_exists', 'that room is in the series already');
  return ok({ ...series, rooms: [...series.rooms, room] });
}

export function updateRoom(series: Series, roomId: string, patch: RoomPatch): Result<Series> {
  const room = series.rooms.find((r) => r.id === roomId);
  if (!room) return fail('not_found', 'no such room in this series');
  const next: SeriesRoom = {
    ...room,
    ...(patch.region === undefined ? {} : { region: patch.region }),
    ...(patch.town === undefined ? {} : { town: patch.town }),
    ...(patch.host === undefined ? {} : { host: patch.host }),
    ...(patch.closed === undefined ? {} : { closed: patch.closed }),
  };
  return ok({ ...series, rooms: series.rooms.map((r) => (r.id === roomId ? next : r)) });
}

/**
 * A room takes the shared design only before it starts: still on its first step and without a note. After
 * that its questions are the room's own (moving a board under people's notes would change what they answered).
 */
export function roomTakesDesign(room: Pick<SeriesRoom, 'closed'>, workshop: Pick<Workshop, 'stepIndex' | 'ideas'>): boolean {
  return !room.closed && workshop.stepIndex === 0 && Object.keys(workshop.ideas).length === 0;
}

const sameStrings = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function boardChanged(a: Board, b: Board): boolean {
  return a.title !== b.title || a.purpose !== b.purpose || !sameStrings(a.questions, b.questions) || (a.color ?? '') !== (b.color ?? '');
}

/**
 * The facilitator commands that turn a room's questions and categories into the design's, in an order every
 * one of them is accepted in: new boards first (a room never has none), then changes, deletions, the order.
 */
export function designCommands(workshop: Pick<Workshop, 'boards' | 'categories'>, design: Pick<WorkshopDesign, 'boards' | 'categories'>): Command[] {
  const out: Command[] = [];
  const current = new Map(workshop.boards.map((b) => [b.id, b]));
  const wanted = new Set(design.boards.map((b) => b.id));
  for (const b of design.boards) {
    const had = current.get(b.id);
    if (!had) out.push({ type: 'board:add', board: b });
    else if (boardChanged(had, b)) {
      out.push({ type: 'board:update', boardId: b.id, title: b.title, purpose: b.purpose, questions: b.questions, ...(b.color ? { color: b.color } : {}) });
    }
  }
  for (const b of workshop.boards) if (!wanted.has(b.id)) out.push({ type: 'board:delete', boardId: b.id });
  const ids = design.boards.map((b) => b.id);
  const after = [...workshop.boards.map((b) => b.id).filter((id) => wanted.has(id)), ...ids.filter((id) => !current.has(id))];
  if (!sameStrings(after, ids)) out.push({ type: 'board:reorder', boardIds: ids });
  if (!sameStrings(workshop.categories, design.categories)) out.push({ type: 'workshop:update', categories: design.categories });
  return out;
}
