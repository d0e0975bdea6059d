/**
 * Deciding the next theme together (issue 12, item 5), over HTTP and sockets only: three rooms write next-theme
 * notes (two the same), the organiser starts one plenary with every suggestion, merges the duplicate as its
 * facilitator and opens voting; phones from two rooms join the plenary and place dots within their budget. The
 * compiled report (JSON, and Markdown read back with mdast) has the ranking with shared ranks and the merged text;
 * the series' status shows the plenary.
 */
import type { Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { NextThemeResponse, SeriesStatus } from '@fokus/protocol';
import type { SeriesDocumentation } from '@fokus/report';
import { connectRefusal, newToken } from '../support/fokus-client.ts';
import { docxItems, inOrder, pdfText } from './readers.ts';
import { trackedServers } from '../support/tracked.ts';

const servers = trackedServers();

interface Created {
  seriesId: string;
  organiserKey: string;
  rooms: { code: string; hostKey: string }[];
}

/** Each room's next-theme notes (the Frågerunda's fifth question); "Trygghet i centrum" is written twice. */
const ROOMS = [
  { region: 'Norr', town: 'Umeå', notes: ['Trygghet i centrum', 'Samverkansöverenskommelsefrågor'] },
  { region: 'Syd', town: 'Kristianstad', notes: ['Trygghet i centrum', 'Handelns framtid'] },
  { region: 'Väst', town: 'Skövde', notes: ['Besöksnäring'] },
];

async function createSeries(url: string): Promise<Created> {
  const res = await fetch(`${url}/api/series`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Nätverksträff', theme: 'Tema', date: '2019-09-03', rooms: ROOMS.map(({ region, town }) => ({ region, town })) }),
  });
  expect(res.status).toBe(201);
  const series = (await res.json()) as Created;
  for (const [i, r] of ROOMS.entries()) {
    const room = series.rooms[i];
    if (!room) throw new Error('a room is missing');
    const host = await servers.connect(url, { code: room.code, role: 'facilitator', key: room.hostKey });
    await host.must({ type: 'agenda:goto', stepIndex: 1 });
    for (const [k, text] of r.notes.entries()) await host.must({ type: 'idea:add', ideaId: `n${k}`, boardId: 'fraga-5', text });
    await host.must({ type: 'idea:add', ideaId: 'q1', boardId: 'fraga-1', text: 'Inte ett temaförslag' });
    host.close();
  }
  return series;
}

/** The table under a level 2 heading, as rows of cell texts. */
function tableAfter(md: string, heading: string): string[][] {
  const tree: Root = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const at = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && n.children.map((c) => ('value' in c ? c.value : '')).join('') === heading);
  const table = tree.children.slice(at + 1).find((n): n is Table => n.type === 'table');
  if (at < 0 || !table) throw new Error(`no table under ${heading}`);
  const text = (n: object): string =>
    'value' in n && typeof n.value === 'string' ? n.value : 'children' in n && Array.isArray(n.children) ? n.children.map(text).join('') : '';
  return table.children.map((row) => row.children.map(text));
}

