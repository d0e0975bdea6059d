import { describe, expect, it } from 'vitest';
import type { PlanRow } from '@fokus/core';
import { sv } from '../i18n/sv.ts';
import { en } from '../i18n/en.ts';
import { calendarGrid, monthChoices, monthLabel, monthNames, planMonths, whenLabel } from './plan-months.ts';

const SV = monthNames(sv.planMonthNames, sv.planMonthShort);
const EN = monthNames(en.planMonthNames, en.planMonthShort);

const row = (id: string, month: string, day: number | null = null, start: string | null = null, end: string | null = null): PlanRow => ({
  id,
  month,
  day,
  start,
  end,
  kind: 'monthly',
  themeNo: null,
  theme: '',
  ideaId: null,
  host: '',
  backup: '',
  comment: '',
});

describe('month names', () => {
  it('has twelve of each in both languages', () => {
    for (const n of [SV, EN]) {
      expect(n.long).toHaveLength(12);
      expect(n.short).toHaveLength(12);
    }
  });

  it.each([
    ['2027-03', SV, false, 'mars'],
    ['2027-12', SV, false, 'december'],
    ['2028-01', SV, false, 'jan 2028'],
    ['2028-01', SV, true, 'januari 2028'],
    ['2026-11', SV, false, 'nov 2026'],
    ['2027-05', EN, false, 'May'],
    ['2028-01', EN, false, 'Jan 2028'],
    ['', SV, false, ''],
    ['2027-13', SV, false, ''],
    ['mars', SV, false, ''],
  ])('%s reads %s', (month, names, full, label) => expect(monthLabel(month, 2027, names, full)).toBe(label));

  it('puts the day before the month and the time after, only when asked', () => {
    expect(whenLabel(row('a', '2027-03', 4, '09:30', '11:00'), 2027, SV)).toBe('4 mars');
    expect(whenLabel(row('a', '2027-03', 4, '09:30', '11:00'), 2027, SV, true)).toBe('4 mars 09:30–11:00');
    expect(whenLabel(row('a', '2027-03', 4, '09:30'), 2027, SV, true)).toBe('4 mars 09:30');
    expect(whenLabel(row('a', '2028-01', 12), 2027, EN, true)).toBe('12 Jan 2028');
    expect(whenLabel(row('a', '2027-09'), 2027, SV, true)).toBe('september');
    expect(whenLabel(row('a', ''), 2027, SV, true)).toBe('');
  });
});

describe('the year calendar', () => {
  it('runs from January of the plan year to the next January', () => {
    const months = planMonths(2027);
    expect(months).toHaveLength(13);
    expect(months[0]).toBe('2027-01');
    expect(months[11]).toBe('2027-12');
    expect(months[12]).toBe('2028-01');
  });

  it('puts each row in its month, in date order, and leaves out rows outside the thirteen', () => {
    const rows = [
      row('late', '2027-03'),
      row('outside', '2028-02'),
      row('second', '2027-03', 20),
      row('first', '2027-03', 4),
      row('old', ''),
      row('next', '2028-01', 9),
    ];
    const grid = calendarGrid(2027, rows);
    expect(grid.map((m) => m.month)).toEqual(planMonths(2027));
    expect(grid[2]?.rows.map((r) => r.id)).toEqual(['first', 'second', 'late']);
    expect(grid[12]?.rows.map((r) => r.id)).toEqual(['next']);
    expect(grid.flatMap((m) => m.rows).map((r) => r.id)).not.toContain('outside');
    expect(grid.flatMap((m) => m.rows)).toHaveLength(4);
  });

  it('offers a row its own month when that lies outside the thirteen', () => {
    expect(monthChoices(2027, '2027-04')).toEqual(planMonths(2027));
    expect(monthChoices(2027, '')).toEqual(planMonths(2027));
    const withOld = monthChoices(2027, '2026-11');
    expect(withOld).toHaveLength(14);
    expect(withOld[0]).toBe('2026-11');
  });
});
