import { describe, expect, it } from 'vitest';
import { decide } from '../decide.ts';
import { evolve } from '../evolve.ts';
import type { Workshop } from '../model.ts';
import { templateDesign } from '../templates.ts';
import type { Series, SeriesRoom } from './model.ts';
import { SERIES_LIMITS, SERIES_SCHEMA } from './model.ts';
import { addRoom, designCommands, regionName, roomTakesDesign, roomTitle, updateRoom } from './rules.ts';

describe('series rules', () => {
  it.each([
    ['Norr', 'Umeå', 'Nätverksträff – Region Norr (Umeå)'],
    ['Region Syd', 'Kristianstad', 'Nätverksträff – Region Syd (Kristianstad)'],
    ['Värmland/Dalsland', '', 'Nätverksträff – Region Värmland/Dalsland'],
  ])('names the room %s in %s', (region, town, title) => {
    expect(roomTitle('Nätverksträff', { region, town })).toBe(title);
  });

  it('says "region" once', () => {
    expect(regionName('region  Väst')).toBe('Väst');
    expect(regionName('Region')).toBe('Region');
  });

  it('turns one design into another through commands the room accepts', () => {
    const from = templateDesign('fragerunda', 'sv', 2019);
    const created = decide(null, { type: 'workshop:create', workshopId: 'w', template: 'blank', ...from }, { role: 'system' }, 1);
    if (!created.ok) throw new Error(created.error.message);
    let state = created.value.reduce(evolve, null as Workshop | null) as Workshop;
    const to = structuredClone(from);
    to.boards = [{ id: 'ny', title: 'Ny fråga', purpose: '', questions: [] }, ...to.boards.slice(1, 3).reverse()];
    to.boards[1] = { ...(to.boards[1] as (typeof to.boards)[number]), title: 'Ändrad' };
    to.categories = ['Tips'];
    const commands = designCommands(state, to);
    expect(commands.map((c) => c.type)).toEqual([
      'board:add',
      'board:update',
      'board:delete',
      'board:delete',
      'board:delete',
      'board:reorder',
      'workshop:update',
    ]);
    for (const c of commands) {
      const d = decide(state, c, { role: 'facilitator' }, 2);
      if (!d.ok) throw new Error(`${c.type}: ${d.error.message}`);
      state = d.value.reduce(evolve, state) as Workshop;
    }
    expect(state.boards.map((b) => b.title)).toEqual(['Ny fråga', 'Ändrad', 'Vad krävs för att utveckla samarbetet med kommunen?']);
    expect(state.boards.map((b) => b.id)).toEqual(to.boards.map((b) => b.id));
    expect(state.categories).toEqual(['Tips']);
    expect(designCommands(state, to)).toEqual([]);
  });

  it('gives a design only to an open room that has not started', () => {
    expect(roomTakesDesign({ closed: false }, { stepIndex: 0, ideas: {} })).toBe(true);
    expect(roomTakesDesign({ closed: true }, { stepIndex: 0, ideas: {} })).toBe(false);
    expect(roomTakesDesign({ closed: false }, { stepIndex: 1, ideas: {} })).toBe(false);
  });

  describe('rooms of a series', () => {
    const room = (id: string): SeriesRoom => ({
      id,
      region: 'Norr',
      town: 'Umeå',
      host: '',
      workshopId: `w-${id}`,
      code: 'ABCDEF',
      closed: false,
      createdAt: 0,
    });
    const series: Series = {
      schema: SERIES_SCHEMA,
      id: 's',
      title: 'Nätverksträff',
      theme: '',
      date: '2019-09-03',
      lang: 'sv',
      intro: '',
      design: templateDesign('fragerunda', 'sv', 2019),
      rooms: [room('a')],
      createdAt: 0,
    };

    it.each([
      ['a new room', room('b'), 'ok'],
      ['a room id twice', room('a'), 'already_exists'],
      ['a workshop twice', { ...room('c'), workshopId: 'w-a' }, 'already_exists'],
    ])('adds %s: %s', (_, r, outcome) => {
      const result = addRoom(series, r);
      expect(result.ok ? 'ok' : result.error.code).toBe(outcome);
    });

    it('stops at the room limit', () => {
      const full = { ...series, rooms: Array.from({ length: SERIES_LIMITS.rooms }, (_, i) => room(`r${i}`)) };
      const result = addRoom(full, room('x'));
      expect(result.ok ? 'ok' : result.error.code).toBe('limit_reached');
    });

    it('renames and closes a room, leaving what is not asked as it was', () => {
      const result = updateRoom(series, 'a', { town: 'Skellefteå', closed: true });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.rooms[0]).toEqual({ ...room('a'), town: 'Skellefteå', closed: true });
      expect(series.rooms[0]?.town).toBe('Umeå');
      const missing = updateRoom(series, 'nope', { town: 'X' });
      expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
    });
  });
});
