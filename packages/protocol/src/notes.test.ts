import { describe, expect, it } from 'vitest';
import type { Actor, Command, Workshop } from '@fokus/core';
import { decide, evolve, templateDesign } from '@fokus/core';
import { clientCommandSchema, joinRequestSchema } from './commands.ts';
import { designFileSchema, workshopDesignSchema } from './design.ts';
import { meView, workshopView } from './views.ts';

const accepts = (v: unknown) => clientCommandSchema.safeParse(v).success;

describe('notes on the wire: TIPS, categories, town', () => {
  it.each<[string, unknown, boolean]>([
    ['TIPS alone', { type: 'idea:mark', ideaId: 'n1', tips: true }, true],
    ['a category alone', { type: 'idea:mark', ideaId: 'n1', category: 'Utmaningar' }, true],
    ['category null (clears)', { type: 'idea:mark', ideaId: 'n1', category: null }, true],
    ['both', { type: 'idea:mark', ideaId: 'n1', tips: false, category: 'Önskemål' }, true],
    ['an empty category', { type: 'idea:mark', ideaId: 'n1', category: '  ' }, false],
    ['a category of 61 characters', { type: 'idea:mark', ideaId: 'n1', category: 'x'.repeat(61) }, false],
    ['TIPS as a string', { type: 'idea:mark', ideaId: 'n1', tips: 'yes' }, false],
    ['an extra field', { type: 'idea:mark', ideaId: 'n1', tips: true, authorId: 'p1' }, false],
    ['a reserved id', { type: 'idea:mark', ideaId: '__proto__', tips: true }, false],
    ['a town', { type: 'participant:town', participantId: 'p1', town: 'Skellefteå' }, true],
    ['an empty town (cleared)', { type: 'participant:town', participantId: 'p1', town: '' }, true],
    ['a town of 81 characters', { type: 'participant:town', participantId: 'p1', town: 'Å'.repeat(81) }, false],
    ['no town', { type: 'participant:town', participantId: 'p1' }, false],
    ['the seed’s categories', { type: 'workshop:update', categories: ['Förbättringar', 'Utmaningar', 'Möjligheter', 'Önskemål'] }, true],
    ['no categories', { type: 'workshop:update', categories: [] }, true],
    ['21 categories', { type: 'workshop:update', categories: Array.from({ length: 21 }, (_, i) => `K${i}`) }, false],
    ['two alike', { type: 'workshop:update', categories: ['Utmaningar', 'UTMANINGAR'] }, false],
    ['an empty category in the list', { type: 'workshop:update', categories: [''] }, false],
  ])('%s: %j → %s', (_name, command, ok) => {
    expect(accepts(command)).toBe(ok);
  });

  it('joining takes an optional town, trimmed, at most 80 characters', () => {
    expect(joinRequestSchema.parse({ name: 'Pia' }).town).toBe('');
    expect(joinRequestSchema.parse({ name: 'Pia', town: ' Umeå ' }).town).toBe('Umeå');
    expect(joinRequestSchema.safeParse({ name: 'Pia', town: 'Å'.repeat(81) }).success).toBe(false);
  });

  it('a design file saved before categories still parses, with none', () => {
    const d = templateDesign('fragerunda', 'sv', 2027);
    expect(workshopDesignSchema.parse(d).categories).toEqual(['Förbättringar', 'Utmaningar', 'Möjligheter', 'Önskemål']);
    const { categories: _gone, ...old } = d;
    expect(designFileSchema.parse({ format: 'fokus-design', version: 1, design: old }).design.categories).toEqual([]);
  });

  it('views carry TIPS and category on every idea, the categories to all, the town to the facilitator and to the person', () => {
    const d = templateDesign('fragerunda', 'sv', 2027);
    const FAC: Actor = { role: 'facilitator' };
    let s: Workshop | null = null;
    const steps: [Command, Actor][] = [
      [{ type: 'workshop:create', workshopId: 'w1', template: 'fragerunda', ...d }, FAC],
      [{ type: 'participant:join', participantId: 'a', name: 'Anna', organisation: '', town: 'Umeå', tokenHash: 'h' }, { role: 'system' }],
      [{ type: 'agenda:goto', stepIndex: 1 }, FAC],
      [
        { type: 'idea:add', ideaId: 'n1', boardId: 'fraga-1', text: 'Fredagsmail till kommunen' },
        { role: 'participant', participantId: 'a' },
      ],
      [{ type: 'idea:mark', ideaId: 'n1', tips: true, category: 'Möjligheter' }, FAC],
    ];
    for (const [command, actor] of steps) {
      const r = decide(s, command, actor, 0);
      if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
      for (const e of r.value) s = evolve(s, e);
    }
    if (!s) throw new Error('no workshop');
    for (const role of ['facilitator', 'screen', 'participant'] as const) {
      const v = workshopView(s, 'ABCDEF', role, new Set());
      expect(v.categories).toEqual(d.categories);
      expect(v.ideas[0]).toMatchObject({ text: 'Fredagsmail till kommunen', tips: true, category: 'Möjligheter' });
    }
    expect(workshopView(s, 'ABCDEF', 'facilitator', new Set()).participants?.[0]?.town).toBe('Umeå');
    expect(workshopView(s, 'ABCDEF', 'screen', new Set()).participants).toBeUndefined();
    expect(meView(s, 'a')?.town).toBe('Umeå');
  });
});
