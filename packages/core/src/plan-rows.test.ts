import { describe, expect, it } from 'vitest';
import type { PlanRow } from './model.ts';
import type { StoredPlanRow } from './plan-rows.ts';
import { byDate, checkPlanRow, monthFromText, normalisePlanRow } from './plan-rows.ts';
import { replay } from './evolve.ts';
import type { WorkshopEvent } from './events.ts';
import { templateContent } from './templates.ts';

const row = (extra: Partial<PlanRow> = {}): PlanRow => ({
  id: 'r',
  month: '2027-03',
  day: null,
  start: null,
  end: null,
  kind: 'monthly',
  themeNo: null,
  theme: 'Tema',
  ideaId: null,
  host: '',
  backup: '',
  comment: '',
  ...extra,
});

describe('months written as text in older logs', () => {
  it.each([
    ['Mars', '2027-03'],
    ['mars', '2027-03'],
    ['Jan', '2027-01'],
    ['Sept', '2027-09'],
    ['sept.', '2027-09'],
    ['Okt', '2027-10'],
    ['October', '2027-10'],
    ['Maj', '2027-05'],
    ['jan 2028', '2028-01'],
    ['Januari 2028', '2028-01'],
    ['2027-11', '2027-11'],
    ['Jan-28', '2028-01'],
  ])('%s is %s in plan year 2027', (text, month) => expect(monthFromText(text, 2027)).toBe(month));

  it.each(['Jan-2', 'v 39', 'Höst', '', 'Marsch', '2027-13'])('%s cannot be read', (text) => expect(monthFromText(text, 2027)).toBeNull());

  it('a row whose month cannot be read keeps its text in the comment', () => {
    const old: StoredPlanRow = { ...row(), month: 'Höst', comment: 'Bjud in alla' };
    delete old.day;
    expect(normalisePlanRow(old, 2027)).toMatchObject({ month: '', day: null, start: null, end: null, comment: 'Höst – Bjud in alla' });
  });

  it('a stored log with free-text months replays to dated rows, nothing lost', () => {
    const t = templateContent('handlingsplan', 'sv');
    const legacyRow = (id: string, month: string, comment = '') => ({
      id,
      month,
      kind: 'monthly' as const,
      themeNo: 1,
      theme: 'T',
      ideaId: null,
      host: 'Pia',
      backup: '',
      comment,
    });
    const events: WorkshopEvent[] = [
      {
        type: 'workshop.created',
        workshopId: 'w',
        title: 'T',
        lang: 'sv',
        template: 'handlingsplan',
        rules: t.rules,
        boards: t.boards,
        agenda: t.agenda,
        at: Date.UTC(2022, 10, 20),
      },
      { type: 'plan.set', row: legacyRow('a', 'Mars') },
      { type: 'plan.set', row: legacyRow('b', 'Jan-24', 'Fysiskt möte') },
      { type: 'plan.set', row: legacyRow('c', 'Efter sommaren', 'Studieresa') },
    ];
    const s = replay(events);
    expect(s?.planYear).toBe(2023);
    expect(s?.plan.map((r) => [r.month, r.day, r.comment])).toEqual([
      ['2023-03', null, ''],
      ['2024-01', null, 'Fysiskt möte'],
      ['', null, 'Efter sommaren – Studieresa'],
    ]);
  });
});

describe('plan row dates', () => {
  it.each<[string, Partial<PlanRow>, string | null]>([
    ['a month alone', {}, null],
    ['a day in the month', { day: 31 }, null],
    ['a day past the month', { month: '2027-02', day: 29 }, 'day: 1–28 in 2027-02'],
    ['a leap day', { month: '2028-02', day: 29 }, null],
    ['a time without a day', { start: '09:00' }, 'a time needs a day'],
    ['an end without a start', { day: 3, end: '10:00' }, 'an end time needs a start time'],
    ['an end before the start', { day: 3, start: '13:00', end: '09:00' }, 'end: after the start'],
    ['a whole meeting', { day: 3, start: '09:00', end: '16:30' }, null],
    ['no month', { month: '' }, 'month: YYYY-MM'],
  ])('%s', (_name, extra, message) => expect(checkPlanRow(row(extra))?.message ?? null).toBe(message));

  it('sorts by month, then day (undated last), then time; rows without a month last', () => {
    const rows = [
      row({ id: 'a', month: '' }),
      row({ id: 'b', month: '2027-03' }),
      row({ id: 'c', month: '2027-03', day: 5, start: '13:00' }),
      row({ id: 'd', month: '2027-03', day: 5, start: '09:00' }),
      row({ id: 'e', month: '2027-01' }),
    ];
    expect(rows.sort(byDate).map((r) => r.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });
});
