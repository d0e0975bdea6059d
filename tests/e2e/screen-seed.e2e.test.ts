import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SeedWorkshop } from '../support/seed-workshop.ts';
import { buildSeedWorkshop, LONG_THEMES } from '../support/seed-workshop.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';
import type { AxeViolation } from './browser.ts';
import { launchBrowser, screenshot, seriousA11yViolations, settled, webDist } from './browser.ts';

/**
 * The projector with a workshop the size of the seed (15 people, 16 ideas in each of four dimensions, long Swedish
 * compounds and details) at 1920×1080 and 1280×720, step by step. Everything is measured in the browser: every idea
 * inside the viewport and its column, nothing wider than its box, no scrollbar, idea text at 20 px or more at 1080p
 * (two thirds of that at 720p: the same size on the wall). A column past what fits pages on its own.
 */

const SIZES = [
  { name: '1080p', width: 1920, height: 1080, minFont: 20 },
  { name: '720p', width: 1280, height: 720, minFont: 20 * (720 / 1080) - 0.01 },
] as const;
const SHY = '\u00AD';
const plain = (s: string | null | undefined) => (s ?? '').replaceAll(SHY, '');

let server: RunningServer;
let browser: Browser;
let seed: SeedWorkshop;
const screens: { size: (typeof SIZES)[number]; page: Page }[] = [];
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const a11y: { step: string; violations: AxeViolation[] }[] = [];

