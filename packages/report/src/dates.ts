/** Dates as the documentation writes them, in the workshop's language. Pure: no clock, no locale of the machine. */
import type { Words } from './words.ts';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** 'YYYY-MM-DD' of an instant in a time zone (Sweden by default: a meeting at 00:30 is that day, not the day before). */
export function isoDate(at: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/** "20 november 2026"; '' for anything that is not a date. */
export function dateLabel(date: string, w: Words): string {
  const m = DATE_RE.exec(date);
  if (!m) return '';
  return `${Number(m[3])} ${w.monthsLower[Number(m[2]) - 1] ?? ''} ${m[1]}`;
}

export function parseMonth(month: string): { year: number; month: number } | null {
  const m = MONTH_RE.exec(month);
  if (!m) return null;
  const n = Number(m[2]);
  return n >= 1 && n <= 12 ? { year: Number(m[1]), month: n } : null;
}

export const monthKey = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/** "4 mars", "mars", "4 januari 2028": the year only when it is not the plan year; times after the day. */
export function whenLabel(row: { month: string; day: number | null; start: string | null; end: string | null }, planYear: number, w: Words): string {
  const m = parseMonth(row.month);
  if (!m) return '';
  const name = w.monthsLower[m.month - 1] ?? '';
  const date = [row.day === null ? null : String(row.day), name, m.year === planYear ? null : String(m.year)].filter((x) => x !== null).join(' ');
  if (row.start === null) return date;
  return `${date} ${row.end === null ? row.start : `${row.start}–${row.end}`}`;
}

/** 'HH:MM' plus minutes, on a 24-hour clock. */
export function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
