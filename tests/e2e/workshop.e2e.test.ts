import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';
import type { AxeViolation } from './browser.ts';
import { laptop, launchBrowser, phone, projector, screenshot, seriousA11yViolations, settled, webDist } from './browser.ts';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const a11y: { page: string; violations: AxeViolation[] }[] = [];
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  server = await startServer(mkdtempSync(join(tmpdir(), 'fokus-e2e-')), { webDist });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

async function open(kind: (b: Browser) => Promise<BrowserContext>, url: string, name: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await kind(browser);
  ctx.setDefaultTimeout(10_000);
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
  // Fonts, QR codes and scripts all come from Fokus itself: nothing may leave for a third party.
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreignRequests.push(r.url());
  });
  await page.goto(`${server.url}${url}`);
  return { ctx, page };
}

/** Screenshot for a person to look at, and axe-core's verdict on the same moment. */
async function look(page: Page, name: string): Promise<void> {
  await settled(page); // arrival animations finish before the picture
  await screenshot(page, `e2e-${name}`);
  a11y.push({ page: name, violations: await seriousA11yViolations(page) });
}

const plus = (page: Page, idea: string) => page.getByRole('button', { name: `Lägg en prick på ${idea}` });
const counter = (page: Page) => page.locator('.vote__counter strong');
const dotsOf = (c: Client) => Object.values(c.me?.me.votes ?? {}).reduce((a, b) => a + b, 0);
const nextStep = (console: Page) => console.locator('.agenda__nav').getByRole('button', { name: /Nästa/ }).click();

