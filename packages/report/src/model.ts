import type { Lang, MeetingKind, StepKind, TemplateId, VotingStatus } from '@fokus/core';

/** Raised when a field is renamed or removed or changes meaning; adding a field keeps it. */
export const DOCUMENTATION_SCHEMA_VERSION = 1;

/**
 * The documentation of one workshop, as a Swedish office mails it: everything the meeting decided, in the
 * workshop's language, with the words already chosen (meeting kinds, month names, "Fokus år 2027").
 *
 * A stable contract: `export.json` is this object, every export format (DOCX, PDF, XLSX, Markdown, CSV,
 * ICS) renders it, and the printable page `/f/CODE/rapport` shows it. Built by the pure `buildDocumentation`;
 * no field depends on the clock except `generatedAt`. Text is the participants' own, less control
 * characters no file format can hold; renderers escape it for their format.
 */
export interface Documentation {
  schemaVersion: typeof DOCUMENTATION_SCHEMA_VERSION;
  workshopId: string;
  lang: Lang;
  template: TemplateId;
  title: string;
  /** The year the focus list and the plan are for. */
  planYear: number;
  /** "Fokus år 2027" / "Focus 2027": the heading of the focus lists. */
  focusTitle: string;
  /** "Handlingsplan 2027" / "Action plan 2027". */
  planTitle: string;
  /** The meeting day, 'YYYY-MM-DD'. */
  date: string;
  /** "20 november 2026". */
  dateLabel: string;
  place: string;
  joinCode: string;
  /** When this documentation was made (ISO 8601, UTC). */
  generatedAt: string;
  rules: string[];
  values: string[];
  /** Everyone taking part (phones and people added on paper alike), by name; removed people are left out. */
  participants: DocParticipant[];
  groups: DocGroup[];
  agenda: DocStep[];
  voting: DocVoting;
  boards: DocBoard[];
  /** Every plan row, in calendar order: month, day (rows without a day last in their month), start; unread months last. */
  plan: DocPlanRow[];
  /** January of the plan year to January of the next: 13 months, each with its plan rows. */
  calendar: DocMonth[];
  /**
   * "Funderingar": visible themes phrased as a question (the text ends with "?") that are not in the focus
   * list, on boards that are not questions themselves (where every idea is an answer). Empty when none.
   */
  openQuestions: DocOpenQuestion[];
}

export interface DocParticipant {
  id: string;
  name: string;
  organisation: string;
  /** The group's name, or null. */
  group: string | null;
  /** Added by the facilitator for someone without a phone; counted like everyone. */
  paper: boolean;
}

export interface DocGroup {
  id: string;
  name: string;
  /** Names of its present members, by name. */
  members: string[];
}

export interface DocStep {
  id: string;
  kind: StepKind;
  title: string;
  prompt: string;
  minutes: number;
  /** 'HH:MM' from the start time given to buildDocumentation; null when none was given. */
  start: string | null;
  end: string | null;
  phases: DocPhase[];
}

export interface DocPhase {
  title: string;
  minutes: number;
  start: string | null;
  end: string | null;
}

export interface DocVoting {
  status: VotingStatus;
  anonymous: boolean;
  budget: number;
  /** Dots counted in this documentation (with anonymous voting open: only those released). */
  dots: number;
}

export interface DocBoard {
  id: string;
  title: string;
  purpose: string;
  questions: string[];
  /** A colour name from core's BOARD_COLORS, or '' for the default by position. */
  color: string;
  /** Visible ideas, most dots first, equal dots in creation order, with their shared ranks ("1, 2, 2, 4"). */
  ranking: DocIdea[];
  /** The focus list ("Fokus år 2027"): the ranking's ideas in focus, in ranking order. */
  focus: DocIdea[];
  /** Hidden ideas, in creation order (rank null). */
  hidden: DocIdea[];
}

export interface DocIdea {
  id: string;
  /** The fixed theme number (the idea's creation number), "Tema #". */
  themeNo: number;
  text: string;
  details: string;
  dots: number;
  /** How many people put dots on it. */
  voters: number;
  /** Competition rank within its board; null for a hidden idea. */
  rank: number | null;
  focus: boolean;
  /** The facilitator's hand on the focus list: added below the cut line, or removed above it. */
  manual: 'added' | 'removed' | null;
  hidden: boolean;
  /** Texts of the ideas merged into this one. */
  merged: string[];
  /** The group it was written in, by name. */
  group: string | null;
}

export interface DocPlanRow {
  id: string;
  /** 'YYYY-MM', or '' for a migrated row whose month could not be read (its old text is in `comment`). */
  month: string;
  day: number | null;
  start: string | null;
  end: string | null;
  kind: MeetingKind;
  /** "Månadsmöte". */
  kindLabel: string;
  themeNo: number | null;
  theme: string;
  ideaId: string | null;
  host: string;
  backup: string;
  /** "Maria (Monica)": the host with the backup in parentheses, as the seed writes it. */
  hostLabel: string;
  comment: string;
  /** "4 mars 2027 09:30–11:00", "mars 2027", or '' for an unread month. */
  when: string;
}

export interface DocMonth {
  /** 'YYYY-MM'. */
  month: string;
  /** "Mars"; the January after the plan year carries its year ("Januari 2028"). */
  label: string;
  rows: DocPlanRow[];
}

export interface DocOpenQuestion {
  ideaId: string;
  themeNo: number;
  board: string;
  text: string;
  details: string;
  dots: number;
}
