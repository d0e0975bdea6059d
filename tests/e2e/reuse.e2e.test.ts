import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesignFile } from '@fokus/protocol';
import { SqliteStore } from '../../apps/server/src/store/sqlite-store.ts';
import type { Client } from '../support/fokus-client.ts';
import { createWorkshop } from '../support/fokus-client.ts';
import type { SeedWorkshop } from '../support/seed-workshop.ts';
import { buildSeedWorkshop } from '../support/seed-workshop.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';
import type { AxeViolation } from './browser.ts';
import { launchBrowser, screenshot, seriousA11yViolations, settled, webDist } from './browser.ts';

/**
 * Reuse and paper ballots in the browser (issue 10, items 5 and 7): the start page lists the workshops this
 * browser created or opened as facilitator; "Kopiera" makes a new one with the same design; a broken design file
 * is named by its first wrong field and creates nothing; someone without a phone is added in the console and the
 * dots of their paper ballot reach the room's figures, within the budget.
 */

let server: RunningServer;
let store: SqliteStore;
let browser: Browser;
let seed: SeedWorkshop;
let ctx: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const a11y: { page: string; violations: AxeViolation[] }[] = [];
/** The workshop made on the start page in the first test, and its copy. */
let made: { code: string; key: string } | null = null;

const workshopCount = async () => (await store.listIdle(Number.MAX_SAFE_INTEGER)).length;
const designOf = async (code: string, key: string): Promise<DesignFile> => {
  const res = await fetch(`${server.url}/api/workshops/${code}/design.json`, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) throw new Error(`design.json ${res.status}`);
  return (await res.json()) as DesignFile;
};
const storedKey = (code: string) => page.evaluate((c) => localStorage.getItem(`fokus:key:${c}`), code);
const codeInUrl = () => /\/f\/([A-Z0-9]{6})/.exec(page.url())?.[1] ?? '';

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fokus-reuse-'));
  store = new SqliteStore(join(dataDir, 'fokus.db'));
  server = await startServer(dataDir, { webDist, store });
  seed = await buildSeedWorkshop(server.url);
  browser = await launchBrowser();
  ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, locale: 'sv-SE' });
  ctx.setDefaultTimeout(10_000);
  page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 90_000);
afterAll(async () => {
  seed?.close();
  await browser?.close();
  await server?.stop();
});

