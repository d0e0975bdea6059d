import { describe, expect, it } from 'vitest';
import type { Actor, Command, Workshop } from '@fokus/core';
import { decide, evolve, templateContent } from '@fokus/core';
import { tallyView, voteFigures, workshopView } from './views.ts';

const FAC: Actor = { role: 'facilitator' };
const as = (participantId: string): Actor => ({ role: 'participant', participantId });

function build(steps: [Command, Actor][]): Workshop {
  const t = templateContent('handlingsplan', 'sv');
  let s: Workshop | null = null;
  const all: [Command, Actor][] = [
    [{ type: 'workshop:create', workshopId: 'w1', title: 'T', lang: 'sv', template: 'handlingsplan', rules: t.rules, boards: t.boards, agenda: t.agenda }, FAC],
    [{ type: 'participant:join', participantId: 'a', name: 'Anna', organisation: '', tokenHash: 'h-a' }, { role: 'system' }],
    [{ type: 'participant:join', participantId: 'b', name: 'Bo', organisation: '', tokenHash: 'h-b' }, { role: 'system' }],
    [{ type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'Studieresa' }, FAC],
    [{ type: 'idea:add', ideaId: 'i2', boardId: 'omvarld', text: 'Trygghet' }, FAC],
    ...steps,
  ];
  for (const [command, actor] of all) {
    const d = decide(s, command, actor, 0);
    if (!d.ok) throw new Error(`${command.type} refused: ${d.error.code}`);
    for (const e of d.value) s = evolve(s, e);
  }
  if (!s) throw new Error('no workshop');
  return s;
}

const voted = (anonymous: boolean) =>
  build([
    [{ type: 'voting:configure', settings: { anonymous, hideResults: false } }, FAC],
    [{ type: 'voting:open' }, FAC],
    [{ type: 'vote:add', ideaId: 'i1' }, as('a')],
    [{ type: 'vote:add', ideaId: 'i1' }, as('a')],
    [{ type: 'vote:add', ideaId: 'i2' }, as('b')],
    [{ type: 'participant:done', done: true }, as('b')],
  ]);

describe('views of voting', () => {
  it('gives the facilitator no per-person dot count when voting is anonymous, only "klar"', () => {
    const people = workshopView(voted(true), 'ABCDEF', 'facilitator', new Set()).participants ?? [];
    expect(people.map((p) => [p.name, p.done])).toEqual([
      ['Anna', false],
      ['Bo', true],
    ]);
    for (const p of people) expect(p).not.toHaveProperty('dotsUsed');
  });

  it('shows per-person dots to the facilitator when voting is named, in the tally (a dot does not rebuild the list)', () => {
    const s = voted(false);
    const people = workshopView(s, 'ABCDEF', 'facilitator', new Set()).participants ?? [];
    for (const p of people) expect(p).not.toHaveProperty('dotsUsed');
    const ballots = tallyView(s, 'facilitator', new Set()).ballots ?? {};
    expect(people.map((p) => [p.name, Object.values(ballots[p.id] ?? {}).reduce((a, n) => a + n, 0)])).toEqual([
      ['Anna', 2],
      ['Bo', 1],
    ]);
  });

  it('counts figures from the ballots it is given, and ballots only for the facilitator of a named vote', () => {
    const s = voted(true);
    expect(voteFigures(s)).toEqual({ dotsUsed: 3, tallies: { i1: { dots: 2, voters: 1 }, i2: { dots: 1, voters: 1 } } });
    const held = { tallies: {}, dotsUsed: 0 };
    for (const role of ['facilitator', 'screen', 'participant'] as const) {
      const t = tallyView(s, role, new Set(), held);
      expect(t).toMatchObject({ dotsUsed: 0, tallies: {}, done: 1, participants: 2 });
      expect(t).not.toHaveProperty('ballots');
    }
    expect(tallyView(voted(false), 'facilitator', new Set()).ballots).toEqual({ a: { i1: 2 }, b: { i2: 1 } });
    expect(tallyView(voted(false), 'screen', new Set()).ballots).toBeUndefined();
  });
});
