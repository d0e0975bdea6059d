/**
 * What the organiser sees of a series (GET /api/series/:id): each room's code, step, participants and notes per
 * question. Read from the rooms' live state; the organiser dashboard and the plenary view can poll this.
 */
import { activeParticipants } from '@fokus/core';
import type { SeriesRoomStatus, SeriesStatus } from '@fokus/protocol';
import type { SeriesRecord } from '../store/store.ts';
import type { LinkedPlenary } from './plenary.ts';
import { plenaryStatus } from './plenary.ts';
import type { LinkedRoom } from './registry.ts';

export function roomStatus({ room, workshop, state }: LinkedRoom): SeriesRoomStatus {
  const base = { roomId: room.id, region: room.region, town: room.town, host: room.host, code: room.code, closed: room.closed, state };
  if (!workshop) return { ...base, title: null, step: null, stepIndex: null, participants: 0, notes: 0, notesPerQuestion: [] };
  const s = workshop.shown;
  const visible = Object.values(s.ideas).filter((i) => !i.hidden);
  return {
    ...base,
    title: s.title,
    step: s.agenda[s.stepIndex]?.title ?? null,
    stepIndex: s.stepIndex,
    participants: activeParticipants(s).length,
    notes: visible.length,
    notesPerQuestion: s.boards.map((b) => ({ boardId: b.id, title: b.title, notes: visible.filter((i) => i.boardId === b.id).length })),
  };
}

export function seriesStatus(record: SeriesRecord, linked: readonly LinkedRoom[], plenary: LinkedPlenary | null = null): SeriesStatus {
  const s = record.series;
  return {
    seriesId: s.id,
    title: s.title,
    theme: s.theme,
    date: s.date,
    lang: s.lang,
    intro: s.intro,
    categories: s.design.categories,
    questions: s.design.boards.map((b) => ({ boardId: b.id, title: b.title })),
    rooms: linked.map(roomStatus),
    plenary: plenary ? plenaryStatus(plenary) : null,
  };
}