describe('the start page', () => {
  it('lists the workshops this browser created or opened as facilitator, on a laptop and a phone', async () => {
    // One made here from a template…
    await page.goto(server.url);
    await page.getByLabel('Titel (valfri)').fill('Handlingsplan 2027 – Stadskärnefinansieringsmodeller');
    await page.getByRole('button', { name: 'Skapa workshop' }).click();
    await page.waitForURL(/\/f\/[A-Z0-9]{6}$/);
    await page.locator('.console').waitFor();
    made = { code: codeInUrl(), key: (await storedKey(codeInUrl())) ?? '' };
    expect(made.key).not.toBe('');
    // …one opened from its facilitator link (the seed's, 15 people)…
    await page.goto(`${server.url}/f/${seed.created.code}#key=${seed.created.facilitatorKey}`);
    await page.locator('.console').waitFor();
    // …and one opened, then deleted elsewhere (an open console would be told, and forget it at once).
    const gone = await createWorkshop(server.url, { template: 'blank', lang: 'sv', title: 'Omvärldsbevakningsrapporter' });
    await page.goto(`${server.url}/f/${gone.code}#key=${gone.facilitatorKey}`);
    await page.locator('.console').waitFor();
    await page.goto('about:blank');
    expect(
      (await fetch(`${server.url}/api/workshops/${gone.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${gone.facilitatorKey}` } })).status,
    ).toBe(204);

    await page.goto(server.url);
    const rows = page.locator('.recent__item');
    await expect.poll(() => rows.count()).toBe(3);
    const row = (code: string) => rows.filter({ hasText: code });
    await expect.poll(() => row(seed.created.code).textContent()).toContain('15 deltagare');
    // Titles as the server has them (soft hyphens aside, which only say where a long word may break).
    const titleOf = async (code: string) => (await row(code).locator('.recent__title').textContent())?.replaceAll('\u00AD', '');
    expect(await titleOf(seed.created.code)).toBe('Key Cities Group – Handlingsplan 2027');
    expect(await titleOf(made.code)).toBe('Handlingsplan 2027 – Stadskärnefinansieringsmodeller');
    await expect.poll(() => row(made?.code ?? '').textContent()).toContain('0 deltagare');
    await expect.poll(() => row(gone.code).textContent()).toContain('Finns inte längre');
    expect(await row(gone.code).getByRole('button', { name: 'Kopiera' }).count()).toBe(0);
    // No key in any address on the page.
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => h.includes(made?.key ?? '?') || h.includes(seed.created.facilitatorKey))).toEqual([]);

    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await screenshot(page, 'reuse-start-1280');
    a11y.push({ page: 'start 1280', violations: await seriousA11yViolations(page) });
    await page.setViewportSize({ width: 360, height: 740 });
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator('.recent').scrollIntoViewIfNeeded();
    await screenshot(page, 'reuse-start-360');
    a11y.push({ page: 'start 360', violations: await seriousA11yViolations(page) });
    await page.setViewportSize({ width: 1280, height: 720 });

    // The gone one leaves the list (and its key this browser) when asked.
    await row(gone.code).getByRole('button', { name: 'Ta bort ur listan' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await storedKey(gone.code)).toBeNull();
  }, 60_000);

  it('"Kopiera" makes a new workshop with the same design, titled as a copy', async () => {
    if (!made) throw new Error('the first test made no workshop');
    const original = made;
    await page.goto(server.url);
    const before = await workshopCount();
    await page.locator('.recent__item').filter({ hasText: original.code }).getByRole('button', { name: 'Kopiera' }).click();
    await page.waitForURL((u) => /\/f\/[A-Z0-9]{6}$/.test(u.pathname) && !u.pathname.endsWith(original.code));
    await page.locator('.console').waitFor();
    const copyCode = codeInUrl();
    const copyKey = await storedKey(copyCode);
    expect(copyKey).toBeTruthy();
    expect(await workshopCount()).toBe(before + 1);
    const [a, b] = await Promise.all([designOf(original.code, original.key), designOf(copyCode, copyKey ?? '')]);
    expect(b.design.boards).toEqual(a.design.boards);
    expect(b.design.boards.map((x) => x.id)).toEqual(['omvarld', 'erfarenhet', 'gemensamt', 'kollegialt']);
    expect(b.design.agenda).toEqual(a.design.agenda);
    expect(b.design.title).toBe(`${a.design.title} (kopia)`);
    expect(await page.locator('.console__title h1').textContent()).toBe(`${a.design.title} (kopia)`);
    // The copy is in the list too.
    await page.goto(server.url);
    await expect.poll(() => page.locator('.recent__item').filter({ hasText: copyCode }).count()).toBe(1);
  }, 60_000);

  it('a broken design file is named by its first wrong field, and nothing is created', async () => {
    if (!made) throw new Error('the first test made no workshop');
    const file = await designOf(made.code, made.key);
    const broken = structuredClone(file);
    const board = broken.design.boards[1];
    if (!board) throw new Error('no second board');
    board.title = '';
    await page.goto(server.url);
    const before = await workshopCount();
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: 'trasig-mall.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const alert = page.locator('.from-file [role=alert]');
    await expect.poll(() => alert.textContent()).toContain('design.design.boards.1.title');
    expect(await alert.textContent()).toContain('inget skapades');
    expect(await workshopCount()).toBe(before);
    expect(new URL(page.url()).pathname).toBe('/');
    await screenshot(page, 'reuse-start-bad-file');

    await input.setInputFiles({ name: 'anteckningar.txt', mimeType: 'text/plain', buffer: Buffer.from('Samverkansöverenskommelsefrågor') });
    await expect.poll(() => alert.textContent()).toContain('ingen JSON');
    expect(await workshopCount()).toBe(before);

    // The sound file makes its workshop, and the console opens on it.
    await input.setInputFiles({ name: 'mall.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForURL(/\/f\/[A-Z0-9]{6}$/);
    await page.locator('.console').waitFor();
    expect(await workshopCount()).toBe(before + 1);
    expect((await designOf(codeInUrl(), (await storedKey(codeInUrl())) ?? '')).design).toEqual(file.design);
  }, 60_000);
});

