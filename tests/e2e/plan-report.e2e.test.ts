import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import type { PlanRow } from '@fokus/core';
import type { Documentation } from '@fokus/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedWorkshop } from '../support/seed-workshop.ts';
import { Client, createWorkshop } from '../support/fokus-client.ts';
import { buildSeedWorkshop } from '../support/seed-workshop.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';
import { launchBrowser, screenshot, settled, shotsDir, webDist } from './browser.ts';

/**
 * The year plan and the documentation in the browser, at seed size (15 people, 64 ideas, the seed's dots): a
 * meeting planned in the console's plan step (month, day, times, kind, a focus theme, a host from the
 * participants), shown in the calendar, the table and on the projector; its calendar file; the Word file from the
 * export menu; and the printable documentation page with every focus theme and the thirteen-month calendar.
 */

let server: RunningServer;
let browser: Browser;
let seed: SeedWorkshop;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startServer(mkdtempSync(join(tmpdir(), 'fokus-plan-report-')), { webDist });
  seed = await buildSeedWorkshop(server.url);
  await seed.split();
  await seed.voteAndReveal();
  await seed.goto('handlingsplan');
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  seed?.close();
  await browser?.close();
  await server?.stop();
});

const plan = (): PlanRow[] => seed.facilitator.view?.view.plan ?? [];
const rowOf = (id: string): PlanRow | undefined => plan().find((r) => r.id === id);
const code = () => seed.created.code;

async function openPage(width: number, height: number, path: string, ready: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, locale: 'sv-SE', acceptDownloads: true });
  ctx.setDefaultTimeout(10_000);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.goto(`${server.url}${path}`);
  await page.locator(ready).first().waitFor();
  return page;
}

const openConsole = (width: number, height: number) => openPage(width, height, `/f/${code()}#key=${seed.created.facilitatorKey}`, '.plan-panel');