describe('the next theme, voted on by every room together', () => {
  it('makes one plenary of the suggestions; merged, voted within budget, ranked in the report', { timeout: 60_000 }, async () => {
    const { url } = await servers.start();
    const series = await createSeries(url);
    const other = await createSeries(url);
    const post = (seriesId: string, key: string) =>
      fetch(`${url}/api/series/${seriesId}/next-theme`, { method: 'POST', headers: { authorization: `Bearer ${key}` } });

    // Host keys and another series' organiser key are refused, and make nothing.
    for (const key of [series.rooms[0]?.hostKey ?? '', other.organiserKey]) expect((await post(series.seriesId, key)).status).toBe(401);
    expect((await post('AAAAAAAAAAAAAAAA', series.organiserKey)).status).toBe(404);

    const first = await post(series.seriesId, series.organiserKey);
    expect(first.status).toBe(201);
    const plenary = (await first.json()) as NextThemeResponse;
    expect(plenary.links).toEqual({
      join: `/j/${plenary.code}`,
      screen: `/s/${plenary.code}`,
      facilitator: `/f/${plenary.code}#key=${plenary.facilitatorKey}`,
    });
    const again = await post(series.seriesId, series.organiserKey);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      code: plenary.code,
      facilitatorKey: null,
      links: { join: `/j/${plenary.code}`, screen: `/s/${plenary.code}`, facilitator: null },
    });

    // The plenary's console: every suggestion in room order with its region; its key is no room's.
    const fac = await servers.connect(url, { code: plenary.code, role: 'facilitator', key: plenary.facilitatorKey ?? '' });
    const ideas = Object.values((await fac.sync()).view.view.ideas).sort((a, b) => a.seq - b.seq);
    expect(ideas.map((i) => [i.text, i.details])).toEqual(ROOMS.flatMap((r) => r.notes.map((n) => [n, r.region])));
    const idOf = (text: string, region: string) => ideas.find((i) => i.text === text && i.details === region)?.id ?? '';
    const [trygg, samverkan, handel, besok] = [
      idOf('Trygghet i centrum', 'Norr'),
      idOf('Samverkansöverenskommelsefrågor', 'Norr'),
      idOf('Handelns framtid', 'Syd'),
      idOf('Besöksnäring', 'Väst'),
    ];
    await fac.must({ type: 'idea:merge', targetId: trygg, sourceIds: [idOf('Trygghet i centrum', 'Syd')] });
    await fac.must({ type: 'voting:open' });

    // A phone from Norr and one from Syd, each with the series' budget (10 dots).
    const phones = [];
    for (const town of ['Umeå', 'Kristianstad']) {
      const phone = await servers.connect(url, { code: plenary.code, role: 'participant' });
      const ack = await phone.socket.timeout(5000).emitWithAck('participant:join', { name: `Från ${town}`, organisation: '', token: newToken(), town });
      expect(ack.ok).toBe(true);
      phones.push(phone);
    }
    const [norr, syd] = phones;
    if (!norr || !syd) throw new Error('no phones');
    const dots = async (phone: typeof norr, ideaId: string, n: number) => {
      for (let k = 0; k < n; k++) await phone.must({ type: 'vote:add', ideaId });
    };
    await dots(norr, trygg, 6);
    await dots(norr, handel, 4);
    const past = await norr.send({ type: 'vote:add', ideaId: besok });
    expect(past.ok ? 'accepted' : past.error).toBe('budget_exhausted');
    await dots(syd, trygg, 3);
    await dots(syd, samverkan, 4);
    await dots(syd, besok, 3);

    const get = async (path: string) => {
      const res = await fetch(`${url}/api/series/${series.seriesId}${path}`, { headers: { authorization: `Bearer ${series.organiserKey}` } });
      expect(res.status).toBe(200);
      return res.text();
    };
    // Anonymous voting still open with two voters: the gate has released nothing, and neither does the report.
    const open = JSON.parse(await get('/report.json')) as SeriesDocumentation;
    expect(open.nextThemeVote?.status).toBe('open');
    expect(open.nextThemeVote?.dots).toBe(0);

    const status = JSON.parse(await get('')) as SeriesStatus;
    expect(status.plenary).toEqual({
      code: plenary.code,
      state: 'live',
      links: { join: `/j/${plenary.code}`, screen: `/s/${plenary.code}` },
      participants: 2,
      voting: 'open',
    });
    expect(JSON.stringify(status)).not.toContain(plenary.facilitatorKey ?? '');

    await fac.must({ type: 'voting:close' });
    const doc = JSON.parse(await get('/report.json')) as SeriesDocumentation;
    expect(doc.nextThemeVote?.items.map((i) => [i.rank, i.text, i.region, i.merged, i.dots, i.voters, i.focus])).toEqual([
      [1, 'Trygghet i centrum', 'Norr', ['Trygghet i centrum'], 9, 2, true],
      [2, 'Samverkansöverenskommelsefrågor', 'Norr', [], 4, 1, false],
      [2, 'Handelns framtid', 'Syd', [], 4, 1, false],
      [4, 'Besöksnäring', 'Väst', [], 3, 1, false],
    ]);
    expect(doc.nextTheme.suggestions).toHaveLength(5);

    const md = await get('/report.md');
    expect(tableAfter(md, 'Röstning om nästa tema')).toEqual([
      ['Plats', 'Förslag', 'Region', 'Prickar', 'Röstande', 'Nästa tema'],
      ['1', 'Trygghet i centrum · sammanslagen med: Trygghet i centrum', 'Norr', '9', '2', 'Ja'],
      ['2', 'Samverkansöverenskommelsefrågor', 'Norr', '4', '1', ''],
      ['2', 'Handelns framtid', 'Syd', '4', '1', ''],
      ['4', 'Besöksnäring', 'Väst', '3', '1', ''],
    ]);
    expect(md).toContain('Röstningen är avslutad · 10 prickar per deltagare · 20 prickar totalt · anonym');
    expect((JSON.parse(await get('')) as SeriesStatus).plenary?.voting).toBe('closed');

    // DOCX and PDF carry the same section (the table's cells are paragraphs in Word).
    const binary = async (format: string) => {
      const res = await fetch(`${url}/api/series/${series.seriesId}/report.${format}`, { headers: { authorization: `Bearer ${series.organiserKey}` } });
      return Buffer.from(await res.arrayBuffer());
    };
    const docx = (await docxItems(await binary('docx'))).map((i) => i.text);
    inOrder(docx.join('\n'), [
      'Röstning om nästa tema',
      'Plats',
      'Nästa tema',
      '1',
      'Trygghet i centrum',
      'sammanslagen med: Trygghet i centrum',
      '9',
      '2',
      'Ja',
      '2',
      'Samverkansöverenskommelsefrågor',
    ]);
    inOrder(await pdfText(await binary('pdf')), [
      'Röstning om nästa tema',
      'Trygghet i centrum',
      'Samverkansöverenskommelsefrågor',
      'Handelns framtid',
      'Besöksnäring',
    ]);

    // The other series has no plenary, and its report no vote.
    const res = await fetch(`${url}/api/series/${other.seriesId}/report.json`, { headers: { authorization: `Bearer ${other.organiserKey}` } });
    expect(((await res.json()) as SeriesDocumentation).nextThemeVote).toBeNull();

    // Erasing the series with its rooms erases the plenary too (it holds the rooms' suggestions and votes).
    fac.close();
    const erased = await fetch(`${url}/api/series/${series.seriesId}?rooms=erase`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${series.organiserKey}` },
    });
    expect(erased.status).toBe(204);
    expect((await connectRefusal(url, { code: plenary.code, role: 'screen' }))?.error).toBe('not_found');
  });
});