describe('someone without a phone', () => {
  it('is added in the console, and the dots of their paper ballot reach the room’s figures within the budget', async () => {
    await seed.goto('rostning');
    await seed.facilitator.must({ type: 'voting:open' });
    await page.goto(`${server.url}/f/${seed.created.code}`);
    await page.locator('.console').waitFor();

    const name = 'Karl-Johan Östergötlandsson';
    await page.getByText('Lägg till utan telefon').click();
    await page.getByLabel('Namn', { exact: true }).fill(name);
    await page.getByLabel('Organisation (valfri)').fill('Norrköpings Citysamverkansförening');
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    const person = page.locator('.person').filter({ hasText: name });
    await person.waitFor();
    expect(await person.textContent()).toContain('papper');
    await seed.facilitator.until((c) => !!c.view?.view.participants?.some((p) => p.name === name && p.paper));
    const paperId = seed.facilitator.view?.view.participants?.find((p) => p.name === name)?.id ?? '';

    await person.getByRole('button', { name: 'Röstsedel' }).click();
    const ballot = page.locator('dialog.ballot');
    await ballot.waitFor();
    const boards = ballot.locator('.ballot__board');
    expect(await boards.count()).toBe(4);
    for (let b = 0; b < 4; b++) expect(await boards.nth(b).locator('.ballot__idea').count()).toBe(16);

    // The ballot as read out: 3 on the first idea, 2 on the 13th of the second dimension, 1 on five others.
    const plus = (b: number, i: number) => boards.nth(b).locator('.ballot__idea').nth(i).locator('.ballot__btn--add');
    const plan: [number, number][] = [
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 12],
      [1, 12],
      [2, 3],
      [2, 15],
      [3, 0],
      [3, 10],
      [0, 14],
    ];
    for (const [b, i] of plan) await plus(b, i).click();
    const left = ballot.locator('.ballot__left');
    // Clicked as fast as the browser takes them: each dot counts once however its ack and view interleave.
    await expect.poll(() => left.locator('strong').textContent()).toBe('0 av 10 prickar kvar');
    // The budget: every + is shut, on every idea.
    expect(await ballot.locator('.ballot__btn--add:not([disabled])').count()).toBe(0);
    const seqOf = (b: number, i: number) => seed.ideas.filter((x) => x.boardId === seed.ideas[b * 16]?.boardId)[i]?.id ?? '';
    await seed.facilitator.until((c) => {
      const mine = c.view?.view.participants?.find((p) => p.id === paperId)?.paperBallot ?? {};
      return Object.values(mine).reduce((n, d) => n + d, 0) === 10;
    });
    expect(seed.facilitator.view?.view.participants?.find((p) => p.id === paperId)?.paperBallot).toEqual({
      [seqOf(0, 0)]: 3,
      [seqOf(1, 12)]: 2,
      [seqOf(2, 3)]: 1,
      [seqOf(2, 15)]: 1,
      [seqOf(3, 0)]: 1,
      [seqOf(3, 10)]: 1,
      [seqOf(0, 14)]: 1,
    });
    // The dialog shows what the server has, dot for dot.
    const counts = Array.from({ length: 64 }, (_, k) => String(plan.filter(([b, i]) => b * 16 + i === k).length));
    await expect.poll(() => ballot.locator('.ballot__n').allTextContents()).toEqual(counts);
    // …and the server refuses an 11th dot for them, whoever sends it.
    const eleventh = await seed.facilitator.send({ type: 'vote:add', ideaId: seqOf(0, 5), participantId: paperId });
    expect(eleventh).toMatchObject({ ok: false, error: 'budget_exhausted' });

    await settled(page);
    const box = await ballot.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 720 && box.x >= 0 && box.x + box.width <= 1280).toBe(true);
    // Four dimensions of sixteen ideas fit the dialog at 1280×720 without scrolling.
    const fit = await ballot
      .locator('.ballot__boards')
      .evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, wide: el.scrollWidth - el.clientWidth }));
    expect(fit.scroll, 'ballot height').toBeLessThanOrEqual(fit.client + 1);
    expect(fit.wide).toBeLessThanOrEqual(1);
    // No idea's text is cut.
    const cut = await ballot
      .locator('.ballot__text')
      .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? ''));
    expect(cut).toEqual([]);
    await screenshot(page, 'reuse-paper-ballot-1280');
    a11y.push({ page: 'paper ballot 1280', violations: await seriousA11yViolations(page) });

    // "Klar" for them, and two phones done too: anonymous figures move in steps of three people.
    // Checked once the server has it (the box shows the server's "klar", not a guess).
    await ballot.getByRole('checkbox', { name: 'Klar' }).click();
    await expect.poll(() => ballot.getByRole('checkbox', { name: 'Klar' }).isChecked()).toBe(true);
    for (const { client } of seed.phones.slice(0, 2) as { client: Client }[]) {
      await client.must({ type: 'vote:add', ideaId: seqOf(3, 4) });
      await client.must({ type: 'participant:done', done: true });
    }
    await seed.facilitator.until((c) => c.tally?.tally.dotsUsed === 12 && c.tally.tally.done === 3);
    const tallies = seed.facilitator.tally?.tally.tallies ?? {};
    expect(tallies[seqOf(0, 0)]).toEqual({ dots: 3, voters: 1 });
    expect(tallies[seqOf(1, 12)]).toEqual({ dots: 2, voters: 1 });
    expect(tallies[seqOf(3, 4)]).toEqual({ dots: 2, voters: 2 });
    await ballot.getByRole('button', { name: 'Stäng' }).click();
    await expect.poll(() => ballot.count()).toBe(0);
    expect(await person.locator('.tag--ok').textContent()).toBe('klar');
    // Their line in the people column keeps within the column: name, tag and ballot wrap instead of running out.
    await person.scrollIntoViewIfNeeded();
    const column = await page.locator('.console__people').boundingBox();
    const pieces = await person.locator('.person__name, .tag, .person__meta').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
    expect(column && pieces.every((right) => right <= column.x + column.width + 0.5), `${pieces} within ${column?.x}+${column?.width}`).toBe(true);
    await screenshot(page, 'reuse-paper-person-1280');
  }, 60_000);

  it('the pages raised no errors and axe found nothing serious', () => {
    expect(pageErrors).toEqual([]);
    expect(a11y.filter((a) => a.violations.length > 0)).toEqual([]);
  });
});
