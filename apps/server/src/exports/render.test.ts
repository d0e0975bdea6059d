import { describe, expect, it } from 'vitest';
import type { Actor, Command, Workshop } from '@fokus/core';
import { decide, evolve, templateContent } from '@fokus/core';
import { toCsv, toJson, toMarkdown } from './render.ts';

const fac: Actor = { role: 'facilitator' };

function workshop(): Workshop {
  const t = templateContent('handlingsplan', 'sv');
  let s: Workshop | null = null;
  const run = (c: Command, actor: Actor = fac) => {
    const d = decide(s, c, actor, 1);
    if (!d.ok) throw new Error(d.error.message);
    for (const e of d.value) s = evolve(s, e);
  };
  run({ type: 'workshop:create', workshopId: 'w', lang: 'sv', template: 'handlingsplan', ...t, title: 'Handlingsplan 2023' }, { role: 'system' });
  run({ type: 'participant:join', participantId: 'p1', name: 'Pia', organisation: '', tokenHash: 'h1' }, { role: 'system' });
  run({ type: 'participant:join', participantId: 'p2', name: 'Björn', organisation: '', tokenHash: 'h2' }, { role: 'system' });
  run({ type: 'idea:add', ideaId: 'a', boardId: 'omvarld', text: 'Studieresa' });
  run({ type: 'idea:add', ideaId: 'b', boardId: 'gemensamt', text: 'Politisk påverkan', details: 'lobbying, "PM"' });
  run({ type: 'idea:add', ideaId: 'c', boardId: 'gemensamt', text: '=cmd|x' });
  run({ type: 'voting:open' });
  for (let i = 0; i < 7; i++) run({ type: 'vote:add', ideaId: 'a' }, { role: 'participant', participantId: i < 4 ? 'p1' : 'p2' });
  for (let i = 0; i < 5; i++) run({ type: 'vote:add', ideaId: 'b' }, { role: 'participant', participantId: 'p2' });
  run({ type: 'focus:toggle', ideaId: 'b', included: true });
  run({ type: 'plan:set', row: { id: 'r1', month: 'Feb', kind: 'monthly', themeNo: 1, theme: 'Policy & Branschpraxis', ideaId: null, host: 'Daniel', backup: 'Pia', comment: 'Bjud in alla' } });
  return s as unknown as Workshop;
}

describe('exports', () => {
  it('writes the focus list per dimension with counts, like the seed document', () => {
    const md = toMarkdown(workshop());
    expect(md).toContain('## Fokus\n\n### Omvärldsbevakning\n\n- **Studieresa 7**\n');
    expect(md).toContain('### Gemensamma frågor & projekt\n\n- **Politisk påverkan 5** (lobbying, "PM")\n');
    expect(md).toContain('### Kollegialt stöd\n\n- (inga)\n');
    expect(md).toContain('## Hela rankingen');
    expect(md).toContain('2. =cmd|x 0');
    expect(md).toContain('| 1 | Policy & Branschpraxis | Daniel (Pia) | Feb | Bjud in alla |');
  });

  it('writes CSV that spreadsheets open safely', () => {
    const lines = toCsv(workshop()).split('\r\n');
    expect(lines[0]).toBe('\uFEFFDimension,Plats,Område,Detaljer,Röster,Röstande,Fokus');
    expect(lines).toContain('Omvärldsbevakning,1,Studieresa,,7,2,ja');
    expect(lines).toContain('Gemensamma frågor & projekt,1,Politisk påverkan,"lobbying, ""PM""",5,1,ja');
    expect(lines).toContain("Gemensamma frågor & projekt,2,'=cmd|x,,0,0,nej");
  });

  it('writes JSON with focus, ranking and plan', () => {
    const json = toJson(workshop());
    expect(json.boards[0]).toMatchObject({ id: 'omvarld', focus: [{ idea: 'Studieresa', dots: 7, voters: 2, rank: 1 }] });
    expect(json.boards[2]?.ranking.map((r) => [r.idea, r.dots, r.focus])).toEqual([
      ['Politisk påverkan', 5, true],
      ['=cmd|x', 0, false],
    ]);
    expect(json.plan).toEqual([{ month: 'Feb', kind: 'monthly', themeNo: 1, theme: 'Policy & Branschpraxis', ideaId: null, host: 'Daniel', backup: 'Pia', comment: 'Bjud in alla' }]);
  });
});
