/**
 * Plan months as people read them: "mars", "4 mars 09:30–11:00", "jan 2028" when outside the plan year. Pure: the
 * month names come in (the UI's language, from i18n), so the phone, the projector and the console agree.
 */

import type { PlanRow } from '@fokus/core';
import { byDate } from '@fokus/core';
import { useMemo } from 'react';
import { useI18n } from '../i18n/index.ts';

/** A plan row's date fields. */
export type Dated = Pick<PlanRow, 'month' | 'day' | 'start' | 'end'>;

/** Month names in running text ("mars") and short ("mar"), January first. */
export interface MonthNames {
  long: readonly string[];
  short: readonly string[];
}

/** Names from a comma-separated i18n string ("januari,februari,…"). */
export function monthNames(long: string, short: string): MonthNames {
  return { long: long.split(','), short: short.split(',') };
}

/** The UI language's month names. */
export function useMonthNames(): MonthNames {
  const { t } = useI18n();
  const long = t('planMonthNames');
  const short = t('planMonthShort');
  return useMemo(() => monthNames(long, short), [long, short]);
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(month: string): { year: number; month: number } | null {
  const m = MONTH_RE.exec(month);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

export const monthKey = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/** January of the plan year to January of the next: the thirteen months of the seed's calendar. */
export function planMonths(planYear: number): string[] {
  return Array.from({ length: 13 }, (_, i) => monthKey(planYear + Math.floor(i / 12), (i % 12) + 1));
}

/**
 * "mars" in the plan year; outside it the short name and the year ("jan 2028"), since a year makes the text long.
 * `full` keeps the long name with the year ("januari 2028"), for a select where each option stands alone.
 */
export function monthLabel(month: string, planYear: number, names: MonthNames, full = false): string {
  const m = parseMonth(month);
  if (!m) return '';
  const long = names.long[m.month - 1] ?? '';
  if (m.year === planYear) return long;
  return `${full ? long : (names.short[m.month - 1] ?? long)} ${m.year}`;
}

/** "4 mars", "mars", "4 jan 2028", and with `time` the hours after it ("4 mars 09:30–11:00"). '' without a month. */
export function whenLabel(row: Dated, planYear: number, names: MonthNames, time = false): string {
  const month = monthLabel(row.month, planYear, names);
  if (!month) return '';
  const date = row.day === null ? month : `${row.day} ${month}`;
  if (!time || row.start === null) return date;
  return `${date} ${row.end === null ? row.start : `${row.start}–${row.end}`}`;
}

export interface GridMonth<R> {
  month: string;
  rows: R[];
}

/** The thirteen months, each with its rows in calendar order; rows outside them are the table's only. */
export function calendarGrid(planYear: number, rows: readonly PlanRow[]): GridMonth<PlanRow>[] {
  const sorted = [...rows].sort(byDate);
  return planMonths(planYear).map((month) => ({ month, rows: sorted.filter((r) => r.month === month) }));
}

/** The months a row may be set to: the thirteen, plus its own when it lies outside them (an older row's "nov 2026"). */
export function monthChoices(planYear: number, current: string): string[] {
  const months = planMonths(planYear);
  return parseMonth(current) && !months.includes(current) ? [...months, current].sort() : months;
}
