import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, newToken } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';
import { launchBrowser, screenshot, seriousA11yViolations, settled, webDist } from './browser.ts';

/**
 * The dashboard's "Nästa tema" card (issue 12, item 5): two rooms with eight next-theme notes each (long
 * compounds); the organiser's button starts the shared vote and opens its console in a new tab, which holds every
 * suggestion; the card then names the code with links to the projector and join page, and after a reload the
 * vote's status; a second click opens the same console from this browser. The plenary's projector at 1920×1080.
 */
const NOTES = [
  'Samverkansöverenskommelsefrågor',
  'Stadskärnefinansieringsmodeller',
  'Destinationsbolagssammanslagning',
  'Trygghet i centrum',
  'Näringslivsutvecklingsstrategier',
  'Kommunikationsansvarsfördelning',
  'Handelns framtid efter pandemin',
  'Besöksnäring',
];

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startServer(mkdtempSync(join(tmpdir(), 'fokus-next-theme-')), { webDist });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, locale: 'sv-SE' });
  context.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('starts the shared vote from the dashboard and opens its console', { timeout: 90_000 }, async () => {
  const res = await fetch(`${server.url}/api/series`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Nätverksträff hösten 2019',
      date: '2019-09-03',
      rooms: [
        { region: 'Norr', town: 'Umeå' },
        { region: 'Värmland/Dalsland', town: 'Arvika' },
      ],
    }),
  });
  const series = (await res.json()) as { seriesId: string; organiserKey: string; rooms: { code: string; hostKey: string }[] };
  for (const [r, room] of series.rooms.entries()) {
    const host = await Client.connect(server.url, { code: room.code, role: 'facilitator', key: room.hostKey });
    await host.must({ type: 'agenda:goto', stepIndex: 1 });
    for (const [k, text] of NOTES.entries()) await host.must({ type: 'idea:add', ideaId: `n${k}`, boardId: 'fraga-5', text: r === 0 ? text : `${text} ${k}` });
    host.close();
  }

  const dash = await context.newPage();
  dash.on('pageerror', (e) => pageErrors.push(e.message));
  await dash.goto(`${server.url}/o/${series.seriesId}#key=${series.organiserKey}`);
  const card = dash.locator('.o-next');
  await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('Nästa tema');
  const [consoleTab] = await Promise.all([context.waitForEvent('page'), card.getByRole('button', { name: 'Starta gemensam röstning om nästa tema' }).click()]);
  await consoleTab.waitForURL(/\/f\/[A-Z0-9]+/);
  const code = /\/f\/([A-Z0-9]+)/.exec(consoleTab.url())?.[1] ?? '';
  expect(code).not.toBe('');
  await expect.poll(() => consoleTab.locator('body').textContent(), { timeout: 10_000 }).toContain('Samverkansöverenskommelsefrågor 0');
  const body = (await consoleTab.locator('body').textContent()) ?? '';
  for (const n of NOTES) expect(body).toContain(n);
  await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain(code);
  expect(await card.getByRole('link', { name: 'Projektorvisning' }).getAttribute('href')).toBe(`/s/${code}`);
  expect(await card.getByRole('link', { name: 'Deltagarlänk' }).getAttribute('href')).toBe(`/j/${code}`);
  await settled(dash);
  await screenshot(dash, 'series-next-theme-dashboard');

  // After a reload the card shows the vote from the series' status; a second click opens the same console.
  await dash.reload();
  await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('Röstningen har inte öppnats');
  const [again] = await Promise.all([context.waitForEvent('page'), card.getByRole('button', { name: 'Starta gemensam röstning om nästa tema' }).click()]);
  await again.waitForURL(new RegExp(`/f/${code}`));
  expect(await seriousA11yViolations(dash)).toEqual([]);

  // The console link this browser kept holds the plenary's key: voting opens, two phones place dots.
  const link = await dash.evaluate((id) => localStorage.getItem(`fokus:plenary-console:${id}`), series.seriesId);
  const key = /#key=(.+)$/.exec(link ?? '')?.[1] ?? '';
  const fac = await Client.connect(server.url, { code, role: 'facilitator', key });
  await fac.must({ type: 'voting:open' });
  const ideas = Object.values((await fac.sync()).view.view.ideas).sort((a, b) => a.seq - b.seq);
  for (const [p, town] of ['Umeå', 'Arvika'].entries()) {
    const phone = await Client.connect(server.url, { code, role: 'participant' });
    const ack = await phone.socket.timeout(5000).emitWithAck('participant:join', { name: `P${p}`, organisation: '', token: newToken(), town });
    expect(ack.ok).toBe(true);
    for (let k = 0; k < 10; k++) await phone.must({ type: 'vote:add', ideaId: ideas[(k + p) % 4]?.id ?? '' });
    await phone.must({ type: 'participant:done', done: true });
    phone.close();
  }
  await fac.must({ type: 'voting:close' });
  // The series' defaults hide results until the facilitator shows them (hideResults), as in any workshop.
  await fac.must({ type: 'voting:reveal', revealed: true });
  fac.close();

  const screen = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  // The projector hyphenates long compounds with soft hyphens; the words are compared without them.
  const screenText = async () => ((await screen.locator('body').textContent()) ?? '').replaceAll('\u00AD', '');
  await screen.goto(`${server.url}/s/${code}`);
  await expect.poll(() => screenText(), { timeout: 10_000 }).toContain('Samverkansöverenskommelsefrågor');
  // The reveal builds the ranking up step by step: the top list is read once it is there.
  await expect.poll(() => screenText(), { timeout: 20_000 }).toMatch(/Topplistan.*Stadskärnefinansieringsmodeller/s);
  const top = async () => (await screenText()).split('Topplistan')[1] ?? '';
  // Shared ranks on the projector as in the report: 6 dots first, two with 5 share second, 4 is fourth.
  await expect
    .poll(top, { timeout: 10_000 })
    .toMatch(/^1Stadskärnefinansieringsmodeller.*2Samverkansöverenskommelsefrågor.*2Destinationsbolagssammanslagning.*4Trygghet i centrum/s);
  await settled(screen);
  await screenshot(screen, 'series-next-theme-screen');
  expect(pageErrors).toEqual([]);
});
