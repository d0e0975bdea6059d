/**
 * The next-theme plenary: one extra workshop where the participants of every room vote together on the collected
 * next-theme suggestions. Pure: its design, and the upgrade that gives older series documents their place for it.
 */
import type { WorkshopDesign } from '../design.ts';
import type { Series } from './model.ts';
import { SERIES_SCHEMA } from './model.ts';

export const PLENARY_BOARD_ID = 'nasta-tema';

const words = {
  sv: {
    board: 'Förslag på nästa tema',
    purpose: 'Förslagen från alla regioner. Dela ut dina prickar på det du helst vill ha som nästa tema.',
    title: (t: string) => `${t} – nästa tema`,
    vote: ['Röstning', 'Dela ut dina prickar.'],
    focus: ['Nästa tema', 'De högst rankade förslagen.'],
  },
  en: {
    board: 'Suggestions for the next theme',
    purpose: 'The suggestions from every region. Place your dots on what you would most like as the next theme.',
    title: (t: string) => `${t} – next theme`,
    vote: ['Voting', 'Place your dots.'],
    focus: ['Next theme', 'The highest ranked suggestions.'],
  },
} as const;

/**
 * One board and a vote then a focus step; the budget, cap, anonymity and focus rule are the series' own design
 * defaults. Results are shown live: the point of the plenary is one ranking on every room's projector (anonymous
 * voting still moves it only in steps no one person can be read from).
 */
export function plenaryDesign(series: Series): WorkshopDesign {
  const w = words[series.lang];
  return {
    ...series.design,
    title: w.title(series.title).slice(0, 120),
    place: '',
    categories: [],
    voting: { ...series.design.voting, hideResults: false },
    boards: [{ id: PLENARY_BOARD_ID, title: w.board, purpose: w.purpose, questions: [] }],
    agenda: [
      { id: 'rostning', kind: 'vote', title: w.vote[0], prompt: w.vote[1], minutes: 10 },
      { id: 'fokus', kind: 'focus', title: w.focus[0], prompt: w.focus[1], minutes: 5 },
    ],
  };
}

/** A series document as stored by any schema so far. */
export type StoredSeries = Omit<Series, 'schema'> & { schema: number };

/**
 * A stored document of any earlier schema as the current one. 1 → 2: a schema 1 document has no plenary, which an
 * absent `plenary` already says, so the document is kept as written (the store gives back what it was given).
 */
export function upgradeSeries(doc: StoredSeries): Series {
  return { ...doc, schema: SERIES_SCHEMA };
}