beforeAll(async () => {
  server = await startServer(mkdtempSync(join(tmpdir(), 'fokus-screen-')), { webDist });
  browser = await launchBrowser();
  seed = await buildSeedWorkshop(server.url);
  await seed.goto('valkommen');
  for (const size of SIZES) {
    const ctx = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1, locale: 'sv-SE' });
    ctx.setDefaultTimeout(15_000);
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${size.name}: ${e.message}`));
    await page.goto(`${server.url}/s/${seed.created.code}`);
    screens.push({ size, page });
  }
}, 90_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  seed?.close();
  await server?.stop();
});

interface Inspection {
  /** Anything that does not fit: a scrollbar, an element out of the viewport or its container, clipped content. */
  problems: string[];
  /** Ideas ([data-idea]) shown whole on this page. */
  ideas: string[];
  /** The smallest rendered font size of idea text. */
  minFont: number;
  /** data-page/data-pages of every list that fits itself (use-paged-fit.ts). */
  pages: { page: number; pages: number }[];
}

function inspect(page: Page): Promise<Inspection> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').replaceAll('\u00AD', '').slice(0, 40)}"`;
    const doc = document.documentElement;
    if (doc.scrollWidth > vw || doc.scrollHeight > vh) problems.push(`page is ${doc.scrollWidth}×${doc.scrollHeight} in ${vw}×${vh}`);
    const screen = document.querySelector('.screen');
    if (!screen) return { problems: ['no .screen'], ideas: [], minFont: 0, pages: [] };
    if (screen.scrollHeight > screen.clientHeight + 1 || screen.scrollWidth > screen.clientWidth + 1) {
      problems.push(`.screen holds ${screen.scrollWidth}×${screen.scrollHeight} in ${screen.clientWidth}×${screen.clientHeight}`);
    }
    for (const el of screen.querySelectorAll('*')) {
      if (!(el instanceof HTMLElement) || el.closest('.visually-hidden, [hidden], .fullscreen-btn')) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -0.5 || r.right > vw + 0.5 || r.top < -0.5 || r.bottom > vh + 0.5) {
        problems.push(`${name(el)} leaves the viewport (${Math.round(r.left)},${Math.round(r.top)}…${Math.round(r.right)},${Math.round(r.bottom)})`);
      }
      const parent = el.parentElement?.getBoundingClientRect();
      if (parent && cs.position !== 'absolute' && (r.left < parent.left - 1 || r.right > parent.right + 1)) {
        problems.push(
          `${name(el)} is wider than its container (${Math.round(r.left)}…${Math.round(r.right)} in ${Math.round(parent.left)}…${Math.round(parent.right)})`,
        );
      }
      if (cs.display !== 'inline' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} holds ${el.scrollWidth} px in ${el.clientWidth} px`);
      if (
        cs.display !== 'inline' &&
        el.clientHeight > 0 &&
        cs.overflowY !== 'visible' &&
        el.scrollHeight > el.clientHeight + 1 &&
        !el.hasAttribute('data-fit')
      ) {
        problems.push(`${name(el)} clips ${el.scrollHeight} px to ${el.clientHeight} px`);
      }
    }
    const ideas: string[] = [];
    for (const el of screen.querySelectorAll<HTMLElement>('[data-idea], .toplist__row')) {
      if (el.closest('[hidden]') || getComputedStyle(el).display === 'none') continue;
      const r = el.getBoundingClientRect();
      const list = el.closest('[data-fit]')?.getBoundingClientRect();
      const whole = r.top >= -0.5 && r.bottom <= vh + 0.5 && r.left >= -0.5 && r.right <= vw + 0.5;
      const inList = !list || (r.top >= list.top - 1 && r.bottom <= list.bottom + 1);
      if (!whole || !inList)
        problems.push(`${name(el)} is cut off (${Math.round(r.top)}…${Math.round(r.bottom)}, list ends ${Math.round(list?.bottom ?? vh)})`);
      else if (el.dataset.idea) ideas.push(el.dataset.idea);
    }
    let minFont = Number.POSITIVE_INFINITY;
    for (const el of screen.querySelectorAll<HTMLElement>('.s-idea__text, .bar__text, .f-item__text, .toplist__text')) {
      if (el.closest('[hidden]')) continue;
      minFont = Math.min(minFont, Number.parseFloat(getComputedStyle(el).fontSize));
    }
    const pages = [...screen.querySelectorAll<HTMLElement>('[data-fit]')].map((l) => ({ page: Number(l.dataset.page), pages: Number(l.dataset.pages) }));
    return { problems, ideas, minFont, pages };
  });
}

/** The ideas the screen should show now: the facilitator's view of them, hidden ones left out. */
function visibleIdeas(): { id: string; seq: number; boardId: string; text: string }[] {
  return (seed.facilitator.view?.view.ideas ?? []).filter((i) => !i.hidden);
}

/**
 * Checks one step on both screens and takes its pictures. Where a column pages, each page is checked in turn (waiting
 * for the page to turn, data-page, not for a clock) and every idea must have been whole on some page.
 */
async function checkStep(step: string, opts: { ideas: 'all' | 'none'; ready?: (page: Page) => Promise<void> }): Promise<Map<string, Inspection[]>> {
  const out = new Map<string, Inspection[]>();
  for (const { size, page } of screens) {
    await opts.ready?.(page);
    await settled(page);
    const first = await inspect(page);
    const seen = [first];
    const pages = Math.max(1, ...first.pages.map((p) => p.pages));
    await screenshot(page, `screen-seed-${size.name}-${step}`);
    for (let turn = 1; turn < pages; turn++) {
      const before = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-fit]')].map((l) => l.dataset.page).join());
      await page.waitForFunction((b) => [...document.querySelectorAll<HTMLElement>('[data-fit]')].map((l) => l.dataset.page).join() !== b, before, {
        timeout: 20_000,
      });
      await settled(page);
      seen.push(await inspect(page));
      await screenshot(page, `screen-seed-${size.name}-${step}-page${turn + 1}`);
    }
    if (size.name === '1080p') a11y.push({ step, violations: await seriousA11yViolations(page) });
    for (const s of seen) expect(s.problems, `${step} at ${size.name}`).toEqual([]);
    if (opts.ideas === 'all') {
      const shown = new Set(seen.flatMap((s) => s.ideas));
      expect(
        visibleIdeas()
          .filter((i) => !shown.has(i.id))
          .map((i) => i.text),
        `${step} at ${size.name}: ideas never shown whole`,
      ).toEqual([]);
      for (const s of seen) expect(s.minFont, `${step} at ${size.name}: smallest idea text`).toBeGreaterThanOrEqual(size.minFont);
    }
    out.set(size.name, seen);
  }
  return out;
}

const each = async (fn: (page: Page) => Promise<void>) => {
  for (const { page } of screens) await fn(page);
};

it('shows a seed-sized workshop whole on a 1080p and a 720p projector, step by step', async () => {
  // Lobby: QR, join code, the ground rules.
  await each((p) => p.locator('.lobby__code').getByText(seed.created.code).waitFor());
  await checkStep('lobby', { ideas: 'none' });
  await each(async (p) => {
    expect(await p.locator('.lobby__rules:not(.lobby__rules--values) li').allTextContents()).toEqual(seed.facilitator.view?.view.rules);
    expect(await p.locator('.lobby__rules--values li').allTextContents()).toEqual(seed.facilitator.view?.view.values);
  });

  // The split: every group with its members, on the wall.
  await seed.split();
  const groups = seed.facilitator.view?.view.groups ?? [];
  await each((p) =>
    p
      .locator('.groups__group')
      .nth(groups.length - 1)
      .waitFor(),
  );
  await checkStep('groups', { ideas: 'none' });
  await each(async (p) => {
    const cards = await p.locator('.groups__group').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    groups.forEach((g, i) => {
      expect(cards[i]).toContain(g.name);
      for (const m of g.members ?? []) expect(cards[i]).toContain(m);
    });
  });

  // Brainstorm: four columns of 16, each with its guiding questions, hyphenated where tight.
  await seed.goto('gruppovning');
  const waitForBoard = async (p: Page) => {
    await p.waitForFunction((n) => document.querySelectorAll('.s-idea').length === n, visibleIdeas().length);
    // The Swedish patterns load lazily: the heads carry soft hyphens once they are in.
    await p.waitForFunction((shy) => [...document.querySelectorAll('.column__title')].some((h) => h.textContent?.includes(shy)), SHY);
  };
  const board = await checkStep('brainstorm', { ideas: 'all', ready: waitForBoard });
  for (const [size, seen] of board)
    expect(
      seen[0]?.pages.every((p) => p.pages === 1),
      `the seed's board pages at ${size}`,
    ).toBe(true);
  await each(async (p) => {
    const questions = (seed.facilitator.view?.view.boards ?? []).flatMap((b) => b.questions);
    expect((await p.locator('.column__questions li').allTextContents()).map(plain)).toEqual(questions);
    // "Tema #" is the idea's own number, fixed when it was written.
    const numbers = await p
      .locator('.s-idea')
      .evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.idea} ${e.querySelector('.s-no')?.textContent}`));
    expect(numbers.sort()).toEqual(
      visibleIdeas()
        .map((i) => `${i.id} #${i.seq}`)
        .sort(),
    );
  });

  // Presentation: a duplicate is merged and one idea moves; both keep their numbers.
  await seed.goto('presentation');
  const seqOf = (id: string) => visibleIdeas().find((i) => i.id === id)?.seq;
  const [targetSeq, movedSeq] = [seqOf('kollegialt-6'), seqOf('gemensamt-12')];
  await seed.facilitator.must({ type: 'idea:merge', targetId: 'kollegialt-6', sourceIds: ['kollegialt-7'] });
  await seed.facilitator.must({ type: 'idea:move', ideaId: 'gemensamt-12', boardId: 'kollegialt' });
  await seed.facilitator.until((c) => c.view?.view.ideas.find((i) => i.id === 'gemensamt-12')?.boardId === 'kollegialt' && c.view.view.ideas.length === 63);
  await checkStep('presentation', { ideas: 'all', ready: (p) => p.waitForFunction(() => document.querySelectorAll('.s-idea').length === 63).then(() => {}) });
  await each(async (p) => {
    expect(await p.locator('[data-idea="kollegialt-6"] .s-no').textContent()).toBe(`#${targetSeq}`);
    expect(await p.locator('.column').nth(3).locator('[data-idea="gemensamt-12"] .s-no').textContent()).toBe(`#${movedSeq}`);
  });

  // Reflection: the question, the dimensions, and the two timed parts each with its own countdown.
  await seed.goto('fundering');
  await each((p) => p.locator('.reflect__dim').nth(3).waitFor());
  await checkStep('reflection', { ideas: 'none' });
  await each(async (p) => {
    expect((await p.locator('.reflect__dim-title').allTextContents()).map(plain)).toEqual(seed.facilitator.view?.view.boards.map((b) => b.title));
    expect(await p.locator('.phases--big .phase__label').allTextContents()).toEqual(['2 min enskilt', '10 min diskussion']);
    expect(await p.locator('.phases--big .phase--now .timer__clock').textContent()).toBe('2:00');
    expect(await p.locator('.phases--big .phase--next .phase__clock').textContent()).toBe('10:00');
  });
  await seed.facilitator.must({ type: 'agenda:phase', phaseIndex: 1 });
  await each(async (p) => {
    await p.locator('.phases--big .phase--now .timer__clock').getByText('10:00').waitFor();
    expect(await p.locator('.phases--big .phase--done .phase__clock').textContent()).toBe('✓');
  });

  // Voting: progress only, no counts.
  await seed.goto('rostning');
  await seed.facilitator.must({ type: 'voting:open' });
  await each((p) => p.locator('.progress__big').waitFor());
  await checkStep('voting', { ideas: 'none' });
  await seed.facilitator.must({ type: 'voting:close' });

  // Results: every bar, the top ten in full, dots and the people behind them. The reveal shows the board's order
  // first and then glides into rank order: the bars that change place are moving (FLIP) the moment the ranking lands
  // (the seed lists its themes mostly by dots already; "Etableringar" 6 overtakes "Politisk påverkan" 5).
  const glides = screens.map(({ page }) =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const watch = new MutationObserver(() => {
            if (!document.querySelector('.results[data-ranked="true"]')) return;
            watch.disconnect();
            const moving = document.getAnimations().flatMap((a) => (a.effect instanceof KeyframeEffect ? [a.effect.target] : []));
            resolve(moving.flatMap((el) => (el instanceof HTMLElement && el.matches('.bar') && el.dataset.idea ? [el.dataset.idea] : [])));
          });
          watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ranked'] });
        }),
    ),
  );
  await seed.voteAndReveal();
  for (const moving of await Promise.all(glides)) expect(moving).toEqual(expect.arrayContaining(['gemensamt-4', 'gemensamt-5']));
  const ranked = (p: Page) => p.locator('.results[data-ranked="true"] .toplist__row').nth(9).waitFor();
  await checkStep('results', { ideas: 'all', ready: ranked });
  const placed = seed.ideas.reduce((n, i) => n + i.votes, 0);
  await seed.facilitator.until((c) => c.tally?.tally.dotsUsed === placed);
  const tallies = seed.facilitator.tally?.tally.tallies ?? {};
  await each(async (p) => {
    const rows = await p.locator('.toplist__row').evaluateAll((els) =>
      els.map((e) => ({
        text: (e.querySelector('.toplist__text')?.textContent ?? '').replaceAll('\u00AD', ''),
        dots: e.querySelector('.toplist__dots')?.textContent,
        people: e.querySelector('.toplist__people')?.textContent ?? '',
        clipped: [...e.querySelectorAll<HTMLElement>('*')].some((c) => c.scrollWidth > c.clientWidth + 1 || getComputedStyle(c).textOverflow === 'ellipsis'),
      })),
    );
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      const idea = visibleIdeas().find((i) => i.text === row.text);
      expect(idea, row.text).toBeDefined();
      const t = tallies[idea?.id ?? ''];
      expect(row.dots).toBe(String(t?.dots));
      expect(row.people).toBe(`#${idea?.seq} · ${t?.voters === 1 ? '1 person' : `${t?.voters} personer`}`);
      expect(row.clipped, row.text).toBe(false);
    }
    expect(rows[0]).toMatchObject({ text: 'Studieresa', dots: '11' });
    expect(await p.locator('[data-idea="omvarld-1"] .bar__people').textContent()).toBe(`${tallies['omvarld-1']?.voters} pers.`);
  });

  // Focus: "Fokus år YYYY" per dimension, the cut line, a theme added by hand as in the seed, then ties on the line.
  await seed.goto('fokus');
  await seed.facilitator.must({ type: 'focus:suggest', mode: 'threshold', value: 6 });
  await seed.facilitator.must({ type: 'focus:toggle', ideaId: 'gemensamt-4', included: true });
  await checkStep('focus', { ideas: 'all', ready: (p) => p.locator('.f-item--added').waitFor() });
  await each(async (p) => {
    const years = await p.locator('.f-year').allTextContents();
    expect(years).toHaveLength(4);
    for (const y of years) expect(y).toMatch(/^Fokus år 20\d\d/);
    expect(await p.locator('.cut-line').count()).toBe(4);
    expect(await p.locator('.column').evaluateAll((cols) => cols.map((c) => c.querySelectorAll('.f-item--in').length))).toEqual([3, 4, 5, 0]);
  });
  await seed.facilitator.must({ type: 'focus:suggest', mode: 'top', value: 3 });
  await checkStep('focus-ties', { ideas: 'all', ready: (p) => p.locator('.f-item__tie').getByText('Lika').first().waitFor() });
  await each(async (p) => {
    // Erfarenhetsutbyte: 7, 7, 6, 6: the two sixes share rank 3 on the line.
    const tied = await p
      .locator('.column')
      .nth(1)
      .locator('.f-item', { hasText: 'Lika' })
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.idea));
    expect(tied).toEqual(['erfarenhet-3', 'erfarenhet-4']);
  });

  // The year plan, "Årets teman & träffar" as in the seed; a row planned from an idea carries the idea's number.
  const plan: [string, 'physical' | 'monthly' | 'all' | 'study', string | null, string, string, string, string][] = [
    ['2027-01', 'physical', null, 'Fysiskt möte 2027 + trygghet', 'Maria', 'Monica', 'Handlingsplan för 2027'],
    ['2027-02', 'monthly', 'gemensamt-2', '', 'Daniel', '', ''],
    ['2027-03', 'monthly', 'erfarenhet-1', '', 'David', '', ''],
    ['2027-04', 'monthly', 'gemensamt-3', '', 'Maria', '', ''],
    ['2027-05', 'monthly', null, 'Medlemserbjudande', 'Armina', '', ''],
    ['2027-06', 'monthly', 'gemensamt-1', 'Omvärldsanalys – steg 1', 'Pia', '', ''],
    ['2027-08', 'all', 'erfarenhet-3', '', 'Monica', '', 'Bjud in alla och SHs innovationschef'],
    ['2027-09', 'monthly', 'gemensamt-5', 'Etablering', 'Hanna', '', ''],
    ['2027-10', 'study', 'omvarld-1', '', 'Lena', 'Pia', 'Förslag v 39 (sept)'],
    ['2027-11', 'monthly', 'omvarld-3', 'Framtidens Stadskärna – steg 1', 'Lisa', '', ''],
    ['2027-12', 'monthly', 'omvarld-2', 'Vad behövs för tillväxt?', 'Linda', 'Björn', 'Bjud in Centre for Cities med pres. Björn har kontakten.'],
    ['2028-01', 'physical', null, 'Fysiskt möte 2028 – framtidens stadskärna steg 2, sätta spelregler', 'Aljoša', 'Jessica', 'Handlingsplan för 2028'],
  ];
  for (const [i, [month, kind, ideaId, theme, host, backup, comment]] of plan.entries()) {
    await seed.facilitator.must({
      type: 'plan:set',
      row: { id: `row-${i + 1}`, month, day: null, start: null, end: null, kind, themeNo: null, theme, ideaId, host, backup, comment },
    });
  }
  await seed.goto('handlingsplan');
  await checkStep('plan', {
    ideas: 'none',
    ready: (p) =>
      p
        .locator('.plan__rows tr')
        .nth(plan.length - 1)
        .waitFor(),
  });
  await each(async (p) => {
    expect(await p.locator('.plan__rows tr').nth(8).locator('.plan__no').textContent()).toBe(`#${seqOf('omvarld-1')}`);
    expect(await p.locator('.plan__rows tr').first().locator('.plan__no').textContent()).toBe('');
    // Months by name, the next year's January with its year.
    const months = await p.locator('.plan__when').allTextContents();
    expect([months[0], months[2], months.at(-1)]).toEqual(['januari', 'mars', 'jan 2028']);
  });

  // Past what fits: 30 ideas in one dimension page on their own, never below 20 px.
  await seed.goto('gruppovning');
  for (let i = 0; i < 14; i++) {
    const theme = LONG_THEMES[i % LONG_THEMES.length] as { text: string; details: string };
    await seed.facilitator.must({ type: 'idea:add', ideaId: `extra-${i + 1}`, boardId: 'omvarld', text: theme.text, details: theme.details });
  }
  await seed.facilitator.until((c) => (c.view?.view.ideas ?? []).filter((i) => i.boardId === 'omvarld').length === 30);
  const paged = await checkStep('paged', {
    ideas: 'all',
    ready: async (p) => {
      await p.waitForFunction((n) => document.querySelectorAll('.s-idea').length === n, visibleIdeas().length);
      await p.locator('.column__page').first().waitFor();
    },
  });
  for (const [size, seen] of paged) {
    // Omvärldsbevakning turns from one page to the other; the other columns fit on one.
    expect(seen.map((s) => s.pages[0]?.page).sort(), `omvärld at ${size}`).toEqual([1, 2]);
    for (const s of seen)
      expect(
        s.pages.map((p) => p.pages),
        `pages per column at ${size}`,
      ).toEqual([2, 1, 1, 1]);
  }
  await each(async (p) => expect(await p.locator('.column__page').first().textContent()).toContain('/2'));

  expect(pageErrors).toEqual([]);
  expect(a11y.filter((r) => r.violations.length > 0)).toEqual([]);
}, 150_000);
