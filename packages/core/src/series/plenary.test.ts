import { describe, expect, it } from 'vitest';
import { checkDesign } from '../design.ts';
import { templateDesign } from '../templates.ts';
import type { Series } from './model.ts';
import { SERIES_SCHEMA } from './model.ts';
import { PLENARY_BOARD_ID, plenaryDesign, upgradeSeries } from './plenary.ts';

const v1 = {
  schema: 1,
  id: 's',
  title: 'Nätverksträff',
  theme: '',
  date: '2019-09-03',
  lang: 'sv' as const,
  intro: '',
  design: { ...templateDesign('fragerunda', 'sv', 2019), voting: { budget: 5, capPerIdea: 3, anonymous: true, hideResults: true } },
  rooms: [],
  createdAt: 1,
};

describe('the next-theme plenary', () => {
  it('upgrades a schema 1 document to one without a plenary, and keeps a plenary it has', () => {
    const up: Series = upgradeSeries(v1);
    expect([up.schema, up.plenary ?? null]).toEqual([SERIES_SCHEMA, null]);
    expect(up.rooms).toEqual([]);
    const plenary = { workshopId: 'w', code: 'ABCDEF', createdAt: 2 };
    expect(upgradeSeries({ ...up, plenary }).plenary).toEqual(plenary);
  });

  it('is one board and a vote then a focus step, with the series’ budget, in its language', () => {
    const sv = plenaryDesign(upgradeSeries(v1));
    expect(checkDesign(sv)).toBeNull();
    expect(sv.boards.map((b) => [b.id, b.title])).toEqual([[PLENARY_BOARD_ID, 'Förslag på nästa tema']]);
    expect(sv.agenda.map((s) => s.kind)).toEqual(['vote', 'focus']);
    expect(sv.voting.budget).toBe(5);
    // One live ranking on every room's projector: results shown, the series' anonymity kept.
    expect([sv.voting.hideResults, sv.voting.anonymous, sv.voting.capPerIdea]).toEqual([false, true, 3]);
    expect(plenaryDesign(upgradeSeries({ ...v1, lang: 'en' })).boards[0]?.title).toBe('Suggestions for the next theme');
  });
});
