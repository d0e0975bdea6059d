import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedWorkshop } from '../support/seed-workshop.ts';
import { buildSeedWorkshop } from '../support/seed-workshop.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';
import type { AxeViolation } from './browser.ts';
import { launchBrowser, screenshot, seriousA11yViolations, settled, webDist } from './browser.ts';

/**
 * The facilitator console with a workshop the size of the seed (15 people, 64 ideas in four dimensions, long
 * Swedish compounds), on the two laptop screens a facilitator brings: moderation grouped, compact, collapsible and
 * searchable; the plan's fields in full; a keyboard-only pass; the reflection step's two timed parts.
 *
 * The height bound. The console's middle column scrolls on its own (the page never does). With 64 ideas in two
 * columns of about 26 px lines, the list needs ~1,100–1,400 px however it is drawn; the step card and the
 * presentation step's groups need ~400 more. So: at 1440×900 everything stays within two screens, at 1280×720
 * (where the sides leave ~840 px for the middle and more lines wrap) within 2.75 screens. The console before this
 * was 5,676 px at 1440×900 and 7,646 px at 1280×720 at the same steps. With every dimension closed it fits one screen.
 */

const SIZES = [
  { width: 1440, height: 900, screens: 2 },
  { width: 1280, height: 720, screens: 2.75 },
] as const;

let server: RunningServer;
let browser: Browser;
let seed: SeedWorkshop;
const pageErrors: string[] = [];
const a11y: { page: string; violations: AxeViolation[] }[] = [];

beforeAll(async () => {
  server = await startServer(mkdtempSync(join(tmpdir(), 'fokus-console-seed-')), { webDist });
  seed = await buildSeedWorkshop(server.url);
  await seed.split();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  seed?.close();
  await browser?.close();
  await server?.stop();
});

const truth = () => {
  const view = seed.facilitator.view?.view;
  if (!view) throw new Error('no facilitator view');
  return view;
};

async function openConsole(width: number, height: number, ready = '.mod-idea'): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, locale: 'sv-SE' });
  ctx.setDefaultTimeout(10_000);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${width}: ${e.message}`));
  await page.goto(`${server.url}/f/${seed.created.code}#key=${seed.created.facilitatorKey}`);
  await page.locator(ready).first().waitFor();
  return page;
}

/** The console's middle column: what scrolls, and how far. */
const mainHeights = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('.console__main') as HTMLElement;
    // What the column holds, however tall its box (scrollHeight never reports less than the box).
    const last = main.lastElementChild as HTMLElement;
    const content = last.getBoundingClientRect().bottom - main.getBoundingClientRect().top + main.scrollTop + parseFloat(getComputedStyle(main).paddingBottom);
    return {
      scroll: main.scrollHeight,
      content: Math.ceil(content),
      client: main.clientHeight,
      pageScroll: document.documentElement.scrollHeight,
      pageWide: document.documentElement.scrollWidth,
    };
  });

/** Elements (within `selector`) whose content is wider or taller than their box: cut text. */
const clipped = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1).map((el) => `${el.className}: ${el.textContent}`),
    );

const fold = (s: string) => s.toLocaleLowerCase('sv');

/**
 * Plan fields whose short words (names, months) break mid-word because the field is narrower than one word: a text
 * area wraps instead of scrolling, so overflow alone would not show it. Measured with the field's own font.
 */
const unbrokenWordsCut = (page: Page) =>
  page.locator('.plan-edit textarea').evaluateAll((areas) => {
    const canvas = document.createElement('canvas').getContext('2d');
    if (!canvas) return ['no canvas'];
    return (areas as HTMLTextAreaElement[]).flatMap((a) => {
      const style = getComputedStyle(a);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = a.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      // Words of up to 13 letters (September, Andersson-Lindqvist's parts) must fit a line; longer compounds may break.
      return a.value
        .split(/[\s-]+/)
        .filter((w) => w.length <= 13 && canvas.measureText(w).width > room)
        .map((w) => `${a.id}: ${w}`);
    });
  });

