/**
 * The 2019 network meeting (seed 000) replayed through the public HTTP API and socket protocol only: a series
 * with six regional rooms, in each the seed's number of phones joining with their towns and writing every note
 * under its question (TIPS and the seed's headings marked with idea:mark). The compiled report, read back per
 * format with its own parser, has the seed's contents, the six regions with their towns and counts, each note
 * once under its question with TIPS apart, every region per question, the next-theme suggestions and the totals.
 */
import { describe, expect, it } from 'vitest';
import { regionName, templateDesign } from '@fokus/core';
import type { SeriesDocumentation } from '@fokus/report';
import { newToken } from '../support/fokus-client.ts';
import { trackedServers } from '../support/tracked.ts';
import type { SeedNote, SeedRoom } from './seed-2019-data.ts';
import { SEED_2019 } from './seed-2019-data.ts';
import { docxItems, inOrder, mdItems, notesBySection, pdfText } from './readers.ts';

const servers = trackedServers();
const QUESTIONS = templateDesign('fragerunda', 'sv', 2019).boards.map((b) => b.title);
const INTRO = 'I din hand håller du en dokumentation från Citygroupträffarna den 3 september 2019.\n\nSYFTET MED CITYGROUP är att samla yrkeskåren.';

interface CreatedSeries {
  seriesId: string;
  organiserKey: string;
  rooms: { roomId: string; region: string; code: string; hostKey: string }[];
}

/** First spelling of each town, compared without case, in order of first appearance. */
function distinct(towns: readonly string[]): string[] {
  const seen = new Set<string>();
  return towns.filter((t) => {
    const key = t.toLocaleLowerCase('sv');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
const full = (n: SeedNote) => (n.details ? `${n.text} (${n.details})` : n.text);
const line = (n: SeedNote) => `${full(n)}${n.category ? ` – ${n.category}` : ''}`;
const crossLine = (n: SeedNote, region: string) => `${full(n)} – ${[n.category, region].filter(Boolean).join(', ')}`;
const heading = (r: SeedRoom) => `REGION ${regionName(r.region)} – TRÄFF I ${r.town}`.toLocaleUpperCase('sv');
const CROSS = 'Alla regioner per fråga';
const NEXT = 'Förslag på nästa tema från alla regioner';
const ALL_TOWNS = distinct(SEED_2019.flatMap((r) => r.towns));
const PEOPLE = SEED_2019.reduce((n, r) => n + r.participants, 0);
const TOTALS = `${PEOPLE} deltagare från ${ALL_TOWNS.length} kommuner`;

/** The notes the report must have, section by section, as notesBySection reads them. */
function expectedSections(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (key: string, lines: string[]) => lines.length > 0 && out.set(key, [...(out.get(key) ?? []), ...lines]);
  for (const r of SEED_2019) {
    r.questions.forEach((notes, q) => {
      add(`${heading(r)} / ${q + 1}. ${QUESTIONS[q]} / notes`, notes.filter((n) => !n.tips).map(line));
      add(`${heading(r)} / ${q + 1}. ${QUESTIONS[q]} / tips`, notes.filter((n) => n.tips).map(line));
    });
  }
  for (let q = 0; q < 4; q++) {
    for (const tips of [false, true]) {
      for (const r of SEED_2019) {
        const notes = (r.questions[q] ?? []).filter((n) => (n.tips === true) === tips);
        add(
          `${CROSS} / ${q + 1}. ${QUESTIONS[q]} / ${tips ? 'tips' : 'notes'}`,
          notes.map((n) => crossLine(n, regionName(r.region))),
        );
      }
    }
  }
  add(
    `${NEXT} /  / notes`,
    SEED_2019.flatMap((r) => (r.questions[4] ?? []).map((n) => crossLine(n, regionName(r.region)))),
  );
  return out;
}

/** The body in reading order: per region its heading, towns, count, questions with notes then TIPS. */
function bodyInOrder(): string[] {
  const out: string[] = [];
  for (const r of SEED_2019) {
    out.push(heading(r), `Representerade orter: ${distinct(r.towns).join(', ')}`, `Antal deltagare: ${r.participants}`);
    r.questions.forEach((notes, q) => {
      out.push(`${q + 1}. ${QUESTIONS[q]}`, ...notes.filter((n) => !n.tips).map(line));
      const tips = notes.filter((n) => n.tips);
      if (tips.length > 0) out.push('TIPS', ...tips.map(line));
    });
  }
  return [...out, CROSS, NEXT, TOTALS];
}

async function replay(url: string): Promise<CreatedSeries> {
  const res = await fetch(`${url}/api/series`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Nätverksträff',
      theme: 'Kommunens roll och ansvar i stadsutvecklingen',
      date: '2019-09-03',
      lang: 'sv',
      intro: INTRO,
      rooms: SEED_2019.map((r) => ({ region: r.region, town: r.town, host: `Värd i ${r.town}` })),
    }),
  });
  expect(res.status).toBe(201);
  const series = (await res.json()) as CreatedSeries;
  for (const [i, seed] of SEED_2019.entries()) {
    const room = series.rooms[i];
    if (!room) throw new Error('a room is missing');
    const host = await servers.connect(url, { code: room.code, role: 'facilitator', key: room.hostKey });
    await host.must({ type: 'agenda:goto', stepIndex: 1 });
    const phones = [];
    for (let p = 0; p < seed.participants; p++) {
      const phone = await servers.connect(url, { code: room.code, role: 'participant' });
      const town = seed.towns[p % seed.towns.length] ?? '';
      const ack = await phone.socket.timeout(5000).emitWithAck('participant:join', { name: `Deltagare ${p + 1}`, organisation: '', token: newToken(), town });
      expect(ack.ok).toBe(true);
      phones.push(phone);
    }
    let k = 0;
    for (const [q, notes] of seed.questions.entries()) {
      for (const note of notes) {
        const phone = phones[k % phones.length];
        if (!phone) throw new Error('no phone');
        const ideaId = `n${q}x${k++}`;
        await phone.must({ type: 'idea:add', ideaId, boardId: `fraga-${q + 1}`, text: note.text, ...(note.details ? { details: note.details } : {}) });
        if (note.tips || note.category)
          await phone.must({ type: 'idea:mark', ideaId, ...(note.tips ? { tips: true } : {}), ...(note.category ? { category: note.category } : {}) });
      }
    }
    for (const c of [host, ...phones]) c.close();
  }
  return series;
}

