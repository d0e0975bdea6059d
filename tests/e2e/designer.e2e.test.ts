import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createWorkshop } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';
import type { AxeViolation } from './browser.ts';
import { laptop, launchBrowser, phone, projector, screenshot, seriousA11yViolations, settled, webDist } from './browser.ts';

/**
 * Issue 10's browser test: a facilitator designs a three-dimension workshop from blank in "Förbered"
 * (custom boards and guiding questions, a 25-minute group exercise in two timed parts, a budget of 5),
 * reorders a board by keyboard, takes one edit back, previews a step without moving the room, and then
 * runs it with three phones to a focus list; every screen shows the custom texts and timings.
 */

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const a11y: { page: string; violations: AxeViolation[] }[] = [];

beforeAll(async () => {
  server = await startServer(mkdtempSync(join(tmpdir(), 'fokus-designer-')), { webDist });
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
  await page.goto(`${server.url}${url}`);
  return { ctx, page };
}

async function look(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, `designer-${name}`);
  a11y.push({ page: name, violations: await seriousA11yViolations(page) });
}

/** What a person reads: the screen hyphenates Swedish with soft hyphens (U+00AD), which are not letters. */
const read = async (l: Locator): Promise<string> => ((await l.textContent()) ?? '').replaceAll('\u00AD', '').replace(/\s+/g, ' ');

const BOARDS = [
  {
    title: 'Omvärld och trender',
    purpose: 'Det som händer runt oss.',
    questions: ['Vad händer i omvärlden som påverkar oss 2027?', 'Vilka trender ska vi bevaka?'],
  },
  { title: 'Kompetens och lärande', purpose: '', questions: ['Vad behöver vi lära oss?'] },
  { title: 'Samverkansöverenskommelsefrågor', purpose: '', questions: ['Vilka samverkansöverenskommelsefrågor är viktigast?', 'Hur följer vi upp dem?'] },
];

