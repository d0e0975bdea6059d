import { describe, expect, it } from 'vitest';
import type { Command, Series, SeriesRoom, Workshop } from '@fokus/core';
import { SERIES_SCHEMA, decide, evolve, templateDesign } from '@fokus/core';
import { buildSeriesDocumentation } from './build-series.ts';
import { seriesBlocks } from './series-blocks.ts';

const design = templateDesign('fragerunda', 'sv', 2019);

/** A room's workshop after these people joined (name, town) and these commands ran (as the facilitator). */
function workshop(people: readonly [string, string][], commands: readonly Command[] = []): Workshop {
  let at = 1000;
  const run = (s: Workshop | null, c: Command): Workshop => {
    const d = decide(s, c, s ? { role: 'facilitator' } : { role: 'system' }, at++);
    if (!d.ok) throw new Error(`${c.type}: ${d.error.message}`);
    return d.value.reduce(evolve, s) as Workshop;
  };
  let s = run(null, { type: 'workshop:create', workshopId: 'w', template: 'blank', ...design });
  for (const [i, [name, town]] of people.entries()) {
    const d = decide(s, { type: 'participant:join', participantId: `p${i}`, name, organisation: '', town, tokenHash: `t${i}` }, { role: 'system' }, 5000);
    if (!d.ok) throw new Error(d.error.message);
    s = d.value.reduce(evolve, s) as Workshop;
  }
  s = run(s, { type: 'agenda:goto', stepIndex: 1 });
  for (const c of commands) s = run(s, c);
  return s;
}

const room = (id: string, region: string, town: string, closed = false): SeriesRoom => ({
  id,
  region,
  town,
  host: '',
  workshopId: id,
  code: 'ABCDEF',
  closed,
  createdAt: 0,
});
const series = (rooms: SeriesRoom[]): Series => ({
  schema: SERIES_SCHEMA,
  id: 's',
  title: 'Nätverksträff',
  theme: 'Tema',
  date: '2019-09-03',
  lang: 'sv',
  intro: 'Ett.\n\nTvå.',
  design,
  rooms,
  createdAt: 0,
});
const add = (ideaId: string, boardId: string, text: string): Command => ({ type: 'idea:add', ideaId, boardId, text });

describe('the compiled report of a series', () => {
  const norr = workshop(
    [
      ['A', 'Umeå'],
      ['B', 'umeå '],
      ['C', ''],
      ['D', 'Skellefteå'],
      ['E', 'Malmö'],
    ],
    [
      add('i1', 'fraga-1', 'Bra dialog'),
      add('i2', 'fraga-1', 'Dold anteckning'),
      { type: 'idea:hide', ideaId: 'i2', hidden: true },
      add('i3', 'fraga-1', 'Ett tips'),
      { type: 'idea:mark', ideaId: 'i3', tips: true, category: 'Möjligheter' },
      add('i4', 'fraga-5', 'Trygghet'),
      { type: 'participant:remove', participantId: 'p4' },
    ],
  );
  const syd = workshop(
    [
      ['F', 'Malmö'],
      ['G', 'Lund'],
    ],
    [add('j1', 'fraga-5', 'Ekonomi'), { type: 'board:update', boardId: 'fraga-5', title: 'Sista frågan' }],
  );
  const rooms = [room('r1', 'Region Norr', 'Umeå'), room('r2', 'Syd', 'Kristianstad'), room('r3', 'Väst', 'Skövde'), room('r4', 'Mitt', 'Falun', true)];
  const doc = buildSeriesDocumentation(
    series(rooms),
    [
      { room: rooms[0] as SeriesRoom, workshop: norr },
      { room: rooms[1] as SeriesRoom, workshop: syd },
      { room: rooms[2] as SeriesRoom, workshop: null },
      { room: rooms[3] as SeriesRoom, workshop: syd },
    ],
    { now: 0 },
  );

  it('lists each region once with its towns (first spelling, first appearance) and present people; a closed room not at all', () => {
    expect(doc.regions.map((r) => [r.heading, r.towns, r.participants, r.gone])).toEqual([
      ['REGION NORR – TRÄFF I UMEÅ', ['Umeå', 'Skellefteå'], 4, false],
      ['REGION SYD – TRÄFF I KRISTIANSTAD', ['Malmö', 'Lund'], 2, false],
      ['REGION VÄST – TRÄFF I SKÖVDE', [], 0, true],
    ]);
    expect(doc.totals).toEqual({ participants: 6, towns: 4, line: '6 deltagare från 4 kommuner' });
    expect(doc.intro).toEqual(['Ett.', 'Två.']);
  });

  it('keeps hidden notes out, TIPS apart with their category, and collects the next theme by title or else the last board', () => {
    const q1 = doc.regions[0]?.questions[0];
    expect(q1?.notes.map((n) => n.text)).toEqual(['Bra dialog']);
    expect(q1?.tips).toEqual([{ text: 'Ett tips', merged: [], tips: true, category: 'Möjligheter', region: 'Norr' }]);
    expect(doc.crossRoom.map((q) => q.title)).toEqual(design.boards.slice(0, 4).map((b) => b.title));
    expect(doc.crossRoom[0]?.tips.map((n) => n.region)).toEqual(['Norr']);
    expect(doc.nextTheme.suggestions.map((n) => [n.text, n.region])).toEqual([
      ['Trygghet', 'Norr'],
      ['Ekonomi', 'Syd'],
    ]);
  });

  it('lays out regions on their own pages, contents of regions only, the totals last', () => {
    const blocks = seriesBlocks(doc);
    expect(blocks.find((b) => b.type === 'contents')).toEqual({ type: 'contents', title: 'Innehåll', depth: 2 });
    expect(blocks.filter((b) => b.type === 'heading' && b.level === 2).map((b) => (b.type === 'heading' ? b.text : ''))).toEqual([
      'REGION NORR – TRÄFF I UMEÅ',
      'REGION SYD – TRÄFF I KRISTIANSTAD',
      'REGION VÄST – TRÄFF I SKÖVDE',
      'Alla regioner per fråga',
      'Förslag på nästa tema från alla regioner',
    ]);
    expect(blocks.at(-1)).toEqual({ type: 'paragraph', runs: [{ text: '6 deltagare från 4 kommuner', bold: true }] });
  });
});
