/** The workshop domain: plain data, no behaviour. Everything a workshop is, as the event log builds it. */

import type { Ballots } from './ballots.ts';
import type { Sharded } from './records.ts';

export type Lang = 'sv' | 'en';
export type TemplateId = 'handlingsplan' | 'fragerunda' | 'blank';

/** A column of the board: a dimension (format A) or a question (format B). */
export interface Board {
  id: string;
  title: string;
  purpose: string;
  questions: string[];
  /** A colour name from BOARD_COLORS; absent or '' for the board's default by position. */
  color?: string;
}

export type StepKind = 'lobby' | 'brainstorm' | 'present' | 'reflect' | 'vote' | 'focus' | 'plan';

/** A timed part of one step ("2 min enskilt", then "10 min diskussion"): its own countdown. */
export interface StepPhase {
  /** Lower case, read after the minutes: "enskilt", "diskussion". */
  title: string;
  minutes: number;
}

export interface AgendaStep {
  id: string;
  kind: StepKind;
  title: string;
  prompt: string;
  minutes: number;
  /** Timed parts, in order; absent for a step that is one countdown. */
  phases?: StepPhase[];
}

/** The minutes a step's countdown starts with: its first phase's, or the whole step's. */
export function firstMinutes(step: AgendaStep): number {
  return step.phases?.[0]?.minutes ?? step.minutes;
}

/** A countdown computed from server time: remaining = durationMs - elapsedMs - (now - startedAt). */
export interface Timer {
  durationMs: number;
  elapsedMs: number;
  startedAt: number | null;
}

export interface Participant {
  id: string;
  name: string;
  organisation: string;
  /** The town or municipality they come from, as they wrote it; '' when not given. */
  town: string;
  groupId: string | null;
  joinedAt: number;
  /** sha-256 of the participant's resume token; never leaves the server. */
  tokenHash: string;
  done: boolean;
  removed: boolean;
  /** Added by the facilitator for someone without a phone: their paper ballot is placed from the console. */
  paper: boolean;
}

export interface Group {
  id: string;
  name: string;
}

export interface Idea {
  id: string;
  boardId: string;
  text: string;
  details: string;
  groupId: string | null;
  authorId: string | null;
  hidden: boolean;
  /** Creation order, the stable tie-break everywhere. */
  seq: number;
  /** Texts of the ideas merged into this one, kept for the documentation. */
  merged: string[];
  /** Marked TIPS by its writer or the host: the seed's notes set these apart. */
  tips: boolean;
  /** One of the workshop's categories ("Förbättringar"), or null. */
  category: string | null;
}

export interface VotingSettings {
  budget: number;
  /** Most dots one person may stack on one idea; null means no cap beyond the budget. */
  capPerIdea: number | null;
  anonymous: boolean;
  hideResults: boolean;
}

export type VotingStatus = 'idle' | 'open' | 'closed';

export interface Voting {
  status: VotingStatus;
  revealed: boolean;
  settings: VotingSettings;
}

export type FocusMode = 'threshold' | 'top';

export interface FocusSettings {
  mode: FocusMode;
  value: number;
  added: string[];
  removed: string[];
}

export type MeetingKind = 'physical' | 'monthly' | 'all' | 'study' | 'other';

/** One line of the year plan ("Årets teman & träffar"): a meeting in a month of the plan year. */
export interface PlanRow {
  id: string;
  /** 'YYYY-MM'; '' only for a row from an older log whose free-text month could not be read (its text is in `comment`). */
  month: string;
  /** Day of the month, when known. */
  day: number | null;
  /** 'HH:MM', when known; a row with a day and no start is an all-day meeting. */
  start: string | null;
  end: string | null;
  kind: MeetingKind;
  /** The fixed number of the theme it serves (its idea's seq), shown as "Tema #". */
  themeNo: number | null;
  theme: string;
  ideaId: string | null;
  host: string;
  backup: string;
  comment: string;
}

export interface Workshop {
  id: string;
  title: string;
  lang: Lang;
  template: TemplateId;
  createdAt: number;
  /** The year the focus list and plan are for ("Fokus år 2027"). */
  planYear: number;
  /** Where the meeting is held, for the documentation. */
  place: string;
  /** The meeting day 'YYYY-MM-DD'; '' means the day the workshop was created. */
  date: string;
  /** When the first step starts, 'HH:MM' or '': the documentation's agenda gets clock times from it. */
  startTime: string;
  rules: string[];
  /** The values the meeting stands on, shown with the rules ("Bästa möjliga möte"). */
  values: string[];
  /** What a note may be filed under ("Förbättringar", "Utmaningar"): part of the design. */
  categories: string[];
  boards: Board[];
  agenda: AgendaStep[];
  stepIndex: number;
  /** The current part of a step with phases; 0 for a step without. */
  phaseIndex: number;
  timer: Timer;
  spotlightGroupId: string | null;
  joiningLocked: boolean;
  /** participantId -> participant, sharded (read it through participants.ts: participantOf, activeParticipants). */
  participants: Sharded<Participant>;
  groups: Group[];
  /** Records keyed by id have no prototype (records.ts): a reserved name such as "__proto__" is just a key. */
  ideas: Record<string, Idea>;
  nextIdeaSeq: number;
  voting: Voting;
  /** participantId -> ideaId -> dots, sharded (read it through ballotOf / eachBallot). */
  votes: Ballots;
  /** ideaId -> dots, kept in step with `votes` (a projection for O(1) reads). */
  tallies: Record<string, number>;
  focus: FocusSettings;
  plan: PlanRow[];
  /** Number of events applied. */
  version: number;
  /** How many of them placed or took back a dot: left out of the public version (see publicVersion). */
  dotEvents: number;
}

/**
 * The version the facilitator and the screen are shown: every event except dots. A counter that moved with each
 * dot would let anyone watching it count a person's dots between two of their "klar"s, which anonymous voting forbids.
 */
export const publicVersion = (s: Pick<Workshop, 'version' | 'dotEvents'>): number => s.version - s.dotEvents;

export const DEFAULT_VOTING: VotingSettings = { budget: 10, capPerIdea: null, anonymous: true, hideResults: true };
export const DEFAULT_FOCUS: FocusSettings = { mode: 'threshold', value: 6, added: [], removed: [] };

/**
 * The plan year a new workshop gets: a meeting held from September on plans the next year (the seed's
 * November meeting made "Fokus år 2023"), one earlier in the year plans the year it is in.
 */
export function defaultPlanYear(now: number): number {
  const d = new Date(now);
  const year = d.getUTCMonth() >= 8 ? d.getUTCFullYear() + 1 : d.getUTCFullYear();
  // Within the years a design allows (design.ts), even for a test clock at 1970.
  return Math.min(2100, Math.max(2000, year));
}

export const LIMITS = {
  title: 120,
  place: 120,
  boardTitle: 200,
  boardPurpose: 1000,
  question: 300,
  questions: 12,
  stepTitle: 120,
  stepPrompt: 1000,
  stepMinutes: 600,
  phases: 6,
  rules: 20,
  rule: 300,
  name: 60,
  organisation: 80,
  town: 80,
  categories: 20,
  category: 60,
  ideaText: 200,
  ideaDetails: 1000,
  boards: 12,
  steps: 30,
  groups: 50,
  participants: 5000,
  ideas: 2000,
  budget: 100,
  mergeSources: 50,
  planRows: 60,
  planField: 200,
  timerMs: 6 * 60 * 60 * 1000,
} as const;