async function exportJson(): Promise<Documentation> {
  const res = await fetch(`${server.url}/api/workshops/${code()}/export.json`, { headers: { authorization: `Bearer ${seed.created.facilitatorKey}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Documentation;
}

/** Fields (within `selector`) whose text is wider or taller than their box: cut text. */
const clipped = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((els) =>
      els
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        .map((el) => `${el.id}: ${(el as HTMLInputElement).value}`),
    );

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

describe('the year plan in the console', () => {
  let page: Page;
  let rowId = '';
  let focusIdea = { id: '', seq: 0, text: '' };

  it('adds a meeting and edits it: month, day, times, kind, a focus theme, host and backup from the participants', async () => {
    page = await openConsole(1280, 720);
    // Thirteen months, January to the next January, before anything is planned.
    await expect.poll(() => page.locator('.plan-cal__month').count()).toBe(13);
    expect(await page.locator('.plan-cal__name').first().textContent()).toBe('januari');
    expect(await page.locator('.plan-cal__name').last().textContent()).toBe('januari 2028');

    await page.getByRole('button', { name: '+ Lägg till rad' }).click();
    await seed.facilitator.until(() => plan().length === 1);
    rowId = (plan()[0] as PlanRow).id;
    const field = (name: string) => page.locator(`#plan-${rowId}-${name}`);
    await field('month').waitFor();

    // The month is a choice of the thirteen, named; the day follows the month (March has 31).
    expect(await field('month').locator('option').allTextContents()).toEqual([
      'januari',
      'februari',
      'mars',
      'april',
      'maj',
      'juni',
      'juli',
      'augusti',
      'september',
      'oktober',
      'november',
      'december',
      'januari 2028',
    ]);
    await field('month').selectOption('2027-03');
    await seed.facilitator.until(() => rowOf(rowId)?.month === '2027-03');
    expect(await field('day').locator('option').count()).toBe(32);
    await field('day').selectOption('12');
    await seed.facilitator.until(() => rowOf(rowId)?.day === 12);
    // Tab moves between a time field's hours and minutes; Enter saves it, like every plan field.
    await field('start').fill('09:30');
    await field('start').press('Enter');
    await seed.facilitator.until(() => rowOf(rowId)?.start === '09:30');
    await field('end').fill('11:00');
    await field('end').press('Enter');
    await seed.facilitator.until(() => rowOf(rowId)?.end === '11:00');
    await field('kind').selectOption({ label: 'Fysiskt möte' });
    await seed.facilitator.until(() => rowOf(rowId)?.kind === 'physical');

    // A theme from the focus list brings its fixed number.
    const options = await field('idea')
      .locator('option')
      .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
    const first = options.find((o) => o.value !== '');
    expect(first, 'the focus list offers its themes').toBeDefined();
    const idea = seed.facilitator.view?.view.ideas.find((i) => i.id === first?.value);
    if (!idea) throw new Error('the picked theme is not an idea');
    focusIdea = { id: idea.id, seq: idea.seq, text: idea.text };
    expect(first?.label).toBe(`#${idea.seq} ${idea.text}`);
    await field('idea').selectOption(idea.id);
    await seed.facilitator.until(() => rowOf(rowId)?.ideaId === idea.id);
    expect(rowOf(rowId)).toMatchObject({ themeNo: idea.seq, theme: idea.text });
    expect(await field('no').textContent()).toBe(`#${idea.seq}`);

    // Host and backup: the participants are offered, free text is allowed.
    const people = await page.locator('#plan-people option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(people).toContain('Karin Andersson-Lindqvist');
    expect(people).toHaveLength(15);
    await field('host').fill('Karin Andersson-Lindqvist');
    await field('host').press('Enter');
    await field('backup').fill('Pia');
    await field('backup').press('Enter');
    await field('comment').fill('Bjud in alla och SHs innovationschef');
    await field('comment').press('Enter');
    await seed.facilitator.until(() => rowOf(rowId)?.comment === 'Bjud in alla och SHs innovationschef');
    expect(rowOf(rowId)).toMatchObject({ host: 'Karin Andersson-Lindqvist', backup: 'Pia', month: '2027-03', day: 12, start: '09:30', end: '11:00' });

    // An end before the start is said here and not sent.
    await field('end').fill('08:00');
    await field('end').press('Enter');
    await expect.poll(() => page.locator(`#plan-row-${rowId} .plan-row__problem`).textContent()).toBe('Inte sparat: sluttiden ska vara efter starttiden.');
    expect((await seed.facilitator.sync()).view.view.plan.find((r) => r.id === rowId)?.end).toBe('11:00');
    await field('end').fill('11:00');
    await field('end').press('Enter');
    await expect.poll(() => page.locator(`#plan-row-${rowId} .plan-row__problem`).count()).toBe(0);

    // A second meeting from the calendar's own + in January 2028, without a day.
    await page.getByRole('button', { name: 'Lägg till möte i januari 2028' }).click();
    await seed.facilitator.until(() => plan().length === 2);
    expect(plan()[1]).toMatchObject({ month: '2028-01', day: null });

    // Removing a meeting asks once.
    await page.getByRole('button', { name: '+ Lägg till rad' }).click();
    await seed.facilitator.until(() => plan().length === 3);
    const extra = (plan()[2] as PlanRow).id;
    await page.locator(`#plan-row-${extra}`).getByRole('button', { name: 'Ta bort raden' }).click();
    const ask = page.locator(`#plan-row-${extra}`).getByRole('group', { name: 'Ta bort mötet ur planen?' });
    await ask.getByRole('button', { name: 'Ja, gör det' }).click();
    await seed.facilitator.until(() => plan().length === 2 && rowOf(extra) === undefined);
  }, 60_000);

  it('shows the meeting in the calendar and in the table "Årets teman & träffar"', async () => {
    const march = page.locator('.plan-cal__month[data-month="2027-03"]');
    await expect.poll(() => march.locator('.plan-cal__meeting').count()).toBe(1);
    const text = await march.textContent();
    expect(text).toContain('12 · Fysiskt möte');
    expect(text).toContain(`#${focusIdea.seq}`);
    expect(text).toContain('Karin Andersson-Lindqvist (Pia)');
    expect(await page.locator('.plan-cal__month[data-month="2028-01"] .plan-cal__meeting').count()).toBe(1);
    // Every other month is empty.
    expect(await page.locator('.plan-cal__meeting').count()).toBe(2);

    const heads = await page.locator('.plan-sum__table th').allTextContents();
    expect(heads.slice(0, 5)).toEqual(['Tema #', 'Tema', 'Värd', 'Månad', 'Kommentar']);
    const first = page.locator('.plan-sum__table tbody tr').first();
    const cells = await first.locator('td').allTextContents();
    expect(cells[0]).toBe(`#${focusIdea.seq}`);
    expect(cells[1]).toBe(`${focusIdea.text}Fysiskt möte`);
    expect(cells[2]).toBe('Karin Andersson-Lindqvist (Pia)');
    expect(cells[3]).toBe('12 mars 09:30–11:00');
    expect(cells[4]).toBe('Bjud in alla och SHs innovationschef');
    const second = page.locator('.plan-sum__table tbody tr').nth(1);
    expect(await second.locator('td').nth(3).textContent()).toBe('jan 2028');
    // A calendar needs a date: the row without a day cannot go to one yet.
    expect(await second.getByRole('button', { name: 'Lägg till i kalender' }).isDisabled()).toBe(true);

    // Every field shows all of its text (a long name in the host field, the times), and no card is wider than its place.
    expect(await clipped(page, '.plan-edit input, .plan-edit select, .plan-edit textarea')).toEqual([]);
    expect(await page.locator('.plan-edit').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await settled(page);
    await screenshot(page, 'plan-report-console-1280');
    await page.locator('.plan-edit').scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-report-console-1280-cards');
    await page.locator('.plan-sum').scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-report-console-1280-table');
  }, 30_000);

  it('downloads one meeting as a calendar file ("Lägg till i kalender")', async () => {
    const row = page.locator(`.plan-sum__table tr[data-row="${rowId}"]`);
    const { download, bytes } = await downloaded(page, () => row.getByRole('button', { name: 'Lägg till i kalender' }).click());
    expect(download.suggestedFilename()).toMatch(/2027-03-12\.ics$/);
    const ics = bytes.toString('utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toMatch(/DTSTART[^:\r\n]*:20270312T0930/);
  }, 30_000);

  it("downloads the Word file from the export menu under the server's name", async () => {
    const res = await fetch(`${server.url}/api/workshops/${code()}/export.docx`, { headers: { authorization: `Bearer ${seed.created.facilitatorKey}` } });
    const disposition = res.headers.get('content-disposition') ?? '';
    const star = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    expect(star, disposition).toBeDefined();
    const { download, bytes } = await downloaded(page, () => page.getByRole('button', { name: /Word \(\.docx\)/ }).click());
    expect(download.suggestedFilename()).toBe(decodeURIComponent(star ?? ''));
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    // A DOCX is a zip: "PK".
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // Every format is offered, and the printable page is one link away.
    expect(await page.locator('.export__formats button').allTextContents()).toEqual(
      ['Word (.docx)', 'PDF', 'Excel (.xlsx)', 'Kalender (.ics)', 'CSV (Excel)', 'Planens CSV', 'Markdown', 'JSON'].map((l) => `⤓ ${l}`),
    );
    expect(await page.getByRole('link', { name: 'Dokumentation för utskrift' }).getAttribute('href')).toBe(`/f/${code()}/rapport`);
    await page.context().close();
  }, 30_000);

  it('fits the plan panel at 1920×1080', async () => {
    const wide = await openConsole(1920, 1080);
    await expect.poll(() => wide.locator('.plan-cal__meeting').count()).toBe(2);
    expect(await wide.locator('.plan-edit').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await clipped(wide, '.plan-edit input, .plan-edit select, .plan-edit textarea')).toEqual([]);
    await settled(wide);
    await screenshot(wide, 'plan-report-console-1920');
    await wide.context().close();
  }, 30_000);
});

it('shows month names on the projector', async () => {
  const page = await openPage(1920, 1080, `/s/${code()}`, '.plan__rows tr');
  await expect.poll(() => page.locator('.plan__rows tr').count()).toBe(2);
  expect(await page.locator('.plan__when').allTextContents()).toEqual(['12 mars', 'jan 2028']);
  await settled(page);
  await screenshot(page, 'plan-report-screen-1920');
  await page.context().close();
}, 30_000);

it('prints the documentation: every focus theme, the plan and the thirteen-month calendar', async () => {
  const doc = await exportJson();
  const focus = doc.boards.flatMap((b) => b.focus.map((i) => i.text));
  expect(focus.length).toBeGreaterThan(5);
  // The key arrives as the console's link gives it, and leaves the address bar.
  const page = await openPage(1240, 1000, `/f/${code()}/rapport#key=${seed.created.facilitatorKey}`, '.report');
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.locator('.report h1').textContent()).toBe(doc.title);
  expect(await page.locator('.report').textContent()).toContain('Fokus år 2027');

  // Each focus theme is printed in bold, in the focus list ("Fokus år 2027") as in the dimension's ranking.
  const bold = await page.locator('.report strong').allTextContents();
  for (const text of focus) expect(bold.filter((b) => b.startsWith(`${text} `)).length, text).toBeGreaterThanOrEqual(2);

  const months = page.locator('.report-calendar__month');
  expect(await months.count()).toBe(13);
  expect(await months.first().locator('h4').textContent()).toBe('Januari');
  expect(await months.last().locator('h4').textContent()).toBe('Januari 2028');
  const march = await page.locator('.report-calendar__month[data-month="2027-03"]').textContent();
  expect(march).toContain('FYSISKT MÖTE');
  expect(march).toContain('Karin Andersson-Lindqvist (Pia)');
  expect(await page.locator('.report').textContent()).toContain('12 mars 09:30–11:00');

  await settled(page);
  await screenshot(page, 'plan-report-rapport-top');
  await page.locator('.report-calendar').scrollIntoViewIfNeeded();
  await screenshot(page, 'plan-report-rapport-plan');
  // On paper: no buttons, the plan on a page of its own.
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.report-tools').isVisible()).toBe(false);
  await page.pdf({ path: resolve(shotsDir, 'plan-report-rapport.pdf'), format: 'A4', printBackground: true });
  await page.context().close();
}, 30_000);

it('prints an English workshop in English, buttons included', async () => {
  const created = await createWorkshop(server.url, { template: 'handlingsplan', lang: 'en', title: 'Network plan' });
  const facilitator = await Client.connect(server.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  try {
    const planYear = facilitator.view?.view.planYear ?? 0;
    await facilitator.must({
      type: 'plan:set',
      row: {
        id: 'r1',
        month: `${planYear}-05`,
        day: 4,
        start: null,
        end: null,
        kind: 'study',
        themeNo: null,
        theme: 'Malmö',
        ideaId: null,
        host: 'Pia',
        backup: '',
        comment: '',
      },
    });
    const page = await openPage(1240, 1000, `/f/${created.code}/rapport#key=${created.facilitatorKey}`, '.report');
    expect(await page.locator('.report').getAttribute('lang')).toBe('en');
    expect(await page.locator('.report').textContent()).toContain(`Focus ${planYear}`);
    expect(await page.locator(`.report-calendar__month[data-month="${planYear}-05"]`).textContent()).toContain('STUDY TRIP');
    expect(await page.locator('.report-calendar__month').last().locator('h4').textContent()).toBe(`January ${planYear + 1}`);
    await expect.poll(() => page.locator('.report-tools button').textContent()).toBe('Print');
    await page.context().close();
  } finally {
    facilitator.close();
  }
}, 30_000);

it('threw nothing in any page', () => {
  expect(pageErrors).toEqual([]);
});
