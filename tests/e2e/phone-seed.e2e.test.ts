import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedWorkshop } from '../support/seed-workshop.ts';
import { buildSeedWorkshop } from '../support/seed-workshop.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';
import type { AxeViolation } from './browser.ts';
import { launchBrowser, screenshot, seriousA11yViolations, settled, webDist } from './browser.ts';

/**
 * A seed-sized workshop (15 people, 64 ideas with long Swedish compounds) on a small phone: 360×740, and the
 * narrowest and widest phones we promise (320×640, 430×932). One more person joins through the UI and takes
 * part in every step; what the phone shows is measured in the browser, never guessed.
 */

const SIZES = [
  { width: 360, height: 740 },
  { width: 320, height: 640 },
  { width: 430, height: 932 },
] as const;
const SHY = '\u00AD';
const LONG = 'Samverkansöverenskommelsefrågor';

let server: RunningServer;
let browser: Browser;
let seed: SeedWorkshop;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const a11y: { page: string; violations: AxeViolation[] }[] = [];

beforeAll(async () => {
  server = await startServer(mkdtempSync(join(tmpdir(), 'fokus-phone-')), { webDist });
  browser = await launchBrowser();
  seed = await buildSeedWorkshop(server.url);
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  seed?.close();
  await server?.stop();
});

