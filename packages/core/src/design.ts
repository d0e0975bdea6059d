/**
 * A workshop design: everything a facilitator prepares before the day (boards, agenda, rules, voting
 * defaults, the focus rule), and nothing that happens on it. Templates are designs; a design file is
 * one of these; `designOf` reads the design back out of a running workshop, so "Kopiera" and
 * "Spara som mall" give the same thing.
 */

import type { DomainError } from './errors.ts';
import type { AgendaStep, Board, FocusMode, Lang, StepPhase, VotingSettings, Workshop } from './model.ts';
import { LIMITS } from './model.ts';

export interface FocusRule {
  mode: FocusMode;
  value: number;
}

export interface WorkshopDesign {
  title: string;
  lang: Lang;
  planYear: number;
  place: string;
  /** 'YYYY-MM-DD' or '' (the day it is created). */
  date: string;
  /** 'HH:MM' or '': when the agenda starts. */
  startTime: string;
  rules: string[];
  values: string[];
  /** What a note may be filed under ("Förbättringar", "Utmaningar"); often none. */
  categories: string[];
  boards: Board[];
  agenda: AgendaStep[];
  voting: VotingSettings;
  focus: FocusRule;
}

/** The colours a board may take; the screen and phone map each to a palette entry. */
export const BOARD_COLORS = ['blue', 'green', 'orange', 'purple', 'red', 'teal', 'yellow', 'grey'] as const;
export type BoardColor = (typeof BOARD_COLORS)[number];

export const PLAN_YEAR_RANGE = { min: 2000, max: 2100 } as const;

export function designOf(s: Workshop): WorkshopDesign {
  return structuredClone({
    title: s.title,
    lang: s.lang,
    planYear: s.planYear,
    place: s.place,
    date: s.date,
    startTime: s.startTime,
    rules: s.rules,
    values: s.values,
    categories: s.categories,
    boards: s.boards,
    agenda: s.agenda,
    voting: s.voting.settings,
    focus: { mode: s.focus.mode, value: s.focus.value },
  });
}

/** A step's minutes follow its phases when it has them: "2 min enskilt" + "10 min diskussion" is a 12-minute step. */
export function withPhaseMinutes(step: AgendaStep): AgendaStep {
  const phases = step.phases;
  if (!phases || phases.length === 0) {
    const { phases: _none, ...rest } = step;
    return rest;
  }
  return { ...step, minutes: phases.reduce((sum, p) => sum + p.minutes, 0) };
}

const err = (message: string): DomainError => ({ code: 'invalid', message });

/** The rules every design obeys, whoever made it (a template, a file, the designer); null when it is sound. */
export function checkDesign(d: WorkshopDesign): DomainError | null {
  if (d.boards.length < 1 || d.boards.length > LIMITS.boards) return err(`boards: between 1 and ${LIMITS.boards}`);
  if (d.agenda.length < 1 || d.agenda.length > LIMITS.steps) return err(`agenda: between 1 and ${LIMITS.steps} steps`);
  if (hasDuplicate(d.boards.map((b) => b.id))) return err('boards: two boards have the same id');
  if (hasDuplicate(d.agenda.map((st) => st.id))) return err('agenda: two steps have the same id');
  for (const [i, b] of d.boards.entries()) {
    const refusal = checkBoard(b);
    if (refusal) return err(`boards.${i}: ${refusal.message}`);
  }
  for (const [i, st] of d.agenda.entries()) {
    const refusal = checkStep(st);
    if (refusal) return err(`agenda.${i}: ${refusal.message}`);
  }
  if (!Number.isInteger(d.planYear) || d.planYear < PLAN_YEAR_RANGE.min || d.planYear > PLAN_YEAR_RANGE.max) {
    return err(`planYear: ${PLAN_YEAR_RANGE.min}–${PLAN_YEAR_RANGE.max}`);
  }
  if (d.date !== '' && !isIsoDate(d.date)) return err('date: YYYY-MM-DD');
  const categories = checkCategories(d.categories);
  if (categories) return categories;
  if (d.startTime !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(d.startTime)) return err('startTime: HH:MM');
  const v = d.voting;
  if (!Number.isInteger(v.budget) || v.budget < 1 || v.budget > LIMITS.budget) return err(`voting.budget: 1–${LIMITS.budget}`);
  if (v.capPerIdea !== null && (!Number.isInteger(v.capPerIdea) || v.capPerIdea < 1 || v.capPerIdea > v.budget)) {
    return err('voting.capPerIdea: between 1 and the budget');
  }
  if (!Number.isInteger(d.focus.value) || d.focus.value < (d.focus.mode === 'top' ? 1 : 0) || d.focus.value > 1000) {
    return err('focus.value: out of range');
  }
  return null;
}

/** At most 20 categories of at most 60 characters, none empty, no two alike (a note names one by its text). */
export function checkCategories(categories: readonly string[]): DomainError | null {
  if (categories.length > LIMITS.categories) return err(`categories: at most ${LIMITS.categories}`);
  for (const [i, c] of categories.entries()) {
    if (c.trim() === '' || c.length > LIMITS.category) return err(`categories.${i}: 1–${LIMITS.category} characters`);
  }
  if (hasDuplicate(categories.map((c) => c.toLocaleLowerCase('sv')))) return err('categories: two are the same');
  return null;
}

export function checkBoard(b: Board): DomainError | null {
  if (b.title.trim() === '') return err('title: empty');
  if (b.questions.length > LIMITS.questions) return err(`questions: at most ${LIMITS.questions}`);
  if (b.color && !(BOARD_COLORS as readonly string[]).includes(b.color)) return err(`color: one of ${BOARD_COLORS.join(', ')}`);
  return null;
}

export function checkStep(st: AgendaStep): DomainError | null {
  if (st.title.trim() === '') return err('title: empty');
  if (!Number.isInteger(st.minutes) || st.minutes < 0 || st.minutes > LIMITS.stepMinutes) return err(`minutes: 0–${LIMITS.stepMinutes}`);
  const phases: StepPhase[] = st.phases ?? [];
  if (phases.length > LIMITS.phases) return err(`phases: at most ${LIMITS.phases}`);
  for (const [i, p] of phases.entries()) {
    if (p.title.trim() === '') return err(`phases.${i}.title: empty`);
    if (!Number.isInteger(p.minutes) || p.minutes < 1 || p.minutes > LIMITS.stepMinutes) return err(`phases.${i}.minutes: 1–${LIMITS.stepMinutes}`);
  }
  if (phases.length > 0 && st.minutes !== phases.reduce((sum, p) => sum + p.minutes, 0)) return err('minutes: the sum of the phases');
  return null;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function hasDuplicate(ids: string[]): boolean {
  return new Set(ids).size !== ids.length;
}

/** `ids` is exactly the given list in another order. */
export function isPermutation(ids: readonly string[], of: readonly string[]): boolean {
  if (ids.length !== of.length || hasDuplicate([...ids])) return false;
  const known = new Set(of);
  return ids.every((id) => known.has(id));
}
