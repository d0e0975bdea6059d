import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, newToken } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';
import { launchBrowser, screenshot, seriousA11yViolations, settled, webDist } from './browser.ts';

/**
 * The organiser's dashboard and the plenary projector of a series (issue 12, item 3). A series of two rooms (Umeå,
 * Arvika) made over HTTP; phones join each room over the protocol with their towns and write notes (one TIPS). The
 * organiser's dashboard shows both rooms with their counts and follows them live: a note written in room 2 and room
 * 1's next step appear without a reload. The plenary at 1920×1080 shows both rooms. Without the organiser key the
 * page says so and shows no room. Then six rooms at seed size (16 notes on a question, long compounds) photographed:
 * dashboard at 1280×720 and 1920×1080, plenary at 1920×1080.
 */

const SHY = '\u00AD';
const clean = (s: string | null) => (s ?? '').replaceAll(SHY, '');
const LONG = [
  'Samverkansöverenskommelsefrågor',
  'Stadskärnefinansieringsmodeller',
  'Destinationsbolagssammanslagning',
  'Fastighetsägarsamverkan',
  'Näringslivsutvecklingsstrategier',
  'Kommunikationsansvarsfördelning',
  'Trygghetsskapandeåtgärder i centrumkärnan',
];

interface CreatedSeries {
  seriesId: string;
  organiserKey: string;
  rooms: { roomId: string; region: string; town: string; code: string; hostKey: string }[];
}

