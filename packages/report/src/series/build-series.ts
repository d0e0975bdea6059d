/** buildSeriesDocumentation: a series and its rooms' workshops in, the compiled report's model out. Pure. */
import type { Board, Idea, Lang, Series, SeriesRoom, Workshop } from '@fokus/core';
import { activeParticipants, regionName } from '@fokus/core';
import { dateLabel } from '../dates.ts';
import { clean, oneLine } from '../text.ts';
import { wordsFor } from '../words.ts';
import type { SeriesDocumentation, SeriesNote, SeriesQuestion, SeriesRegion } from './model.ts';
import { SERIES_DOCUMENTATION_SCHEMA_VERSION } from './model.ts';
import { buildNextThemeVote } from './build-vote.ts';
import type { SeriesWords } from './words.ts';
import { seriesWordsFor } from './words.ts';

export interface SeriesRoomState {
  room: SeriesRoom;
  /** Null when its workshop is gone. */
  workshop: Workshop | null;
}

/** "Umeå" and "umeå " are one town; the first spelling is the one shown. */
const townKey = (town: string, lang: Lang): string => oneLine(town).toLocaleLowerCase(lang);

function distinctTowns(towns: readonly string[], lang: Lang): string[] {
  const seen = new Map<string, string>();
  for (const t of towns) {
    const key = townKey(t, lang);
    if (key !== '' && !seen.has(key)) seen.set(key, oneLine(t));
  }
  return [...seen.values()];
}

/** The participants' towns in the order they joined. */
function townsOf(s: Workshop): string[] {
  // A stable sort: two who joined in the same millisecond keep the order the workshop took them in.
  const people = [...activeParticipants(s)].sort((a, b) => a.joinedAt - b.joinedAt);
  return distinctTowns(
    people.map((p) => p.town ?? ''),
    s.lang,
  );
}

function note(idea: Idea, region: string): SeriesNote {
  const details = oneLine(idea.details);
  return {
    text: details ? `${oneLine(idea.text)} (${details})` : oneLine(idea.text),
    merged: idea.merged.map(oneLine),
    tips: idea.tips === true,
    category: idea.category ?? null,
    region,
  };
}

function question(board: Board, notes: readonly SeriesNote[]): SeriesQuestion {
  return {
    boardId: board.id,
    title: oneLine(board.title),
    purpose: oneLine(board.purpose),
    notes: notes.filter((n) => !n.tips),
    tips: notes.filter((n) => n.tips),
  };
}

/** A room's notes per board: its visible ideas, in the order they were written. */
function notesByBoard(s: Workshop, region: string): Map<string, SeriesNote[]> {
  const out = new Map<string, SeriesNote[]>(s.boards.map((b) => [b.id, []]));
  const ideas = Object.values(s.ideas)
    .filter((i) => !i.hidden)
    .sort((a, b) => a.seq - b.seq);
  for (const i of ideas) out.get(i.boardId)?.push(note(i, region));
  return out;
}

/** The board that collects next-theme suggestions: named so, or else the last one. */
export function nextThemeBoard(boards: readonly Board[], w: SeriesWords): Board | null {
  return boards.find((b) => w.nextThemeTitles.some((t) => oneLine(b.title).toLocaleLowerCase('sv').startsWith(t))) ?? boards[boards.length - 1] ?? null;
}

export interface SeriesOptions {
  now: number;
  /** The next-theme plenary's state as shown (anonymity gate applied); absent or null when there is none. */
  plenary?: Workshop | null;
}

export function buildSeriesDocumentation(series: Series, rooms: readonly SeriesRoomState[], options: SeriesOptions): SeriesDocumentation {
  const w = seriesWordsFor(series.lang);
  const regions: SeriesRegion[] = [];
  const shared = series.design.boards;
  const sharedNext = nextThemeBoard(shared, w);
  const cross = new Map<string, SeriesNote[]>(shared.map((b) => [b.id, []]));
  const suggestions: SeriesNote[] = [];
  let participants = 0;
  const allTowns: string[] = [];
  // A closed room was taken out of the day: it is not part of the compiled report.
  for (const { room, workshop } of rooms.filter((r) => !r.room.closed)) {
    const region = oneLine(regionName(room.region));
    const base = { roomId: room.id, region, town: oneLine(room.town), host: oneLine(room.host), heading: w.regionHeading(region, oneLine(room.town)) };
    if (!workshop) {
      regions.push({ ...base, towns: [], participants: 0, gone: true, questions: [] });
      continue;
    }
    const towns = townsOf(workshop);
    const count = activeParticipants(workshop).length;
    participants += count;
    allTowns.push(...towns);
    const notes = notesByBoard(workshop, region);
    const next = nextThemeBoard(workshop.boards, w);
    for (const b of workshop.boards) {
      const written = notes.get(b.id) ?? [];
      if (b.id === next?.id) suggestions.push(...written);
      else {
        // The same question in every room: by its id from the shared design, else by its title.
        const key = shared.find((q) => q.id === b.id)?.id ?? shared.find((q) => oneLine(q.title) === oneLine(b.title))?.id;
        if (key !== undefined && key !== sharedNext?.id) cross.get(key)?.push(...written);
      }
    }
    regions.push({ ...base, towns, participants: count, gone: false, questions: workshop.boards.map((b) => question(b, notes.get(b.id) ?? [])) });
  }
  const townCount = distinctTowns(allTowns, series.lang).length;
  return {
    schemaVersion: SERIES_DOCUMENTATION_SCHEMA_VERSION,
    kind: 'series',
    seriesId: series.id,
    lang: series.lang,
    title: oneLine(series.title),
    theme: oneLine(series.theme),
    date: series.date,
    dateLabel: dateLabel(series.date, wordsFor(series.lang)),
    intro: clean(series.intro)
      .split(/\n\s*\n/)
      .map(oneLine)
      .filter((p) => p !== ''),
    generatedAt: new Date(options.now).toISOString(),
    regions,
    crossRoom: shared.filter((b) => b.id !== sharedNext?.id).map((b) => question(b, cross.get(b.id) ?? [])),
    nextTheme: { title: sharedNext ? oneLine(sharedNext.title) : w.nextTheme, suggestions },
    nextThemeVote: options.plenary ? buildNextThemeVote(options.plenary, w) : null,
    totals: { participants, towns: townCount, line: w.totals(participants, townCount) },
  };
}
