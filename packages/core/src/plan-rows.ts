/**
 * Plan rows as dates. Older logs stored the month as free text ("Mars", "feb", "Jan 2024"): such a row is
 * read into a month of the plan year when it can be, and otherwise keeps its text in the comment, so
 * nothing written in a meeting is lost.
 */

import type { DomainError } from './errors.ts';
import type { PlanRow } from './model.ts';

/** Month words in Swedish and English, full and short, lower case. */
const MONTH_WORDS: ReadonlyArray<readonly string[]> = [
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb'],
  ['mars', 'march', 'mar'],
  ['april', 'apr'],
  ['maj', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['augusti', 'august', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isPlanMonth = (s: string): boolean => MONTH_RE.test(s);
export const isClockTime = (s: string): boolean => TIME_RE.test(s);

/** "Mars" -> "2027-03" (plan year 2027); "jan 2024" and "Jan-24" -> "2024-01"; "2027-05" stays; unreadable -> null. */
export function monthFromText(text: string, planYear: number): string | null {
  const t = text.trim().toLocaleLowerCase('sv').replace(/\.$/, '');
  if (isPlanMonth(t)) return t;
  // "mars", "jan 2028", and the seed's "Jan-24" (January 2024).
  const m = /^([a-zåäö]+)\.?(?:[\s-]+(\d{4}|\d{2}))?$/.exec(t);
  if (!m) return null;
  const index = MONTH_WORDS.findIndex((words) => words.includes(m[1] as string));
  if (index < 0) return null;
  const year = m[2] === undefined ? planYear : m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return `${year}-${String(index + 1).padStart(2, '0')}`;
}

/** A plan row as any log may hold it: the date fields came later. */
export type StoredPlanRow = Omit<PlanRow, 'day' | 'start' | 'end'> & Partial<Pick<PlanRow, 'day' | 'start' | 'end'>>;

export function normalisePlanRow(row: StoredPlanRow, planYear: number): PlanRow {
  const dated = { ...row, day: row.day ?? null, start: row.start ?? null, end: row.end ?? null };
  if (isPlanMonth(row.month) || row.month === '') return dated;
  const month = monthFromText(row.month, planYear);
  if (month) return { ...dated, month };
  const comment = row.comment ? `${row.month} – ${row.comment}` : row.month;
  return { ...dated, month: '', comment };
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Date rules a new row obeys (the wire schema already checked the formats). */
export function checkPlanRow(row: PlanRow): DomainError | null {
  if (!isPlanMonth(row.month)) return { code: 'invalid', message: 'month: YYYY-MM' };
  if (row.day !== null && (!Number.isInteger(row.day) || row.day < 1 || row.day > daysInMonth(row.month))) {
    return { code: 'invalid', message: `day: 1–${daysInMonth(row.month)} in ${row.month}` };
  }
  if ((row.start !== null || row.end !== null) && row.day === null) return { code: 'invalid', message: 'a time needs a day' };
  if (row.end !== null && row.start === null) return { code: 'invalid', message: 'an end time needs a start time' };
  if (row.start !== null && row.end !== null && row.end <= row.start) return { code: 'invalid', message: 'end: after the start' };
  return null;
}

/** Rows in calendar order: month, then day (undated last within a month), then start. */
export function byDate(a: PlanRow, b: PlanRow): number {
  return (a.month || '9999').localeCompare(b.month || '9999') || (a.day ?? 99) - (b.day ?? 99) || (a.start ?? '99').localeCompare(b.start ?? '99');
}