async function phoneContext(): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: SIZES[0], isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'sv-SE' });
  ctx.setDefaultTimeout(10_000);
  contexts.push(ctx);
  return ctx;
}
async function openPhone(path: string, ctx?: BrowserContext): Promise<Page> {
  const page = await (ctx ?? (await phoneContext())).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}${path}`);
  return page;
}

/**
 * Everything on the phone that does not fit: a page wider than the viewport, an element sticking out of the
 * viewport or out of its container, a box whose content is wider than the box (clipped or spilling).
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const doc = document.documentElement;
    if (doc.scrollWidth > vw) problems.push(`page is ${doc.scrollWidth} px wide in a ${vw} px viewport`);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').replaceAll('\u00AD', '').slice(0, 40)}"`;
    const root = document.querySelector('.phone') ?? document.body;
    for (const el of root.querySelectorAll('*')) {
      if (!(el instanceof HTMLElement) || el.closest('.visually-hidden')) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.display === 'contents' || cs.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -0.5 || r.right > vw + 0.5) problems.push(`${name(el)} leaves the viewport (${Math.round(r.left)}…${Math.round(r.right)} of ${vw})`);
      if (cs.display !== 'inline' && !(el instanceof HTMLTextAreaElement) && !(el instanceof HTMLInputElement) && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${name(el)} holds ${el.scrollWidth} px in ${el.clientWidth} px`);
      }
      const parent = el.parentElement;
      if (parent && cs.position !== 'fixed' && cs.position !== 'absolute') {
        const p = parent.getBoundingClientRect();
        if (r.left < p.left - 1 || r.right > p.right + 1) problems.push(`${name(el)} is wider than its container ${name(parent)}`);
      }
    }
    return problems;
  });
}

/** The smallest computed font size of any visible text on the page, and where it is. */
function minFontSize(page: Page): Promise<{ px: number; where: string }> {
  return page.evaluate(() => {
    let min = { px: Infinity, where: '' };
    const walker = document.createTreeWalker(document.querySelector('.phone') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('.visually-hidden')) continue;
      if (el.getBoundingClientRect().width === 0) continue;
      const px = Number.parseFloat(getComputedStyle(el).fontSize);
      if (px < min.px) min = { px, where: `${el.className} "${n.textContent.slice(0, 30)}"` };
    }
    return min;
  });
}

/** Where an element sits in the viewport, and whether a tap at its middle reaches it (nothing sticky on top). */
async function placeOf(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return {
        top: r.top,
        bottom: r.bottom,
        left: r.left,
        right: r.right,
        vh: window.innerHeight,
        vw: window.innerWidth,
        reachable: !!hit && (hit === el || el.contains(hit)),
      };
    });
}

/** The primary action is in the thumb zone: fully on screen, in the lower 40 % of it, not covered, without scrolling. */
async function expectInThumbZone(page: Page, selector: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const p = await placeOf(page, selector);
  expect(p.bottom, `${selector} bottom`).toBeLessThanOrEqual(p.vh);
  expect(p.top, `${selector} top`).toBeGreaterThanOrEqual(p.vh * 0.6);
  expect(p.left).toBeGreaterThanOrEqual(0);
  expect(p.right).toBeLessThanOrEqual(p.vw);
  expect(p.reachable, `${selector} is covered`).toBe(true);
}

/** Runs the checks at each phone size, then takes the picture (scrolled to `show`, if given, else at the top). */
async function atEachSize(page: Page, name: string, check: (size: (typeof SIZES)[number]) => Promise<void>, show?: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await settled(page);
    await check(size);
    if (show)
      await page
        .locator(show)
        .first()
        .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settled(page);
    await screenshot(page, `phone-seed-${name}-${size.width}`);
    if (size === SIZES[0]) a11y.push({ page: name, violations: await seriousA11yViolations(page) });
  }
  await page.setViewportSize(SIZES[0]);
}

const truthIdeas = () => seed.facilitator.view?.view.ideas ?? [];
const participantId = (name: string) => seed.facilitator.view?.view.participants?.find((p) => p.name === name)?.id ?? '';

describe('a phone in a seed-sized workshop', () => {
  let page: Page;
  const mine = { kept: `${LONG} i praktiken`, edited: `${LONG} och avtalsuppföljning`, gone: 'Gemensam upphandling av julbelysning' };

  it('joins through /j/CODE and writes ideas with "Ny idé" in the thumb zone', { timeout: 60_000 }, async () => {
    const ctx = await phoneContext();
    const scripts: string[] = [];
    ctx.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    page = await openPhone(`/j/${seed.created.code}`, ctx);
    await page.getByLabel('Ditt namn').fill('Sofia');
    await page.getByRole('button', { name: 'Gå med' }).click();
    await page.locator('.step-bar').waitFor();
    await page.getByRole('heading', { name: /Gruppövning/ }).waitFor();
    // The dimension's purpose and guiding questions: all of them on its card, the first one in the dock where one writes.
    const question = 'Vilka omvärldsfaktorer är intressanta att fördjupa sig i?';
    await page.locator('.board-card__questions').getByText(question).waitFor();
    await page.locator('.board-card__questions').getByText('Vem kan sitta på den informationen?').waitFor();
    await expect.poll(() => page.locator('.composer__question').textContent()).toBe(question);

    await atEachSize(page, 'brainstorm-empty', async () => {
      expect(await layoutProblems(page)).toEqual([]);
      await expectInThumbZone(page, '#composer-text');
      await expectInThumbZone(page, '.composer__send');
      await expectInThumbZone(page, '.composer__question');
    });

    for (const text of [mine.kept, mine.gone]) {
      await page.getByLabel('Ny idé').fill(text);
      await page.getByRole('button', { name: 'Lägg till' }).click();
      await expect.poll(() => page.getByLabel('Ny idé').inputValue()).toBe('');
    }
    await seed.facilitator.until(() => truthIdeas().filter((i) => i.text === mine.kept || i.text === mine.gone).length === 2);
    // Own ideas get soft hyphens once the Swedish patterns have arrived.
    const own = page.locator('.idea-item--mine .idea-item__text').first();
    await expect.poll(() => own.textContent(), { timeout: 10_000 }).toContain(SHY);
    expect((await own.textContent())?.replaceAll(SHY, '')).toBe(mine.kept);
    // The Swedish patterns came as their own chunk after the first render; the English ones never came.
    expect(scripts.filter((p) => /\/assets\/sv-[\w-]+\.js$/.test(p))).toHaveLength(1);
    expect(scripts.filter((p) => p.includes('en-us'))).toEqual([]);
    expect((await minFontSize(page)).px, (await minFontSize(page)).where).toBeGreaterThanOrEqual(14);
  });

  it('lets the author correct an idea inline and withdraw one after one question', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: `Ändra ${mine.kept}` }).click();
    const field = page.getByLabel('Ändra din idé');
    await field.fill(mine.edited);
    await atEachSize(
      page,
      'brainstorm-editing',
      async () => {
        expect(await layoutProblems(page)).toEqual([]);
      },
      '.idea-item--editing',
    );
    await page.getByRole('button', { name: 'Spara' }).click();
    await seed.facilitator.until(() => truthIdeas().some((i) => i.text === mine.edited) && !truthIdeas().some((i) => i.text === mine.kept));

    await page.getByRole('button', { name: `Dra tillbaka ${mine.gone}` }).click();
    await page.getByText('Dra tillbaka idén? Den försvinner för alla.').waitFor();
    await atEachSize(
      page,
      'brainstorm-withdraw',
      async () => {
        expect(await layoutProblems(page)).toEqual([]);
      },
      '.idea-item__confirm',
    );
    await page.getByRole('button', { name: 'Ja, dra tillbaka' }).click();
    await seed.facilitator.until(() => !truthIdeas().some((i) => i.text === mine.gone));
    await expect.poll(() => page.locator('.idea-item--mine').count()).toBe(1);
    // Someone else's idea is not this phone's to change: no buttons on it (the server says forbidden anyway).
    const others = seed.phones[0]?.client;
    const ack = await others?.send({ type: 'idea:delete', ideaId: truthIdeas().find((i) => i.text === mine.edited)?.id ?? '' });
    expect(ack).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('says which group the person is in, and with whom, when the room is split', { timeout: 60_000 }, async () => {
    await seed.split();
    const line = page.locator('.group-card--in');
    await line.waitFor();
    await seed.facilitator.until((c) => !!c.view?.view.groups.some((g) => g.members?.includes('Sofia')));
    const group = seed.facilitator.view?.view.groups.find((g) => g.members?.includes('Sofia'));
    const others = (group?.members ?? []).filter((n) => n !== 'Sofia');
    expect(others.length).toBeGreaterThan(0);
    const expected = `Du är i ${group?.name} med ${new Intl.ListFormat('sv', { style: 'long', type: 'conjunction' }).format(others)}`;
    await expect.poll(() => line.textContent()).toBe(expected);
    await atEachSize(page, 'group-split', async () => {
      expect(await layoutProblems(page)).toEqual([]);
      await expectInThumbZone(page, '#composer-text');
    });
  });

  it('votes over 64 ideas: every + and count reachable, long words hyphenated, "Klar" in the thumb zone', { timeout: 60_000 }, async () => {
    await seed.goto('rostning');
    await seed.facilitator.must({ type: 'voting:open' });
    await page.locator('.vote__counter').getByText('10 av 10 prickar kvar').waitFor();
    await expect.poll(() => page.locator('.vote-idea').count()).toBe(65);

    // The long compound breaks with a hyphen (soft hyphens in the rendered text), not at an arbitrary letter.
    const longWords = page.locator('.vote-idea__words').filter({ hasText: /^S/ });
    await expect
      .poll(
        () =>
          longWords.evaluateAll(
            (els, [word, shy]) => els.filter((e) => e.textContent?.replaceAll(shy as string, '') === word).map((e) => e.textContent),
            [LONG, SHY],
          ),
        {
          timeout: 10_000,
        },
      )
      .toEqual(expect.arrayContaining([expect.stringContaining(SHY)]));
    const shown = await longWords.evaluateAll(
      (els, [word, shy]) => els.filter((e) => e.textContent?.replaceAll(shy as string, '') === word).map((e) => e.textContent ?? ''),
      [LONG, SHY],
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) expect(s).toContain(SHY);

    await page
      .getByRole('button', { name: `Lägg en prick på ${LONG}` })
      .first()
      .click();
    await page.getByRole('button', { name: 'Lägg en prick på Studieresa' }).click();
    await page.locator('.vote__counter').getByText('8 av 10 prickar kvar').waitFor();

    await atEachSize(page, 'vote', async () => {
      expect(await layoutProblems(page)).toEqual([]);
      await expectInThumbZone(page, '.vote__done .btn');
      expect((await minFontSize(page)).px, (await minFontSize(page)).where).toBeGreaterThanOrEqual(14);
      // Each idea's −, count and + scroll into view and take a tap there: nothing sticky covers them, nothing is off screen.
      const unreachable = await page.evaluate(() => {
        const out: string[] = [];
        for (const idea of document.querySelectorAll('.vote-idea')) {
          idea.scrollIntoView({ block: 'center' });
          for (const el of idea.querySelectorAll('.round-btn, .vote-idea__count')) {
            const r = el.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            const inside = r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight;
            if (!inside || !hit || !(hit === el || el.contains(hit))) out.push(`${el.className} of "${idea.querySelector('.vote-idea__words')?.textContent}"`);
          }
        }
        window.scrollTo(0, 0);
        return out;
      });
      expect(unreachable).toEqual([]);
    });
    // A scrolled picture too: the middle of the list with the counter on top and "Klar" at the bottom.
    await page.locator('.vote-idea').nth(30).scrollIntoViewIfNeeded();
    await settled(page);
    await screenshot(page, 'phone-seed-vote-scrolled-360');

    await page.getByRole('button', { name: 'Klar', exact: true }).click();
    await expect.poll(() => page.locator('.vote__done .btn').getAttribute('aria-pressed')).toBe('true');
  });

  it('shows the results with every count inside the phone', { timeout: 60_000 }, async () => {
    await seed.facilitator.must({ type: 'voting:close' });
    await seed.voteAndReveal();
    await expect.poll(() => page.locator('.result-row').count(), { timeout: 10_000 }).toBe(65);
    // Dots and the number of people behind them, as the room's tally has them.
    const top = truthIdeas().find((i) => i.text === 'Studieresa');
    await seed.facilitator.until((c) => (c.tally?.tally.tallies?.[top?.id ?? '']?.dots ?? 0) > 0);
    const figures = seed.facilitator.tally?.tally.tallies?.[top?.id ?? ''];
    const rowOf = (word: string) =>
      page.locator('.result-row').evaluateAll(
        (rows, [w, shy]) => {
          const row = rows.find((r) => r.querySelector('.result-row__text')?.textContent?.replaceAll(shy as string, '') === w);
          return { count: row?.querySelector('.result-row__count')?.textContent, voters: row?.querySelector('.result-row__voters')?.textContent };
        },
        [word, SHY],
      );
    expect(await rowOf('Studieresa')).toEqual({ count: `${figures?.dots} prickar`, voters: `från ${figures?.voters} personer` });
    await atEachSize(page, 'results', async () => {
      expect(await layoutProblems(page)).toEqual([]);
      const counts = await page.locator('.result-row__count').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right, vw: window.innerWidth };
        }),
      );
      expect(counts).toHaveLength(65);
      for (const c of counts) {
        expect(c.left).toBeGreaterThanOrEqual(0);
        expect(c.right).toBeLessThanOrEqual(c.vw);
      }
    });
  });

  it('tells a removed participant, politely', { timeout: 60_000 }, async () => {
    await seed.facilitator.must({ type: 'participant:remove', participantId: participantId('Sofia') });
    await page.getByRole('heading', { name: 'Du är inte längre med i workshopen' }).waitFor();
    await page.getByText('Tack för att du var med!').waitFor();
    await atEachSize(page, 'removed', async () => {
      expect(await layoutProblems(page)).toEqual([]);
    });
  });
});

describe('a phone at the door', () => {
  it('says a locked workshop is locked instead of offering the form, and opens when it is unlocked', { timeout: 60_000 }, async () => {
    await seed.facilitator.must({ type: 'workshop:lock-joining', locked: true });
    const page = await openPhone(`/j/${seed.created.code}`);
    await page.getByRole('heading', { name: 'Workshopen är stängd för nya deltagare' }).waitFor();
    expect(await page.getByLabel('Ditt namn').count()).toBe(0);
    await atEachSize(page, 'locked', async () => {
      expect(await layoutProblems(page)).toEqual([]);
    });
    await seed.facilitator.must({ type: 'workshop:lock-joining', locked: false });
    await page.getByLabel('Ditt namn').waitFor();
  });

  it('tells someone removed while their phone was away, on the next visit', { timeout: 60_000 }, async () => {
    const ctx = await phoneContext();
    const first = await openPhone(`/j/${seed.created.code}`, ctx);
    await first.getByLabel('Ditt namn').fill('Tove');
    await first.getByRole('button', { name: 'Gå med' }).click();
    await first.locator('.step-bar').waitFor();
    await first.close();
    await seed.facilitator.until(() => participantId('Tove') !== '');
    await seed.facilitator.must({ type: 'participant:remove', participantId: participantId('Tove') });

    const back = await openPhone(`/j/${seed.created.code}`, ctx);
    await back.getByRole('heading', { name: 'Du är inte längre med i workshopen' }).waitFor();
    expect(await back.evaluate((c) => localStorage.getItem(`fokus:token:${c}`), seed.created.code)).toBeNull();
    await screenshot(back, 'phone-seed-removed-away-360');
    await back.getByRole('button', { name: 'Gå med igen' }).click();
    await back.getByLabel('Ditt namn').waitFor();
  });

  it('explains a wrong code on /j/CODE and on the start page, with what to do', { timeout: 60_000 }, async () => {
    const wrong = seed.created.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    const page = await openPhone(`/j/${wrong}`);
    await page.getByRole('heading', { name: `Ingen workshop har koden ${wrong}` }).waitFor();
    await page.getByText(/Kolla koden på skärmen i rummet/).waitFor();
    await atEachSize(page, 'wrong-code', async () => {
      expect(await layoutProblems(page)).toEqual([]);
    });
    // The way on is right there: type the code from the screen.
    await page.getByLabel('Kod').fill(seed.created.code.toLowerCase());
    await page.getByRole('button', { name: 'Gå med' }).click();
    await page.getByLabel('Ditt namn').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/j/${seed.created.code}`);

    const start = await openPhone('/');
    await start.getByLabel('Kod').fill(wrong);
    await start.getByRole('button', { name: 'Gå med' }).click();
    await expect.poll(() => start.getByRole('alert').textContent()).toBe('Vi hittar ingen workshop med den koden. Kolla koden på skärmen och försök igen.');
    expect(await start.getByLabel('Kod').getAttribute('aria-invalid')).toBe('true');
    await atEachSize(start, 'start-wrong-code', async () => {
      expect(await layoutProblems(start)).toEqual([]);
    });
    await start.getByLabel('Kod').fill('AB');
    await start.getByRole('button', { name: 'Gå med' }).click();
    await expect.poll(() => start.getByRole('alert').textContent()).toBe('Koden är sex bokstäver eller siffror.');
  });

  it('threw no page errors and has no serious accessibility findings', () => {
    expect(pageErrors).toEqual([]);
    expect(a11y.filter((a) => a.violations.length > 0)).toEqual([]);
    expect(a11y.length).toBeGreaterThanOrEqual(10);
  });
});