let server: RunningServer;
let browser: Browser;
const clients: Client[] = [];
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function createSeries(rooms: { region: string; town: string; host: string }[]): Promise<CreatedSeries> {
  const res = await fetch(`${server.url}/api/series`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Nätverksträff hösten 2019', theme: 'Kommunens roll och ansvar i stadsutvecklingen', date: '2019-09-03', lang: 'sv', rooms }),
  });
  if (res.status !== 201) throw new Error(`series: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedSeries;
}

async function connect(auth: Parameters<typeof Client.connect>[1]): Promise<Client> {
  const c = await Client.connect(server.url, auth);
  clients.push(c);
  return c;
}

async function phone(code: string, name: string, town: string): Promise<Client> {
  const c = await connect({ code, role: 'participant' });
  const ack = await c.socket.timeout(5000).emitWithAck('participant:join', { name, town, token: newToken() });
  if (!ack.ok) throw new Error(ack.message);
  return c;
}

async function page(viewport: { width: number; height: number }, path: string, ctx?: BrowserContext): Promise<Page> {
  let context = ctx;
  if (!context) {
    context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'sv-SE' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
  }
  const p = await context.newPage();
  await p.setViewportSize(viewport);
  p.on('pageerror', (e) => pageErrors.push(e.message));
  await p.goto(`${server.url}${path}`);
  return p;
}

/** Elements within `root` that leave the viewport or hold content wider than their box (cut text). */
const overflow = (p: Page, root: string) =>
  p.evaluate((sel) => {
    const vw = window.innerWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > vw) out.push(`page ${document.documentElement.scrollWidth} > ${vw}`);
    for (const el of document.querySelectorAll(`${sel} *`)) {
      if (!(el instanceof HTMLElement) || el.closest('.visually-hidden') || el.closest('[hidden]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > vw + 0.5 || r.left < -0.5) out.push(`${el.className} leaves the viewport`);
      const cs = getComputedStyle(el);
      if (cs.display !== 'inline' && !(el instanceof HTMLSelectElement) && el.scrollWidth > el.clientWidth + 1 && cs.textOverflow !== 'ellipsis') {
        out.push(`${el.className} "${(el.textContent ?? '').slice(0, 30)}" holds ${el.scrollWidth} in ${el.clientWidth}`);
      }
    }
    return out;
  }, root);

/** Plenary notes that stick out below their room's list (the list fits or pages, never cuts). */
const notesBelow = (p: Page) =>
  p.evaluate(() => {
    const out: string[] = [];
    for (const list of document.querySelectorAll<HTMLElement>('.p-room__list')) {
      const bottom = list.getBoundingClientRect().bottom;
      for (const li of list.querySelectorAll<HTMLElement>('.p-note')) {
        if (li.hidden) continue;
        if (li.getBoundingClientRect().bottom > bottom + 0.5) out.push((li.textContent ?? '').slice(0, 30));
      }
    }
    if (document.documentElement.scrollHeight > window.innerHeight) out.push('page scrolls');
    return out;
  });

let two: CreatedSeries;
let host1: Client;
let umePhone: Client;
let arvikaPhone: Client;

beforeAll(async () => {
  server = await startServer(mkdtempSync(join(tmpdir(), 'fokus-series-dash-')), { webDist });
  browser = await launchBrowser();
  two = await createSeries([
    { region: 'Region Norr', town: 'Umeå', host: 'Anna Norberg' },
    { region: 'Region Värmland/Dalsland', town: 'Arvika', host: 'Bo Ek' },
  ]);
  const [r1, r2] = two.rooms;
  if (!r1 || !r2) throw new Error('two rooms expected');
  host1 = await connect({ code: r1.code, role: 'facilitator', key: r1.hostKey });
  const host2 = await connect({ code: r2.code, role: 'facilitator', key: r2.hostKey });
  await host1.must({ type: 'agenda:goto', stepIndex: 1 });
  await host2.must({ type: 'agenda:goto', stepIndex: 1 });
  umePhone = await phone(r1.code, 'Pia', 'Umeå');
  const skePhone = await phone(r1.code, 'Per', 'Skellefteå');
  arvikaPhone = await phone(r2.code, 'Lena', 'Karlstad');
  await phone(r2.code, 'Ola', 'Åmål');
  await umePhone.must({ type: 'idea:add', ideaId: 'u1', boardId: 'fraga-1', text: 'Fredagsmail till kommunen om vad vi gör' });
  await umePhone.must({ type: 'idea:mark', ideaId: 'u1', tips: true });
  await skePhone.must({ type: 'idea:add', ideaId: 'u2', boardId: 'fraga-1', text: 'Kommunen och näringslivet pratar inte samma språk' });
  await host1.must({ type: 'idea:mark', ideaId: 'u2', category: 'Utmaningar' });
  await skePhone.must({ type: 'idea:add', ideaId: 'u3', boardId: 'fraga-3', text: 'Samverkansöverenskommelsefrågor' });
  await arvikaPhone.must({ type: 'idea:add', ideaId: 'a1', boardId: 'fraga-1', text: 'Gemensam handlingsplan med fastighetsägarna' });
}, 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  for (const c of clients) c.close();
  await browser?.close();
  await server?.stop();
});

it('without the organiser key the page says so and shows no room; a wrong key is refused', async () => {
  const none = await page({ width: 1280, height: 720 }, `/o/${two.seriesId}`);
  await none.getByRole('alert').waitFor();
  expect(await none.getByRole('alert').textContent()).toContain('Organisatörsnyckeln saknas');
  expect(await none.locator('.o-room').count()).toBe(0);
  const wrong = await page({ width: 1280, height: 720 }, `/o/${two.seriesId}#key=${two.rooms[0]?.hostKey}`);
  await wrong.getByRole('alert').waitFor();
  expect(await wrong.getByRole('alert').textContent()).toContain('Nyckeln gäller inte');
  expect(await wrong.locator('.o-room').count()).toBe(0);
  expect(await wrong.locator('body').textContent()).not.toContain(two.rooms[0]?.code ?? '–');
});

