import { describe, expect, it } from 'vitest';
import { decide } from '../decide.ts';
import { evolve } from '../evolve.ts';
import type { Workshop } from '../model.ts';
import { templateDesign } from '../templates.ts';
import { designCommands, regionName, roomTakesDesign, roomTitle } from './rules.ts';

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
});
