/**
 * A series: one theme, one shared design, several rooms meeting the same day in different towns (Citygroup's
 * "Nätverksträff", six regions). Each room is a full workshop of its own; the series only knows which, and owns
 * what they share. Pure data: the server stores it as one JSON document with a schema version.
 */
import type { WorkshopDesign } from '../design.ts';
import type { Lang } from '../model.ts';

/** The document's schema; older documents are upgraded before use (upgradeSeries). 2: the next-theme plenary. */
export const SERIES_SCHEMA = 2;

export interface SeriesRoom {
  id: string;
  /** "Norr", "Värmland/Dalsland": the heading reads "REGION NORR – TRÄFF I UMEÅ". */
  region: string;
  /** Where the room meets. */
  town: string;
  /** Who runs it (a name, not an account: the room's host key is what proves it). */
  host: string;
  /** The workshop behind the room and its join code; both fixed once the room is made. */
  workshopId: string;
  code: string;
  /** A closed room stays in the series (and its report) but takes no shared design any more. */
  closed: boolean;
  createdAt: number;
}

export interface Series {
  schema: typeof SERIES_SCHEMA;
  id: string;
  title: string;
  theme: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  lang: Lang;
  /** The introduction of the compiled report ("I din hand håller du …"). */
  intro: string;
  /** What every room that has not started runs: the questions (boards), agenda, rules, categories. */
  design: WorkshopDesign;
  rooms: SeriesRoom[];
  /** The one workshop where every room votes on the next theme; null until the organiser starts it. */
  plenary?: SeriesPlenary | null;
  createdAt: number;
}

/** The next-theme vote's workshop: its facilitator key is the organiser's, stored (hashed) with the workshop. */
export interface SeriesPlenary {
  workshopId: string;
  code: string;
  createdAt: number;
}

export const SERIES_LIMITS = {
  title: 120,
  theme: 200,
  intro: 5000,
  region: 80,
  town: 80,
  host: 80,
  rooms: 30,
} as const;