it('runs a whole workshop: join, groups, ideas, merge, voting, reveal and focus on three kinds of screen', async () => {
  // The facilitator creates the workshop on the start page and lands in the console.
  const { page: console } = await open(laptop, '/', 'console');
  await look(console, 'start');
  await console.getByLabel('Titel (valfri)').fill('Handlingsplan 2027');
  await console.getByRole('button', { name: 'Skapa workshop' }).click();
  await console.waitForURL(/\/f\/[A-Z2-9]{6}/);
  const code = /\/f\/([A-Z2-9]{6})/.exec(console.url())?.[1] ?? '';
  await console.getByRole('heading', { name: 'Välkommen', level: 2 }).waitFor();
  // The key came in the fragment; once stored, it leaves the address bar (the laptop may be mirrored).
  await expect.poll(() => console.url()).not.toContain('key=');

  // A second pair of eyes on the server's truth, over the public protocol.
  const facKey = await console.evaluate((c) => localStorage.getItem(`fokus:key:${c}`), code);
  const truth = await Client.connect(server.url, { code, role: 'facilitator', key: facKey ?? '' });

  const { page: screen } = await open(projector, `/s/${code}`, 'screen');
  await screen.locator('.lobby__code').waitFor();

  // Phones: one types the code on the start page, two follow the QR link.
  const pia = await open(phone, '/', 'phone-pia');
  await pia.page.getByLabel('Kod').fill(code.toLowerCase());
  await pia.page.getByRole('button', { name: 'Gå med' }).click();
  const joinAs = async (p: Page, name: string) => {
    await p.getByLabel('Ditt namn').fill(name);
    await p.getByRole('button', { name: 'Gå med' }).click();
    await p.locator('.step-bar').waitFor();
  };
  await joinAs(pia.page, 'Pia');
  const david = await open(phone, `/j/${code}`, 'phone-david');
  await look(david.page, 'phone-join');
  await joinAs(david.page, 'David');
  const isabel = await open(phone, `/j/${code}`, 'phone-isabel');
  await joinAs(isabel.page, 'Isabel');
  await screen.getByText('3 har gått med').waitFor();
  await look(screen, 'screen-lobby');
  await look(pia.page, 'phone-lobby');
  await look(console, 'console-lobby');

  // Groups, then the group exercise.
  await console.getByLabel('Antal grupper').fill('2');
  await console.getByRole('button', { name: 'Dela in slumpvis' }).click();
  await truth.until((c) => (c.view?.view.participants ?? []).every((p) => p.groupId !== null) && c.view?.view.groups.length === 2);
  await nextStep(console);
  await pia.page.getByRole('heading', { name: /Gruppövning/ }).waitFor();
  const addIdea = async (p: Page, board: string, text: string) => {
    await p.getByRole('button', { name: board, exact: true }).click();
    await p.getByLabel('Ny idé').fill(text);
    await p.getByRole('button', { name: 'Lägg till' }).click();
    await expect.poll(() => p.getByLabel('Ny idé').inputValue()).toBe('');
  };
  await addIdea(pia.page, 'Omvärldsbevakning', 'Studieresa');
  await addIdea(david.page, 'Omvärldsbevakning', 'Studieresa till Köpenhamn');
  await addIdea(david.page, 'Erfarenhetsutbyte & kompetensutveckling', 'Trygghet');
  await addIdea(isabel.page, 'Gemensamma frågor & projekt', 'Omsättningsstatistik');
  await addIdea(isabel.page, 'Kollegialt stöd', 'Fadderverksamhet');
  await truth.until((c) => c.view?.view.ideas.length === 5);
  await screen.getByText('Fadderverksamhet').waitFor();
  await look(screen, 'screen-brainstorm');
  await look(pia.page, 'phone-brainstorm');
  await look(console, 'console-brainstorm');

  // Presentation: the two Studieresa notes are one theme.
  await nextStep(console);
  await console.getByRole('checkbox', { name: 'Markera Studieresa', exact: true }).check();
  await console.getByRole('checkbox', { name: 'Markera Studieresa till Köpenhamn' }).check();
  await console.getByRole('button', { name: /Slå ihop markerade/ }).click();
  await truth.until((c) => c.view?.view.ideas.length === 4);
  await expect.poll(() => screen.getByText('Studieresa till Köpenhamn').count()).toBe(0);
  await look(screen, 'screen-present');

  // Reflection, then voting.
  await nextStep(console);
  await look(screen, 'screen-reflect');
  await nextStep(console);
  await console.getByRole('button', { name: 'Öppna röstningen' }).first().click();
  for (const p of [pia, david, isabel]) await counter(p.page).getByText('10 av 10 prickar kvar').waitFor();

  // Pia stacks dots, reloads mid-vote and finds them all again.
  for (let i = 0; i < 5; i++) await plus(pia.page, 'Studieresa').click();
  for (let i = 0; i < 3; i++) await plus(pia.page, 'Trygghet').click();
  // Only Pia herself may see her dots (voting is anonymous): a second socket of hers says when all eight are in.
  await console.getByText('Röstningen är anonym', { exact: true }).waitFor();
  await pia.page.getByText(/Röstningen är anonym: ingen ser vad just du röstar på/).waitFor();
  const piaToken = await pia.page.evaluate((c) => localStorage.getItem(`fokus:token:${c}`), code);
  const direct = await Client.connect(server.url, { code, role: 'participant', token: piaToken ?? '' });
  await direct.until((c) => dotsOf(c) === 8);
  await pia.page.reload();
  await counter(pia.page).getByText('2 av 10 prickar kvar').waitFor();
  await look(pia.page, 'phone-vote');
  for (let i = 0; i < 2; i++) await plus(pia.page, 'Omsättningsstatistik').click();
  await counter(pia.page).getByText('0 av 10 prickar kvar').waitFor();

  // The + is disabled at the budget; a forced click and a direct over-budget command are both refused.
  await expect.poll(() => plus(pia.page, 'Fadderverksamhet').isDisabled()).toBe(true);
  // Centred first: a forced click goes to the point, and at the bottom of the screen that point is the docked "Klar".
  await plus(pia.page, 'Fadderverksamhet').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await plus(pia.page, 'Fadderverksamhet').click({ force: true });
  expect(await direct.send({ type: 'vote:add', ideaId: truth.view?.view.ideas.find((i) => i.text === 'Fadderverksamhet')?.id ?? '' })).toMatchObject({
    ok: false,
    error: 'budget_exhausted',
  });
  direct.close();
  await settled(pia.page); // whatever the forced click did is on screen now
  await expect(counter(pia.page).textContent()).resolves.toBe('0 av 10 prickar kvar');

  // David's phone loses the network, he taps anyway; the dot is sent once when it comes back.
  await david.ctx.setOffline(true);
  await david.page.getByText(/Du är offline/).waitFor();
  await plus(david.page, 'Studieresa').click();
  await look(david.page, 'phone-vote-offline');
  await david.ctx.setOffline(false);
  const davidToken = await david.page.evaluate((c) => localStorage.getItem(`fokus:token:${c}`), code);
  const davidOwn = await Client.connect(server.url, { code, role: 'participant', token: davidToken ?? '' });
  await davidOwn.until((c) => dotsOf(c) === 1, 15_000);
  davidOwn.close();
  await plus(david.page, 'Trygghet').click();
  await david.page.getByRole('button', { name: 'Klar', exact: true }).click();

  for (let i = 0; i < 4; i++) await plus(isabel.page, 'Omsättningsstatistik').click();
  await plus(isabel.page, 'Fadderverksamhet').click();
  for (let i = 0; i < 2; i++) await plus(isabel.page, 'Studieresa').click();
  await isabel.page.getByRole('button', { name: 'Klar', exact: true }).click();

  // Two have said "klar" and Pia has not: the figures wait for three (or for Pia to stop a while, or the close).
  // Each phone shows its own "klar" first: a click that did not land fails here, naming the phone.
  for (const p of [david, isabel]) await expect.poll(() => p.page.getByRole('button', { name: /^Klar/ }).getAttribute('aria-pressed')).toBe('true');
  await truth.until((c) => c.tally?.tally.done === 2);
  await screen.getByText('2 av 3 klara').waitFor();
  // Hidden until reveal: the screen shows progress, no counts.
  expect(await screen.locator('.toplist__row').count()).toBe(0);
  await look(screen, 'screen-vote-progress');
  await look(console, 'console-vote');

  // Close and reveal: the screen's ranking is the room's real count.
  await console.getByRole('button', { name: 'Stäng röstningen' }).first().click();
  await console.getByRole('button', { name: 'Visa resultatet' }).first().click();
  await truth.until((c) => c.tally?.tally.dotsUsed === 19);
  await screen.locator('.toplist__row').first().waitFor();
  await settled(screen);
  const ranking = await screen.locator('.toplist__row').evaluateAll((rows) =>
    rows.map(
      // The screen hyphenates Swedish with soft hyphens (U+00AD): the words are the same, and so is what the room reads.
      (r) =>
        `${r.querySelector('.toplist__rank')?.textContent} ${r.querySelector('.toplist__text')?.textContent?.replaceAll('\u00AD', '')} ${r.querySelector('.toplist__dots')?.textContent}`,
    ),
  );
  expect(ranking).toEqual(['1 Studieresa 8', '2 Omsättningsstatistik 6', '3 Trygghet 4', '4 Fadderverksamhet 1']);
  const byText = (t: string) => truth.tally?.tally.tallies?.[truth.view?.view.ideas.find((i) => i.text === t)?.id ?? '']?.dots;
  expect([byText('Studieresa'), byText('Omsättningsstatistik'), byText('Trygghet'), byText('Fadderverksamhet')]).toEqual([8, 6, 4, 1]);
  await look(screen, 'screen-results');
  await look(pia.page, 'phone-results');

  // Focus: five dots or more, plus one theme by hand.
  await nextStep(console);
  await console.getByRole('radio', { name: 'Minst antal prickar' }).check();
  await console.getByRole('spinbutton', { name: 'Minst antal prickar' }).fill('5');
  await console.getByRole('button', { name: 'Föreslå' }).click();
  await expect
    .poll(async () => (await screen.locator('.f-item--in .f-item__text').allTextContents()).map((t) => t.replaceAll('\u00AD', '')), { timeout: 5000 })
    .toEqual(['★ Studieresa', '★ Omsättningsstatistik']);
  await console.getByRole('checkbox', { name: 'Trygghet' }).click(); // server-confirmed: the box follows the answer
  await expect
    .poll(async () => (await screen.locator('.f-item--in .f-item__text').allTextContents()).map((t) => t.replaceAll('\u00AD', '')), { timeout: 5000 })
    .toEqual(['★ Studieresa', '★ Trygghet · tillagd för hand', '★ Omsättningsstatistik']);
  await look(screen, 'screen-focus');
  await look(console, 'console-focus');

  const download = console.waitForEvent('download');
  await console.getByRole('button', { name: /Markdown/ }).click();
  const md = readFileSync((await (await download).path()) ?? '', 'utf8');
  expect(md).toContain('# Handlingsplan 2027');
  expect(md).toContain('- **Studieresa 8**');
  expect(md).toContain('- **Omsättningsstatistik 6**');
  expect(md).toContain('- **Trygghet 4**');
  expect(md).not.toContain('- **Fadderverksamhet');
  truth.close();

  expect(pageErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(a11y.filter((r) => r.violations.length > 0)).toEqual([]);
}, 180_000);