describe.each(SIZES)('the console at $width×$height', ({ width, height, screens }) => {
  it('moderates 64 ideas: grouped by dimension with fixed theme numbers, collapsible, searchable, within the bound', async () => {
    await seed.goto('presentation');
    const page = await openConsole(width, height);
    await expect.poll(() => page.locator('.mod-idea').count()).toBe(64);
    await settled(page);

    // Grouped: each dimension's section holds exactly its ideas, in creation order, each with its own theme number.
    const view = truth();
    expect(await page.locator('section.mod-dim').evaluateAll((s) => s.map((x) => x.getAttribute('aria-label')))).toEqual(view.boards.map((b) => b.title));
    for (const [bi, board] of view.boards.entries()) {
      const numbers = await page.locator('section.mod-dim').nth(bi).locator('.mod-idea__no').allTextContents();
      expect(numbers, board.title).toEqual(view.ideas.filter((i) => i.boardId === board.id).map((i) => `#${i.seq}`));
      expect(numbers).toHaveLength(16);
    }

    // Nothing cut: no idea's text is wider than its line, no page wider than the screen, and the page itself never scrolls.
    expect(await clipped(page, '.mod-idea__text')).toEqual([]);
    const open = await mainHeights(page);
    expect(open.pageWide).toBeLessThanOrEqual(width);
    expect(open.pageScroll).toBeLessThanOrEqual(height);
    expect(open.scroll, `middle column ${open.scroll} px with all 64 ideas open`).toBeLessThanOrEqual(screens * height);
    await screenshot(page, `console-seed-${width}-present`);
    await page.locator('.mod').evaluate((el) => el.scrollIntoView());
    await screenshot(page, `console-seed-${width}-present-ideas`);
    a11y.push({ page: `present ${width}`, violations: await seriousA11yViolations(page) });

    // Collapsing one dimension hides its ideas, and only its.
    const toggle = page.getByRole('button', { name: /Gemensamma frågor & projekt/ });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.mod-idea').count()).toBe(48);
    await toggle.click();
    await expect.poll(() => page.locator('.mod-idea').count()).toBe(64);

    // The search narrows to the ideas whose text or details hold every word, whatever the case (Swedish letters too).
    const search = page.getByRole('searchbox', { name: 'Sök bland idéerna' });
    await search.fill('STADSKÄRN');
    const expected = view.ideas.filter((i) => fold(`${i.text}\n${i.details}\n${i.merged.join('\n')}`).includes('stadskärn'));
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(64);
    await expect.poll(() => page.locator('.mod-idea__no').allTextContents()).toEqual(expected.map((i) => `#${i.seq}`));
    await search.fill('avtal kommun'); // a word of the details, with one of the text's or details'
    const both = view.ideas.filter((i) => ['avtal', 'kommun'].every((w) => fold(`${i.text}\n${i.details}`).includes(w)));
    await expect.poll(() => page.locator('.mod-idea__no').allTextContents()).toEqual(both.map((i) => `#${i.seq}`));
    await screenshot(page, `console-seed-${width}-search`);
    await search.press('Escape');
    await expect.poll(() => page.locator('.mod-idea').count()).toBe(64);

    // All closed: the whole console fits the screen.
    await page.getByRole('button', { name: 'Fäll ihop alla' }).click();
    await expect.poll(() => page.locator('.mod-idea').count()).toBe(0);
    await settled(page);
    const shut = await mainHeights(page);
    console.info(`console ${width}×${height}: middle column ${open.scroll} px open, ${shut.content} px closed (${shut.client} px visible)`);
    expect(shut.content, `middle column ${shut.content} px with every dimension closed`).toBeLessThanOrEqual(shut.client);
    expect(shut.scroll).toBeLessThanOrEqual(shut.client);
    await page.locator('.console__main').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, `console-seed-${width}-collapsed`);
    await page.getByRole('button', { name: 'Fäll ut alla' }).click();
    await expect.poll(() => page.locator('.mod-idea').count()).toBe(64);
    await page.context().close();
  }, 60_000);

  it('is reachable by keyboard alone: the search, a dimension, an idea’s inline edit (Enter saves, Escape leaves)', async () => {
    await seed.goto('presentation');
    const page = await openConsole(width, height);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return {
          tag: el?.tagName ?? '',
          type: el?.getAttribute('type') ?? '',
          name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
          cls: el?.className ?? '',
          outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
        };
      });
    const tabUntil = async (wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, most = 80) => {
      for (let i = 0; i < most; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        if (wanted(f)) return f;
      }
      throw new Error('not reached by Tab');
    };
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const search = await tabUntil((f) => f.type === 'search');
    expect(search.outline).toMatch(/^solid [1-9]/); // visible focus
    const dim = await tabUntil((f) => f.cls.includes('mod-dim__toggle'));
    expect(dim.name).toMatch(/Omvärldsbevakning/);
    expect(dim.outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.mod-dim__toggle').first().getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.mod-dim__toggle').first().getAttribute('aria-expanded')).toBe('true');

    const first = truth().ideas.find((i) => i.boardId === 'omvarld');
    if (!first) throw new Error('no idea');
    const edit = await tabUntil((f) => f.cls.includes('icon-btn'));
    expect(edit.name).toBe(`Ändra ${first.text}`);
    expect(edit.outline).toMatch(/^solid [1-9]/);

    // Escape leaves the editor unsaved, and the keyboard is back on the edit button.
    await page.keyboard.press('Enter');
    await expect.poll(() => focused().then((f) => f.tag)).toBe('INPUT');
    await page.keyboard.type(' (fel)');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused().then((f) => f.name)).toBe(`Ändra ${first.text}`);
    expect(truth().ideas.find((i) => i.id === first.id)?.text).toBe(first.text);

    // Enter saves a fixed typo.
    await page.keyboard.press('Enter');
    await expect.poll(() => focused().then((f) => f.tag)).toBe('INPUT');
    await screenshot(page, `console-seed-${width}-edit`);
    await page.keyboard.press('End');
    await page.keyboard.type(' 2027');
    await page.keyboard.press('Enter');
    await seed.facilitator.until((c) => c.view?.view.ideas.find((i) => i.id === first.id)?.text === `${first.text} 2027`);
    await expect.poll(() => focused().then((f) => f.name)).toBe(`Ändra ${first.text} 2027`);
    await seed.facilitator.must({ type: 'idea:edit', ideaId: first.id, text: first.text, details: first.details });
    await page.context().close();
  }, 60_000);

  it('moves the reflection step through its two timed parts', async () => {
    await seed.goto('fundering');
    const page = await openConsole(width, height);
    const parts = page.getByRole('group', { name: 'Stegets delar' });
    const current = () => parts.locator('[aria-current="step"]').textContent();
    const clock = () => page.locator('.timer-controls__clock .timer__clock').textContent();
    await expect.poll(current).toMatch(/2 min enskilt$/);
    await expect.poll(clock).toBe('2:00');
    await screenshot(page, `console-seed-${width}-reflect`);

    await parts.getByRole('button', { name: 'Nästa del' }).click();
    await expect.poll(current).toMatch(/10 min diskussion$/);
    await expect.poll(clock).toBe('10:00');
    expect(truth().phaseIndex).toBe(1);
    expect(await parts.getByRole('button', { name: 'Nästa del' }).isDisabled()).toBe(true);
    await screenshot(page, `console-seed-${width}-reflect-discussion`);

    await parts.getByRole('button', { name: /2 min enskilt/ }).click();
    await expect.poll(current).toMatch(/2 min enskilt$/);
    await expect.poll(clock).toBe('2:00');
    await page.context().close();
  }, 60_000);

  it('shows and edits the plan’s fields in full', async () => {
    await seed.goto('handlingsplan');
    const rows = [
      {
        month: '2027-09',
        theme: 'Trygghetsskapandeåtgärder i centrumkärnan (belysning, ordningsvakter, städning)',
        host: 'Karin Andersson-Lindqvist',
        backup: 'Jönköpings Citysamverkan',
        comment: 'Bjud in alla och SHs innovationschef; studiebesök hos Fastighetsägarsamverkan med Samverkansöverenskommelsefrågor på dagordningen',
      },
      { month: '2027-10', theme: 'Studieresa', host: 'Lena', backup: 'Pia', comment: 'Förslag v 39 (sept)' },
    ];
    for (const [i, r] of rows.entries()) {
      await seed.facilitator.must({
        type: 'plan:set',
        row: { id: `plan-${width}-${i}`, kind: 'study', themeNo: i + 1, ideaId: null, day: null, start: null, end: null, ...r },
      });
    }
    const page = await openConsole(width, height, '.plan-edit');
    const index = truth().plan.findIndex((p) => p.id === `plan-${width}-0`);
    await expect.poll(() => page.locator('.plan-row').count()).toBe(truth().plan.length);
    await settled(page);
    // Every field shows all of its text (nothing scrolls inside a field, no word is cut), and no row is wider than its place.
    expect(await clipped(page, '.plan-edit textarea, .plan-edit input, .plan-edit select, .plan-row')).toEqual([]);
    expect(await page.locator('.plan-edit').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await unbrokenWordsCut(page)).toEqual([]);
    const comment = page.getByRole('textbox', { name: 'Kommentar' }).nth(index);
    await expect.poll(() => comment.inputValue()).toBe(rows[0]?.comment);
    await screenshot(page, `console-seed-${width}-plan`);
    a11y.push({ page: `plan ${width}`, violations: await seriousA11yViolations(page) });

    // Edited in place from the keyboard: Shift+Enter breaks the line, Enter saves, the field grows with the text (the
    // comment has a line of its own, as wide as the card: a break, not a few more words, is sure to add a line).
    const before = await comment.evaluate((el) => el.getBoundingClientRect().height);
    await comment.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Och en rad till om Evenemangssamordningskalender');
    await page.keyboard.press('Enter');
    await seed.facilitator.until((c) => c.view?.view.plan.find((p) => p.id === `plan-${width}-0`)?.comment.endsWith('Evenemangssamordningskalender') ?? false);
    expect(await comment.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(before);
    expect(await clipped(page, '.plan-edit textarea, .plan-edit input, .plan-edit select, .plan-row')).toEqual([]);
    await page.context().close();
  }, 60_000);
});