describe('the 2019 network meeting, six rooms, one compiled report', () => {
  it('has the seed in every format of the report', { timeout: 120_000 }, async () => {
    const { url } = await servers.start();
    const series = await replay(url);
    const get = async (format: string) => {
      const res = await fetch(`${url}/api/series/${series.seriesId}/report.${format}`, { headers: { authorization: `Bearer ${series.organiserKey}` } });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    const expected = expectedSections();
    expect([...expected.values()].flat().length).toBeGreaterThan(2 * 200);

    const doc = JSON.parse((await get('json')).toString('utf8')) as SeriesDocumentation;
    expect(doc.regions.map((r) => [r.heading, r.towns, r.participants])).toEqual(SEED_2019.map((r) => [heading(r), distinct(r.towns), r.participants]));
    expect(doc.regions[1]?.towns).toEqual(['Torsby', 'Karlstad', 'Åmål', 'Säffle', 'Degerfors', 'Arvika', 'Malmö']);
    expect(doc.totals).toEqual({ participants: 86, towns: ALL_TOWNS.length, line: TOTALS });
    expect(doc.regions.map((r) => r.questions.map((q) => q.notes.length + q.tips.length))).toEqual(SEED_2019.map((r) => r.questions.map((q) => q.length)));
    expect(doc.regions.flatMap((r) => r.questions.flatMap((q) => q.tips)).length).toBe(12);
    expect(doc.nextTheme.suggestions.length).toBe(SEED_2019.reduce((n, r) => n + (r.questions[4]?.length ?? 0), 0));

    const md = mdItems((await get('md')).toString('utf8'));
    expect(md[0]).toEqual({ kind: 'h1', text: 'Nätverksträff' });
    expect(md.filter((i) => i.kind === 'h2').map((i) => i.text)).toEqual([...SEED_2019.map(heading), CROSS, NEXT]);
    expect(notesBySection(md)).toEqual(expected);
    expect(md.at(-1)).toEqual({ kind: 'p', text: TOTALS });
    inOrder(md.map((i) => i.text).join('\n'), [
      'Kommunens roll och ansvar i stadsutvecklingen · 3 september 2019',
      'I din hand håller du',
      'SYFTET MED CITYGROUP',
      ...bodyInOrder(),
    ]);

    const docx = await docxItems(await get('docx'));
    const toc = docx.filter((i) => i.kind === 'toc').map((i) => i.text);
    expect(toc.map((t) => t.replace(/\d+$/, ''))).toEqual([...SEED_2019.map(heading), CROSS, NEXT]);
    expect(notesBySection(docx)).toEqual(expected);
    inOrder(docx.map((i) => i.text).join('\n'), ['Innehåll', ...SEED_2019.map(heading), ...bodyInOrder()]);

    const pdf = await pdfText(await get('pdf'));
    inOrder(pdf, ['Nätverksträff', 'Innehåll', ...SEED_2019.map(heading), CROSS, NEXT, ...bodyInOrder()]);
  });
});
