/** The year plan: rows in calendar order, and the calendar from January of the plan year to the next January. */
import type { PlanRow, Workshop } from '@fokus/core';
import { byDate, getOwn } from '@fokus/core';
import { monthKey, whenLabel } from './dates.ts';
import type { DocMonth, DocPlanRow } from './model.ts';
import { clean, oneLine } from './text.ts';
import type { Words } from './words.ts';

export function buildPlan(s: Workshop, w: Words): DocPlanRow[] {
  // Sorted stably: rows on the same date keep the order they were written in.
  return [...s.plan].sort(byDate).map((row) => planRow(s, row, w));
}

function planRow(s: Workshop, row: PlanRow, w: Words): DocPlanRow {
  const host = oneLine(row.host);
  const backup = oneLine(row.backup);
  // A row made from a focus idea names it; one whose theme was left empty takes the idea's text.
  const idea = row.ideaId === null ? undefined : getOwn(s.ideas, row.ideaId);
  return {
    id: row.id,
    month: row.month,
    day: row.day,
    start: row.start,
    end: row.end,
    kind: row.kind,
    kindLabel: w.kind[row.kind],
    themeNo: row.themeNo,
    theme: oneLine(row.theme) || (idea ? oneLine(idea.text) : ''),
    ideaId: row.ideaId,
    host,
    backup,
    hostLabel: backup ? `${host} (${backup})` : host,
    comment: clean(row.comment).trim(),
    when: whenLabel(row, s.planYear, w),
  };
}

/** Thirteen months like the seed's calendar; rows outside them stay in the plan only. */
export function buildCalendar(planYear: number, rows: readonly DocPlanRow[], w: Words): DocMonth[] {
  return Array.from({ length: 13 }, (_, i) => {
    const year = planYear + Math.floor(i / 12);
    const month = (i % 12) + 1;
    const key = monthKey(year, month);
    const name = w.months[month - 1] ?? '';
    return { month: key, label: i === 12 ? `${name} ${year}` : name, rows: rows.filter((r) => r.month === key) };
  });
}