it('designs a three-dimension workshop from blank, previews it, and runs it with three phones', async () => {
  const created = await createWorkshop(server.url, { template: 'blank', lang: 'sv' });
  const { code, facilitatorKey } = created;
  const truth = await Client.connect(server.url, { code, role: 'facilitator', key: facilitatorKey });
  const v = () => {
    const view = truth.view?.view;
    if (!view) throw new Error('no view yet');
    return view;
  };

  const { page: console } = await open(laptop, `/f/${code}#key=${facilitatorKey}`, 'console');
  await console.getByRole('heading', { name: 'Välkommen', level: 2 }).waitFor();
  await console.setViewportSize({ width: 1280, height: 720 });
  await console.getByRole('button', { name: 'Förbered', exact: true }).click();
  await console.getByRole('heading', { name: 'Förbered workshopen' }).waitFor();
  const tab = (name: string) => console.getByRole('tab', { name, exact: true }).click();
  const commit = async (field: Locator, value: string) => {
    await field.fill(value);
    await field.press((await field.evaluate((el) => el.tagName)) === 'TEXTAREA' ? 'Tab' : 'Enter');
  };

  // The workshop itself.
  await commit(console.getByLabel('Titel', { exact: true }), 'Fokus 2027 – tre dimensioner');
  await commit(console.getByLabel('Planår'), '2027');
  await commit(console.getByLabel('Plats'), 'Lund');
  await truth.until(() => v().title === 'Fokus 2027 – tre dimensioner' && v().place === 'Lund' && v().planYear === 2027);
  await console.getByText('Fokus år 2027').waitFor();
  await look(console, 'workshop-1280');

  // Three boards with their own titles, purposes and guiding questions.
  await tab('Dimensioner');
  const card = (i: number) => console.locator('.d-sortable__row').nth(i);
  for (let i = 1; i < BOARDS.length; i++) {
    await console.getByRole('button', { name: 'Lägg till dimension' }).click();
    await truth.until(() => v().boards.length === i + 1);
  }
  // Inline validation: an empty title is named at the field and never sent.
  const firstTitle = card(0).getByLabel('Rubrik');
  await commit(firstTitle, '   ');
  await card(0).getByText('Får inte vara tomt.').waitFor();
  expect(await firstTitle.getAttribute('aria-invalid')).toBe('true');
  for (const [i, b] of BOARDS.entries()) {
    await commit(card(i).getByLabel('Rubrik'), b.title);
    if (b.purpose) await commit(card(i).getByLabel('Syfte'), b.purpose);
    for (const [n, q] of b.questions.entries()) {
      await card(i).getByRole('button', { name: 'Lägg till fråga' }).click();
      await commit(card(i).getByLabel(`Fråga ${n + 1}`, { exact: true }), q);
      await truth.until(() => v().boards[i]?.questions.length === n + 1);
    }
  }
  await truth.until(
    () =>
      v()
        .boards.map((b) => b.title)
        .join('|') === BOARDS.map((b) => b.title).join('|'),
  );
  expect(v().boards.map((b) => b.questions)).toEqual(BOARDS.map((b) => b.questions));
  expect(v().boards[0]?.purpose).toBe(BOARDS[0]?.purpose);
  expect(new Set(v().boards.map((b) => b.id)).size).toBe(3);

  // By keyboard: the third board's handle lifts with Space, moves up with the arrow, drops with Space.
  const handle = card(2).getByRole('button', { name: `Flytta ${BOARDS[2]?.title}`, exact: true });
  await handle.focus();
  await console.keyboard.press('Space');
  await console.waitForTimeout(150);
  await console.keyboard.press('ArrowUp');
  await console.waitForTimeout(300);
  await console.keyboard.press('Space');
  await truth.until(
    () =>
      v()
        .boards.map((b) => b.title)
        .join('|') === [BOARDS[0], BOARDS[2], BOARDS[1]].map((b) => b?.title).join('|'),
  );
  // And back down with the explicit button, pressed from the keyboard too.
  await card(1)
    .getByRole('button', { name: `Flytta ned ${BOARDS[2]?.title}` })
    .focus();
  await console.keyboard.press('Enter');
  await truth.until(
    () =>
      v()
        .boards.map((b) => b.title)
        .join('|') === BOARDS.map((b) => b.title).join('|'),
  );
  // The order the room will see: the long word moves first by keyboard and stays first.
  await card(2)
    .getByRole('button', { name: `Flytta upp ${BOARDS[2]?.title}` })
    .click();
  await truth.until(() => v().boards[1]?.title === BOARDS[2]?.title);
  await card(1)
    .getByRole('button', { name: `Flytta upp ${BOARDS[2]?.title}` })
    .click();
  await truth.until(() => v().boards[0]?.title === BOARDS[2]?.title);
  const order = v().boards.map((b) => b.title);
  expect(order).toEqual([BOARDS[2]?.title, BOARDS[0]?.title, BOARDS[1]?.title]);
  await look(console, 'boards-1280');
  await console.setViewportSize({ width: 1920, height: 1080 });
  await look(console, 'boards-1920');
  await console.setViewportSize({ width: 1280, height: 720 });

  // The agenda: the blank workshop's "Idéer" becomes a 25-minute group exercise in two timed parts.
  await tab('Agenda');
  await card(1).locator('.d-card__toggle').click();
  await commit(card(1).getByLabel('Rubrik'), 'Gruppövning');
  await commit(card(1).getByLabel('Instruktion på skärmen och i telefonen'), 'Först var för sig, sedan tillsammans i gruppen.');
  await card(1).getByRole('button', { name: 'Lägg till del' }).click();
  await truth.until(() => v().agenda[1]?.phases?.length === 1);
  await commit(card(1).getByLabel('Del 1, minuter', { exact: true }), '5');
  await commit(card(1).getByLabel('Del 1, vad', { exact: true }), 'enskilt');
  await truth.until(() => v().agenda[1]?.phases?.[0]?.title === 'enskilt' && v().agenda[1]?.phases?.[0]?.minutes === 5);
  await card(1).getByRole('button', { name: 'Lägg till del' }).click();
  await truth.until(() => v().agenda[1]?.phases?.length === 2);
  await commit(card(1).getByLabel('Del 2, minuter', { exact: true }), '20');
  await commit(card(1).getByLabel('Del 2, vad', { exact: true }), 'i grupp');
  await truth.until(() => v().agenda[1]?.phases?.[1]?.title === 'i grupp' && v().agenda[1]?.phases?.[1]?.minutes === 20);
  expect(v().agenda[1]).toMatchObject({ kind: 'brainstorm', title: 'Gruppövning', minutes: 25 });
  // A step with parts takes its minutes from them; minutes out of range are named before anything is sent.
  await expect(card(1).getByLabel('Minuter', { exact: true }).isDisabled()).resolves.toBe(true);
  await card(2).locator('.d-card__toggle').click();
  await commit(card(2).getByLabel('Minuter', { exact: true }), '601');
  await card(2).getByText('Ett heltal från 0 till 600.').waitFor();
  await commit(card(2).getByLabel('Minuter', { exact: true }), '10');
  expect(v().agenda[2]?.minutes).toBe(10);
  // The current step is marked and cannot be deleted.
  await expect(card(0).getByText('Rummet är här').isVisible()).resolves.toBe(true);
  await expect(card(0).getByRole('button', { name: 'Ta bort', exact: true }).isDisabled()).resolves.toBe(true);
  await card(1).locator('.d-card__toggle').click();
  await card(1).getByLabel('Del 2, vad', { exact: true }).waitFor();
  await console.locator('.designer__panel').evaluate((el) => el.scrollTo(0, 0));
  await look(console, 'agenda-1280');
  await console.setViewportSize({ width: 1920, height: 1080 });
  await look(console, 'agenda-1920');
  await console.setViewportSize({ width: 1280, height: 720 });

  // Undo the last edit: a deleted step comes back where it was.
  await card(3).getByRole('button', { name: 'Ta bort', exact: true }).click();
  await truth.until(() => v().agenda.length === 3);
  await console.getByRole('button', { name: /Ångra/ }).click();
  await truth.until(() => v().agenda.length === 4);
  expect(v().agenda.map((s) => s.title)).toEqual(['Välkommen', 'Gruppövning', 'Röstning', 'Fokus']);
  await expect.poll(() => console.getByRole('button', { name: /Ångra/ }).isDisabled()).toBe(true);

  // Voting defaults: five dots each.
  await tab('Röstning och fokus');
  const budget = console.getByLabel('Prickar per person');
  await commit(budget, '0');
  await console.getByText('Ett heltal från 1 till 100.').waitFor();
  await commit(budget, '5');
  await truth.until(() => v().voting.settings.budget === 5);
  // The focus rule: the top idea of each dimension.
  await console.getByRole('radio', { name: 'De främsta idéerna i varje dimension' }).click(); // server-confirmed: the radio follows the answer
  await truth.until(() => v().focus.mode === 'top');
  await commit(console.getByLabel('Antal idéer per dimension'), '1');
  await truth.until(() => v().focus.mode === 'top' && v().focus.value === 1);
  await look(console, 'voting-1280');

  // Ground rules: one more, added at the end of the list.
  await tab('Regler och värderingar');
  const rulesBefore = v().rules.length;
  await console.getByRole('button', { name: 'Lägg till regel' }).click();
  await commit(console.getByLabel(`Regel ${rulesBefore + 1}`, { exact: true }), 'Mobilen på ljudlöst, utom när vi röstar');
  await truth.until(() => v().rules.length === rulesBefore + 1);
  expect(v().rules.at(-1)).toBe('Mobilen på ljudlöst, utom när vi röstar');
  await look(console, 'rules-1280');
  await console.setViewportSize({ width: 1920, height: 1080 });
  await look(console, 'rules-1920');
  await console.setViewportSize({ width: 1280, height: 720 });

  // Preview: the group exercise as the projector and a phone will show it; the room stays on step 1.
  await tab('Förhandsvisning');
  await console.getByRole('button', { name: /Nästa/ }).click();
  const shownScreen = console.locator('.d-preview__screen');
  const shownPhone = console.locator('.d-preview__phone');
  await shownScreen.locator('.screen-header__title', { hasText: 'Gruppövning' }).waitFor();
  const screenText = await read(shownScreen);
  for (const b of BOARDS) {
    expect(screenText).toContain(b.title);
    for (const q of b.questions) expect(screenText).toContain(q);
  }
  expect(screenText).toContain('5 min enskilt');
  expect(screenText).toContain('20 min i grupp');
  const phoneText = await read(shownPhone);
  expect(phoneText).toContain('Gruppövning');
  expect(phoneText).toContain('5 min enskilt');
  expect(phoneText).toContain(BOARDS[2]?.title);
  await look(console, 'preview-1280');
  await console.setViewportSize({ width: 1920, height: 1080 });
  await look(console, 'preview-1920');
  // Nothing moved: the room is where it was, by the server's own word.
  expect((await truth.sync()).view.view.stepIndex).toBe(0);
  await console.getByRole('button', { name: /Nästa/ }).click();
  await shownScreen.locator('[data-step="vote"]').waitFor();
  expect(await read(shownPhone.locator('.vote__counter'))).toContain('5 av 5 prickar kvar');
  expect((await truth.sync()).view.view.stepIndex).toBe(0);
  await console.setViewportSize({ width: 1440, height: 900 });
  await console.getByRole('button', { name: 'Till mötet' }).click();
  await console.getByRole('heading', { name: 'Välkommen', level: 2 }).waitFor();

  // Run it: a projector and three phones.
  const { page: screen } = await open(projector, `/s/${code}`, 'screen');
  await screen.locator('.lobby__code').waitFor();
  const phones: Page[] = [];
  for (const name of ['Pia', 'David', 'Isabel']) {
    const { page } = await open(phone, `/j/${code}`, `phone-${name}`);
    await page.getByLabel('Ditt namn').fill(name);
    await page.getByRole('button', { name: 'Gå med' }).click();
    await page.locator('.step-bar').waitFor();
    phones.push(page);
  }
  const [pia, david, isabel] = phones as [Page, Page, Page];
  await screen.getByText('3 har gått med').waitFor();
  const nextStep = () => console.locator('.agenda__nav').getByRole('button', { name: /Nästa/ }).click();

  // The group exercise: custom boards, questions and the two timed parts on every screen.
  await nextStep();
  await screen.locator('.screen-header__title', { hasText: 'Gruppövning' }).waitFor();
  const liveScreen = await read(screen.locator('.screen'));
  for (const b of BOARDS) {
    expect(liveScreen).toContain(b.title);
    for (const q of b.questions) expect(liveScreen).toContain(q);
  }
  expect(await read(screen.locator('.phases--header'))).toMatch(/5 min enskilt.*20 min i grupp.*20:00/);
  expect(await read(screen.locator('.screen-timer'))).toMatch(/^5:00/);
  await screenshot(screen, 'designer-run-screen-brainstorm');
  for (const p of phones) {
    await p.getByRole('heading', { name: 'Gruppövning' }).waitFor();
    expect(await read(p.locator('.step-prompt'))).toMatch(/5 min enskilt · Del 1 av 2/);
    for (const b of BOARDS) await p.getByRole('button', { name: b.title, exact: true }).waitFor();
  }
  await pia.getByRole('button', { name: BOARDS[2]?.title ?? '', exact: true }).click();
  for (const q of BOARDS[2]?.questions ?? []) await pia.locator('.board-card__questions').getByText(q).waitFor();
  await screenshot(pia, 'designer-run-phone-brainstorm');

  const addIdea = async (p: Page, board: string, text: string) => {
    await p.getByRole('button', { name: board, exact: true }).click();
    await p.getByLabel('Ny idé').fill(text);
    await p.getByRole('button', { name: 'Lägg till' }).click();
    await expect.poll(() => p.getByLabel('Ny idé').inputValue()).toBe('');
  };
  await addIdea(pia, BOARDS[2]?.title ?? '', 'Gemensam avsiktsförklaring');
  await addIdea(david, BOARDS[0]?.title ?? '', 'Studieresa till Köpenhamn');
  await addIdea(isabel, BOARDS[1]?.title ?? '', 'Mentorprogram');
  await addIdea(isabel, BOARDS[2]?.title ?? '', 'Uppföljning varje kvartal');
  await truth.until(() => v().ideas.length === 4);

  // A board that holds ideas is not deleted: the refusal is said next to it, in words.
  await console.getByRole('button', { name: 'Förbered', exact: true }).click();
  await tab('Dimensioner');
  await card(1).getByRole('button', { name: 'Ta bort', exact: true }).click();
  await card(1).getByText('Dimensionen har idéer. Flytta dem till en annan dimension först.').waitFor();
  expect(v().boards).toHaveLength(3);
  await console.getByRole('button', { name: 'Till mötet' }).click();

  // Voting with the budget of 5: five dots each, the sixth refused.
  await nextStep();
  await console.getByRole('button', { name: 'Öppna röstningen' }).first().click();
  for (const p of phones) await p.locator('.vote__counter').getByText('5 av 5 prickar kvar').waitFor();
  await screenshot(pia, 'designer-run-phone-vote');
  const plus = (p: Page, idea: string) => p.getByRole('button', { name: `Lägg en prick på ${idea}` });
  const ballots: [Page, [string, number][]][] = [
    [
      pia,
      [
        ['Gemensam avsiktsförklaring', 3],
        ['Mentorprogram', 2],
      ],
    ],
    [
      david,
      [
        ['Studieresa till Köpenhamn', 4],
        ['Gemensam avsiktsförklaring', 1],
      ],
    ],
    [
      isabel,
      [
        ['Gemensam avsiktsförklaring', 2],
        ['Uppföljning varje kvartal', 3],
      ],
    ],
  ];
  for (const [p, dots] of ballots) {
    for (const [idea, n] of dots) for (let i = 0; i < n; i++) await plus(p, idea).click();
    await p.locator('.vote__counter').getByText('0 av 5 prickar kvar').waitFor();
    await expect.poll(() => plus(p, 'Mentorprogram').isDisabled()).toBe(true);
    await p.getByRole('button', { name: 'Klar', exact: true }).click();
  }
  // The sixth dot, sent past the disabled button, is refused by the server.
  const piaToken = await pia.evaluate((c) => localStorage.getItem(`fokus:token:${c}`), code);
  const direct = await Client.connect(server.url, { code, role: 'participant', token: piaToken ?? '' });
  const mentor = v().ideas.find((i) => i.text === 'Mentorprogram')?.id ?? '';
  expect(await direct.send({ type: 'vote:add', ideaId: mentor })).toMatchObject({ ok: false, error: 'budget_exhausted' });
  direct.close();
  await truth.until((c) => c.tally?.tally.done === 3);
  await console.getByRole('button', { name: 'Stäng röstningen' }).first().click();
  await console.getByRole('button', { name: 'Visa resultatet' }).first().click();
  await truth.until((c) => c.tally?.tally.dotsUsed === 15);

  // Focus: the custom boards carry the ranking to the focus list on the screen and the phones.
  await nextStep();
  await screen.locator('.focus-wrap').waitFor();
  await settled(screen);
  const focusTitles = (await screen.locator('.focus-wrap .column__title').allTextContents()).map((t) => t.replaceAll('\u00AD', ''));
  expect(focusTitles).toEqual(order);
  // Top 1 per dimension, as designed: each board's most-dotted idea, in the designed board order.
  const chosen = (await screen.locator('.f-item--in .f-item__text').allTextContents()).map((t) => t.replaceAll('\u00AD', ''));
  expect(chosen).toEqual(['★ Gemensam avsiktsförklaring', '★ Studieresa till Köpenhamn', '★ Mentorprogram']);
  await screenshot(screen, 'designer-run-screen-focus');
  for (const p of phones) await expect.poll(() => read(p.locator('.phone__body'))).toContain('Gemensam avsiktsförklaring');
  expect(await read(pia.locator('.phone__body'))).toContain(BOARDS[2]?.title);
  await screenshot(pia, 'designer-run-phone-focus');
  expect(v().stepIndex).toBe(3);
  truth.close();

  expect(pageErrors).toEqual([]);
  expect(a11y.filter((r) => r.violations.length > 0)).toEqual([]);
}, 240_000);
