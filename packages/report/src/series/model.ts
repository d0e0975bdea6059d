/**
 * The compiled documentation of a series: one pure model (like Documentation for one workshop) that the
 * series report renders in every format; export.json is this model itself.
 */
import type { Lang } from '@fokus/core';

/** 2: the next-theme vote (nextThemeVote). */
export const SERIES_DOCUMENTATION_SCHEMA_VERSION = 2;

export interface SeriesNote {
  text: string;
  /** Texts merged into this note. */
  merged: string[];
  tips: boolean;
  category: string | null;
  /** The region it was written in (for the cross-room sections). */
  region: string;
}

/** One question (a board) with its notes; TIPS set apart. */
export interface SeriesQuestion {
  boardId: string;
  title: string;
  purpose: string;
  notes: SeriesNote[];
  tips: SeriesNote[];
}

export interface SeriesRegion {
  roomId: string;
  region: string;
  town: string;
  host: string;
  /** "REGION NORR – TRÄFF I UMEÅ". */
  heading: string;
  /** Distinct, as written, in the order they first came (participants' towns). */
  towns: string[];
  participants: number;
  /** Its workshop was erased: shown, without figures. */
  gone: boolean;
  questions: SeriesQuestion[];
}

export interface SeriesDocumentation {
  schemaVersion: typeof SERIES_DOCUMENTATION_SCHEMA_VERSION;
  kind: 'series';
  seriesId: string;
  lang: Lang;
  title: string;
  theme: string;
  date: string;
  dateLabel: string;
  /** The introduction, paragraph by paragraph. */
  intro: string[];
  generatedAt: string;
  regions: SeriesRegion[];
  /** Per shared question (the next-theme one aside), every region's notes. */
  crossRoom: SeriesQuestion[];
  nextTheme: { title: string; suggestions: SeriesNote[] };
  /** The vote on the suggestions across every room; null when the organiser has not started it. */
  nextThemeVote: SeriesVote | null;
  totals: { participants: number; towns: number; line: string };
}

/** One suggestion in the next-theme vote (after merges), ranked. */
export interface SeriesVoteItem {
  text: string;
  /** The region it came from (the plenary idea's details). */
  region: string;
  /** Texts merged into it by the organiser. */
  merged: string[];
  dots: number;
  voters: number;
  /** Shared on equal dots ("1, 2, 2, 4"). */
  rank: number;
  /** In the plenary's focus: the next theme, or one of them. */
  focus: boolean;
}

export interface SeriesVote {
  title: string;
  status: 'idle' | 'open' | 'closed';
  anonymous: boolean;
  budget: number;
  /** Dots shown (released by the anonymity gate while anonymous voting is open). */
  dots: number;
  items: SeriesVoteItem[];
}