it('shows that joining is locked, and offers no way into the join form while it is', async () => {
  await seed.goto('valkommen');
  const page = await openConsole(1440, 900, '.links__list');
  const phones = page.locator('.links__list li').filter({ hasText: 'Telefoner' });
  await expect.poll(() => phones.getByRole('link', { name: 'Öppna' }).count()).toBe(1);
  await seed.facilitator.must({ type: 'workshop:lock-joining', locked: true });
  await expect.poll(() => page.locator('.status-bar').textContent()).toContain('Stängd för nya');
  await expect.poll(() => phones.getByRole('link', { name: 'Öppna' }).count()).toBe(0);
  expect(await phones.textContent()).toContain('Stängd för nya');
  await screenshot(page, 'console-seed-1440-locked');
  await seed.facilitator.must({ type: 'workshop:lock-joining', locked: false });
  await expect.poll(() => phones.getByRole('link', { name: 'Öppna' }).count()).toBe(1);
  await page.context().close();
}, 30_000);

it('shows each person’s dots with named voting as they land, from the changed ballots in the facilitator’s tally', async () => {
  await seed.goto('rostning');
  await seed.facilitator.must({ type: 'voting:configure', settings: { anonymous: false, hideResults: false } });
  await seed.facilitator.must({ type: 'voting:open' });
  const page = await openConsole(1440, 900, '.people .person');
  const [anna, bo] = seed.phones;
  const [first, second] = [seed.ideas[0], seed.ideas[20]];
  if (!anna || !bo || !first || !second) throw new Error('seed too small');
  const row = (name: string) => page.locator('.people .person').filter({ has: page.locator('.person__name', { hasText: new RegExp(`^${name}$`) }) });
  for (let i = 0; i < 3; i++) await anna.client.must({ type: 'vote:add', ideaId: first.id });
  await bo.client.must({ type: 'vote:add', ideaId: second.id });
  await expect.poll(() => row(anna.name).textContent()).toContain('3\u00a0●');
  await expect.poll(() => row(bo.name).textContent()).toContain('1\u00a0●');
  // One person's dot changes their ballot alone: the tally says only theirs, the console keeps everyone else's.
  await anna.client.must({ type: 'vote:remove', ideaId: first.id });
  await expect.poll(() => row(anna.name).textContent()).toContain('2\u00a0●');
  expect(await row(bo.name).textContent()).toContain('1\u00a0●');
  expect(await row(anna.name).textContent()).toContain(`${first.text} 2`);
  await screenshot(page, 'console-seed-1440-named-vote');
  // A reset (it also ends the vote) sends every ballot again: all of them empty now.
  await seed.facilitator.must({ type: 'voting:reset' });
  await expect.poll(() => row(anna.name).textContent()).not.toContain('●');
  await page.context().close();
}, 60_000);

it('had no page errors and no serious accessibility findings', () => {
  expect(pageErrors).toEqual([]);
  expect(a11y.filter((r) => r.violations.length > 0)).toEqual([]);
});