it('the dashboard shows both rooms live: counts, towns, TIPS, a new note and the next step without reload; the plenary shows both', async () => {
  const [r1, r2] = two.rooms;
  if (!r1 || !r2) throw new Error('two rooms expected');
  const dash = await page({ width: 1280, height: 720 }, `/o/${two.seriesId}#key=${two.organiserKey}`);
  const room1 = dash.locator(`.o-room[data-room="${r1.code}"]`);
  const room2 = dash.locator(`.o-room[data-room="${r2.code}"]`);
  await room1.locator('.o-room__live').waitFor();
  await room2.locator('.o-room__live').waitFor();
  // The key went into this browser's memory and out of the address bar.
  expect(dash.url()).not.toContain(two.organiserKey);
  expect(await room1.locator('.o-room__region').textContent()).toBe('Region Norr');
  expect(await room1.locator('.o-room__where').textContent()).toContain('Umeå');
  expect(await room1.locator('.o-room__where').textContent()).toContain('Anna Norberg');
  expect(await room2.locator('.o-room__region').textContent()).toBe('Region Värmland/Dalsland');
  expect(await room1.locator('.o-room__step').textContent()).toContain('Frågorna');
  expect(await room1.locator('.o-room__people').getAttribute('data-people')).toBe('2');
  expect(await room1.locator('.o-room__people').textContent()).toBe('2 av 2 deltagare uppkopplade');
  expect(await room1.locator('.o-q[data-question="1"]').getAttribute('data-notes')).toBe('2');
  expect(await room1.locator('.o-q[data-question="3"]').getAttribute('data-notes')).toBe('1');
  expect(await room2.locator('.o-q[data-question="1"]').getAttribute('data-notes')).toBe('1');
  expect(await room1.locator('.o-q[data-question="1"] .o-q__tips').textContent()).toBe('1 TIPS');
  await expect.poll(() => room1.locator('.o-room__towns').textContent()).toContain('Umeå, Skellefteå');
  await expect.poll(() => room2.locator('.o-room__towns').textContent()).toContain('Karlstad, Åmål');
  // The notes themselves, TIPS and category marked, behind the question.
  await room1.locator('.o-q[data-question="1"] summary').click();
  const tipsNote = room1.locator('.o-note').filter({ hasText: 'Fredagsmail till kommunen' });
  expect(await tipsNote.locator('.note-tips').textContent()).toBe('TIPS');
  expect(await room1.locator('.o-note').filter({ hasText: 'samma språk' }).locator('.note-cat').textContent()).toBe('Utmaningar');
  // The room's links carry nothing secret.
  const hrefs = await dash.locator('.o-room__links a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs).toContain(`/s/${r1.code}`);
  expect(hrefs).toContain(`/f/${r2.code}`);
  for (const h of hrefs) expect(h).not.toContain('key');

  // Live: a note in room 2, then room 1's next step and its timer.
  await arvikaPhone.must({ type: 'idea:add', ideaId: 'a2', boardId: 'fraga-1', text: 'Stadskärnefinansieringsmodeller' });
  await expect.poll(() => room2.locator('.o-q[data-question="1"]').getAttribute('data-notes'), { timeout: 2000 }).toBe('2');
  await host1.must({ type: 'agenda:goto', stepIndex: 2 });
  await expect.poll(() => room1.locator('.o-room__step').textContent(), { timeout: 2000 }).toContain('Genomgång');
  expect(await room1.locator('.o-room__step').getAttribute('data-step-index')).toBe('2');
  await host1.must({ type: 'timer:start' });
  const clock = room1.locator('.o-room__timer .timer__clock');
  await expect.poll(() => clock.textContent(), { timeout: 2500 }).toMatch(/^19:5\d$/);
  expect(await room2.locator('.o-room__timer .timer__paused').count()).toBe(1);
  expect(await overflow(dash, '.o-page')).toEqual([]);
  await settled(dash);
  await screenshot(dash, 'series-dashboard-2-rooms-1280x720');
  expect(await seriousA11yViolations(dash)).toEqual([]);

  // The plenary, opened from this browser (the key is remembered), steered from the dashboard's selector.
  const plenary = await page({ width: 1920, height: 1080 }, `/o/${two.seriesId}/skarm`, dash.context());
  await plenary.locator(`.p-room[data-room="${r1.code}"] .p-note`).first().waitFor();
  await plenary.locator(`.p-room[data-room="${r2.code}"] .p-note`).first().waitFor();
  expect(await plenary.locator('.p-room').count()).toBe(2);
  expect(clean(await plenary.locator(`.p-room[data-room="${r1.code}"] .p-room__step`).textContent())).toBe('Genomgång');
  expect(await plenary.locator(`.p-room[data-room="${r2.code}"] .p-room__people`).getAttribute('data-people')).toBe('2');
  expect(await plenary.locator('.plenary').getAttribute('data-choice')).toBe('latest');
  await dash.getByLabel('Plenarvisningen visar').selectOption('fraga-3');
  await expect.poll(() => plenary.locator('.plenary').getAttribute('data-choice'), { timeout: 2000 }).toBe('fraga-3');
  expect(clean(await plenary.locator('.plenary__question').textContent())).toContain('Vilka gemensamma utmaningar');
  expect(await plenary.locator(`.p-room[data-room="${r1.code}"] .p-note`).count()).toBe(1);
  expect(await plenary.locator(`.p-room[data-room="${r2.code}"] .p-note`).count()).toBe(0);
  await dash.getByLabel('Plenarvisningen visar').selectOption('fraga-1');
  await expect.poll(() => plenary.locator(`.p-room[data-room="${r2.code}"] .p-note`).count(), { timeout: 2000 }).toBe(2);
  expect(await overflow(plenary, '.plenary')).toEqual([]);
  await settled(plenary);
  await screenshot(plenary, 'series-plenary-2-rooms-1920x1080');
  expect(pageErrors).toEqual([]);
}, 60_000);

const SIX = [
  ['Region Norr', 'Umeå', ['Sundsvall', 'Östersund', 'Luleå', 'Örnsköldsvik', 'Piteå']],
  ['Region Värmland/Dalsland', 'Arvika', ['Torsby', 'Karlstad', 'Åmål', 'Säffle', 'Degerfors']],
  ['Region Dalarna/Gävleborg', 'Söderhamn', ['Bollnäs', 'Ludvika', 'Västerås', 'Ljusdal', 'Hudiksvall']],
  ['Region Stockholm/Södermanland', 'Katrineholm', ['Nyköping', 'Eskilstuna', 'Södertälje', 'Strängnäs', 'Flen']],
  ['Region Västra Götaland', 'Skövde', ['Lidköping', 'Falköping', 'Mariestad', 'Tidaholm', 'Borås']],
  ['Region Skåne/Blekinge', 'Kristianstad', ['Hässleholm', 'Karlshamn', 'Sölvesborg', 'Ystad', 'Ängelholm']],
] as const;

it('six rooms at seed size stay readable: dashboard at 1280×720 and 1920×1080, plenary at 1920×1080', async () => {
  const six = await createSeries(SIX.map(([region, town], i) => ({ region, town, host: `Värd ${i + 1} Långnamnsson-Efternamnsdotter` })));
  for (const [i, room] of six.rooms.entries()) {
    const host = await connect({ code: room.code, role: 'facilitator', key: room.hostKey });
    await host.must({ type: 'agenda:goto', stepIndex: 1 });
    const people: Client[] = [];
    for (const town of SIX[i]?.[2] ?? []) people.push(await phone(room.code, `Person från ${town}`, town));
    for (let n = 0; n < 16; n++) {
      const author = people[n % people.length] as Client;
      const text = n < LONG.length ? `${LONG[n]} i ${room.town}` : `Kommunen behöver en samordnande roll med mandat, punkt ${n + 1}`;
      await author.must({ type: 'idea:add', ideaId: `s${i}-q1-${n}`, boardId: 'fraga-1', text });
      if (n % 5 === 0) await author.must({ type: 'idea:mark', ideaId: `s${i}-q1-${n}`, tips: true });
      if (n % 4 === 1) await host.must({ type: 'idea:mark', ideaId: `s${i}-q1-${n}`, category: 'Möjligheter' });
    }
    for (let q = 2; q <= 5; q++) {
      await (people[q % people.length] as Client).must({
        type: 'idea:add',
        ideaId: `s${i}-q${q}`,
        boardId: `fraga-${q}`,
        text: `${LONG[q] ?? ''} (fråga ${q})`,
      });
    }
    if (i % 2 === 0) await host.must({ type: 'timer:start' });
  }

  const dash = await page({ width: 1280, height: 720 }, `/o/${six.seriesId}#key=${six.organiserKey}`);
  await expect.poll(() => dash.locator('.o-room .o-q[data-question="1"][data-notes="16"]').count()).toBe(6);
  await expect.poll(() => dash.locator('.o-room__people[data-people="5"]').count()).toBe(6);
  await expect.poll(() => dash.locator('.o-room__towns').first().textContent()).toContain('Sundsvall, Östersund');
  await dash.locator('.o-room').first().locator('.o-q[data-question="1"] summary').click();
  expect(await dash.locator('.o-room').first().locator('.o-q[data-question="1"] .o-note').count()).toBe(16);
  expect(await overflow(dash, '.o-page')).toEqual([]);
  await settled(dash);
  await screenshot(dash, 'series-dashboard-6-rooms-1280x720');
  // The overview at 1080p, every question folded: all six rooms at a glance.
  await dash.locator('.o-room').first().locator('.o-q[data-question="1"] summary').click();
  await dash.setViewportSize({ width: 1920, height: 1080 });
  expect(await overflow(dash, '.o-page')).toEqual([]);
  const lastRoomBottom = await dash
    .locator('.o-room')
    .last()
    .evaluate((el) => el.getBoundingClientRect().bottom);
  expect(lastRoomBottom).toBeLessThanOrEqual(1080);
  await settled(dash);
  await screenshot(dash, 'series-dashboard-6-rooms-1920x1080');

  await dash.getByLabel('Plenarvisningen visar').selectOption('fraga-1');
  const plenary = await page({ width: 1920, height: 1080 }, `/o/${six.seriesId}/skarm`, dash.context());
  await expect.poll(() => plenary.locator('.p-room').count()).toBe(6);
  await expect.poll(() => plenary.locator('.p-note').count()).toBe(96);
  expect(await plenary.locator('.plenary').getAttribute('data-choice')).toBe('fraga-1');
  await settled(plenary);
  expect(await overflow(plenary, '.plenary')).toEqual([]);
  expect(await notesBelow(plenary)).toEqual([]);
  // Readable from the back of a hall: no note below 22 px.
  const smallest = await plenary.evaluate(() =>
    Math.min(...[...document.querySelectorAll('.p-room__list')].map((l) => parseFloat(getComputedStyle(l).fontSize))),
  );
  expect(smallest).toBeGreaterThanOrEqual(21.9);
  await screenshot(plenary, 'series-plenary-6-rooms-1920x1080');
  await dash.getByLabel('Plenarvisningen visar').selectOption('latest');
  await expect.poll(() => plenary.locator('.plenary').getAttribute('data-choice')).toBe('latest');
  await expect.poll(() => plenary.locator('.p-note').count()).toBe(6 * 6);
  await settled(plenary);
  expect(await notesBelow(plenary)).toEqual([]);
  // The newest notes of six rooms fit on one page each: nothing to wait for.
  expect(await plenary.locator('.p-room__list[data-pages="1"]').count()).toBe(6);
  await screenshot(plenary, 'series-plenary-6-rooms-latest-1920x1080');
  expect(pageErrors).toEqual([]);
}, 120_000);
