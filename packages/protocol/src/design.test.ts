import { describe, expect, it } from 'vitest';
import { templateDesign } from '@fokus/core';
import { clientCommandSchema } from './commands.ts';
import { designFile, designFileSchema, firstIssue, parseDesign, workshopDesignSchema } from './design.ts';
import { createWorkshopRequestSchema } from './http.ts';

const base = templateDesign('handlingsplan', 'sv', 2027);

/** A copy of the template's design with the value at `path` replaced (or removed, for undefined). */
function changed(path: (string | number)[], value: unknown): unknown {
  const d: unknown = structuredClone(base);
  let at = d as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return d;
}

describe('the design schema', () => {
  it('accepts every template as a design and as a design file', () => {
    for (const t of ['handlingsplan', 'fragerunda', 'blank'] as const) {
      for (const lang of ['sv', 'en'] as const) {
        const d = templateDesign(t, lang, 2027);
        expect(workshopDesignSchema.parse(d)).toEqual(d);
        expect(designFileSchema.parse(JSON.parse(JSON.stringify(designFile(d)))).design).toEqual(d);
      }
    }
  });

  it.each<[string, (string | number)[], unknown, string]>([
    ['no title', ['title'], undefined, 'title'],
    ['an empty board title', ['boards', 2, 'title'], ' ', 'boards.2.title'],
    ['a board id of __proto__', ['boards', 0, 'id'], '__proto__', 'boards.0.id'],
    ['an unknown colour', ['boards', 1, 'color'], 'pink', 'boards.1.color'],
    ['13 questions', ['boards', 0, 'questions'], Array.from({ length: 13 }, (_, i) => `Fråga ${i}`), 'boards.0.questions'],
    ['no boards', ['boards'], [], 'boards'],
    ['a step of 9999 minutes', ['agenda', 1, 'minutes'], 9999, 'agenda.1.minutes'],
    ['an unknown step kind', ['agenda', 1, 'kind'], 'dance', 'agenda.1.kind'],
    ['a phase of 0 minutes', ['agenda', 3, 'phases', 0, 'minutes'], 0, 'agenda.3.phases.0.minutes'],
    ['a budget of 0', ['voting', 'budget'], 0, 'voting.budget'],
    ['a plan year of 1999', ['planYear'], 1999, 'planYear'],
    ['a date that does not exist', ['date'], '2027-02-30', 'date'],
    ['a focus rule of another kind', ['focus', 'mode'], 'best', 'focus.mode'],
    ['an unknown field', ['colour'], 'red', ''],
  ])('refuses %s and names the field', (_name, at, value, path) => {
    const r = workshopDesignSchema.safeParse(changed(at, value));
    expect(r.success).toBe(false);
    if (r.error) expect(firstIssue(r.error).startsWith(path ? `${path}: ` : '')).toBe(true);
  });

  it('a posted design is a design file or the bare design; a refusal names the field in what was posted', () => {
    expect(parseDesign(designFile(base))).toEqual({ ok: true, design: base });
    expect(parseDesign(base)).toEqual({ ok: true, design: base });
    expect(createWorkshopRequestSchema.parse({ template: 'blank' }).design).toBeUndefined();
    const refusal = (v: unknown) => {
      const r = parseDesign(v);
      return r.ok ? 'accepted' : r.message;
    };
    expect(refusal({ ...designFile(base), format: 'other' })).toMatch(/^format: /);
    expect(refusal(designFile({ ...base, title: '' }))).toMatch(/^design\.title: /);
    expect(refusal({ ...base, title: '' })).toMatch(/^title: /);
    // Core's rules after the schema's, named the same way.
    const first = base.boards[0] as (typeof base.boards)[number];
    const twins = { ...base, boards: [first, first] };
    expect(refusal(designFile(twins))).toMatch(/^design\.boards: two boards have the same id/);
    expect(refusal(twins)).toMatch(/^boards: two boards have the same id/);
  });
});

describe('design commands on the wire', () => {
  const accept = (command: unknown) => expect(clientCommandSchema.safeParse(command).success).toBe(true);
  const refuse = (command: unknown) => expect(clientCommandSchema.safeParse(command).success).toBe(false);

  it('accepts well-formed edits', () => {
    accept({ type: 'board:add', board: { id: 'ny', title: 'Ny', purpose: '', questions: [] }, index: 0 });
    accept({ type: 'board:update', boardId: 'ny', color: '' });
    accept({ type: 'step:update', stepId: 'x', phases: null });
    accept({ type: 'step:update', stepId: 'x', phases: [{ title: 'enskilt', minutes: 2 }] });
    accept({ type: 'workshop:update', planYear: 2027, date: '', rules: ['Allas åsikter'] });
    accept({ type: 'vote:add', ideaId: 'i1', participantId: 'paper-1' });
    accept({ type: 'participant:add', participantId: 'paper-1', name: 'Åke' });
  });

  it('refuses malformed ones', () => {
    refuse({ type: 'board:add', board: { id: 'constructor', title: 'Ny' } });
    refuse({ type: 'board:add', board: { id: 'ny', title: '' } });
    refuse({ type: 'board:add', board: { id: 'ny', title: 'Ny', extra: 1 } });
    refuse({ type: 'board:reorder', boardIds: [] });
    refuse({ type: 'step:add', step: { id: 'x', kind: 'vote', title: 'Röstning', minutes: -1 } });
    refuse({ type: 'step:update', stepId: 'x', phases: Array.from({ length: 7 }, () => ({ title: 'a', minutes: 1 })) });
    refuse({ type: 'workshop:update', planYear: 2027.5 });
    refuse({ type: 'workshop:update', rules: ['x'.repeat(301)] });
    refuse({ type: 'participant:add', participantId: 'x', name: '   ' });
  });

  it('plan rows carry a real month, day and times', () => {
    const row = { id: 'r', kind: 'monthly', themeNo: null, theme: '', ideaId: null, host: '', backup: '', comment: '' };
    accept({ type: 'plan:set', row: { ...row, month: '2027-03' } });
    accept({ type: 'plan:set', row: { ...row, month: '2027-03', day: 14, start: '09:00', end: '16:30' } });
    for (const bad of [
      { month: 'Mars' },
      { month: '2027-13' },
      { month: '2027-03', day: 32 },
      { month: '2027-03', day: 1, start: '9:00' },
      { month: '2027-03', day: 1, start: '24:00' },
    ]) {
      refuse({ type: 'plan:set', row: { ...row, ...bad } });
    }
  });
});
