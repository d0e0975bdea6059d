// Drives the real UI in headless Chromium against a running server and saves screenshots.
// Usage: BASE=http://localhost:3100 node apps/web/scripts/drive.mjs  (from the repo root)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const BASE = process.env.BASE ?? 'http://localhost:3000';
const OUT = process.env.OUT ?? 'screenshots';
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const problems = [];

async function axe(page, name) {
  await page.addScriptTag({ content: axeSource });
  const res = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) problems.push({ name, bad });
  console.log(`axe ${name}: ${bad.length ? JSON.stringify(bad) : 'no serious/critical'}`);
}

async function shot(page, name) {
  await sleep(400);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`saved ${name}.png`);
}

function consoleErrors(page, name) {
  page.on('pageerror', (e) => problems.push({ name, pageerror: String(e) }));
  page.on('console', (m) => m.type() === 'error' && console.log(`[${name}] console error: ${m.text()}`));
}

// Start page and creating a workshop, on a laptop.
const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const consolePage = await desk.newPage();
consoleErrors(consolePage, 'console');
await consolePage.goto(`${BASE}/`);
await shot(consolePage, 'start-desktop');
await axe(consolePage, 'start');
await consolePage.getByLabel('Titel (valfri)').fill('Handlingsplan 2026');
await consolePage.getByRole('button', { name: 'Skapa workshop' }).click();
await consolePage.waitForURL(/\/f\//);
await consolePage.getByRole('heading', { name: 'Välkommen', level: 2 }).waitFor();
const next = () => consolePage.locator('.agenda__nav').getByRole('button', { name: /Nästa/ }).click();
const code = consolePage.url().split('/f/')[1].slice(0, 6);
console.log('code', code, 'url after create', consolePage.url());
await shot(consolePage, 'console-lobby');
await axe(consolePage, 'console-lobby');

// Projector.
const big = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
const screen = await big.newPage();
consoleErrors(screen, 'screen');
await screen.goto(`${BASE}/s/${code}`);
await screen.locator('.lobby__code').waitFor();

// Phones.
const names = [
  ['Pia', 'Malmö Citysamverkan'],
  ['David', 'Uppsala City'],
  ['Isabel', 'Svenska Stadskärnor'],
  ['Lisa', ''],
  ['Daniel', 'Göteborg'],
];
const phones = [];
for (const [i, [name, org]] of names.entries()) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  consoleErrors(page, `phone-${name}`);
  await page.goto(`${BASE}/j/${code}`);
  await page.getByLabel('Ditt namn').waitFor();
  if (i === 0) {
    await shot(page, 'phone-join');
    await axe(page, 'phone-join');
  }
  await page.getByLabel('Ditt namn').fill(name);
  if (org) await page.getByLabel('Organisation (valfri)').fill(org);
  await page.getByRole('button', { name: 'Gå med' }).click();
  await page.locator('.step-bar').waitFor();
  phones.push({ ctx, page, name });
}
await shot(phones[0].page, 'phone-lobby');
await shot(screen, 'screen-lobby');
await axe(screen, 'screen-lobby');

// Reload keeps the same participant.
await phones[0].page.reload();
await phones[0].page.locator('.step-bar').waitFor();
console.log('after reload, still joined:', await phones[0].page.getByText('Du är Pia').isVisible());

// Groups and brainstorm.
await consolePage.getByLabel('Antal grupper').fill('2');
await consolePage.getByRole('button', { name: 'Dela in slumpvis' }).click();
await next();
await phones[0].page.getByRole('heading', { name: /Gruppövning/ }).waitFor();
const ideas = [
  ['Omvärldsbevakning', ['Trygghet', 'Digitalisering av handeln', 'Klimatanpassning']],
  ['Erfarenhetsutbyte & kompetensutveckling', ['Studieresa', 'Platsvarumärke', 'Evenemang som drar folk']],
  ['Gemensamma frågor & projekt', ['Gemensam upphandling av julbelysning', 'Finansiering', 'BID-modeller']],
  ['Kollegialt stöd', ['Roterande faddergrupper', 'Mentorskap för nya']],
];
for (const [bi, [board, texts]] of ideas.entries()) {
  for (const [ti, text] of texts.entries()) {
    const p = phones[(bi + ti) % phones.length].page;
    await p.getByRole('button', { name: board, exact: true }).click();
    await p.getByLabel('Ny idé').fill(text);
    await p.getByRole('button', { name: 'Lägg till' }).click();
  }
}
await sleep(800);
await shot(phones[0].page, 'phone-brainstorm');
await axe(phones[0].page, 'phone-brainstorm');
await shot(screen, 'screen-brainstorm');
await consolePage.getByRole('button', { name: 'Starta timern' }).click();
await shot(consolePage, 'console-brainstorm');
await axe(consolePage, 'console-brainstorm');

// Present with a spotlight, then reflect, then vote.
await next();
await consolePage.getByRole('button', { name: 'Visa gruppen' }).first().click();
await sleep(500);
await shot(screen, 'screen-present');
await next();
await sleep(300);
await shot(screen, 'screen-reflect');
await next();
await consolePage.getByRole('button', { name: 'Öppna röstningen' }).first().click();
await phones[0].page.getByText(/10 av 10 prickar kvar/).waitFor();
const plus = (page, idea) => page.getByRole('button', { name: `Lägg en prick på ${idea}` });
await plus(phones[0].page, 'Studieresa').click();
await plus(phones[0].page, 'Studieresa').click();
await plus(phones[0].page, 'Trygghet').click();
await shot(phones[0].page, 'phone-vote');
await axe(phones[0].page, 'phone-vote');

// Offline: the tap stays pending, the banner shows, and it is sent once when back.
await phones[1].page.getByText(/10 av 10/).waitFor();
await phones[1].ctx.setOffline(true);
await sleep(300);
await plus(phones[1].page, 'Studieresa').click();
await plus(phones[1].page, 'Finansiering').click();
await shot(phones[1].page, 'phone-vote-offline');
await phones[1].ctx.setOffline(false);
await sleep(3000);
console.log('phone 2 after reconnect:', await phones[1].page.locator('.vote__counter strong').textContent());

const votes = [
  ['Studieresa', 'Studieresa', 'Trygghet', 'Trygghet', 'Finansiering', 'Roterande faddergrupper', 'Platsvarumärke'],
  ['Studieresa', 'Trygghet', 'Klimatanpassning', 'BID-modeller', 'Finansiering'],
  ['Studieresa', 'Studieresa', 'Trygghet', 'Evenemang som drar folk', 'Roterande faddergrupper', 'Roterande faddergrupper'],
];
for (const [i, list] of votes.entries()) {
  for (const idea of list) await plus(phones[i + 2].page, idea).click();
  await phones[i + 2].page.getByRole('button', { name: 'Klar', exact: true }).click();
}
await sleep(800);
await shot(screen, 'screen-vote-progress');
await shot(consolePage, 'console-vote');
await axe(consolePage, 'console-vote');

// Budget enforced: force a tap on a disabled + after spending everything.
const p0 = phones[0].page;
for (let i = 0; i < 7; i++) await plus(p0, 'Trygghet').click();
await sleep(500);
await plus(p0, 'Finansiering').click({ force: true });
await sleep(500);
console.log('phone 1 counter after budget:', await p0.locator('.vote__counter strong').textContent());

await consolePage.getByRole('button', { name: 'Stäng röstningen' }).first().click();
await consolePage.getByRole('button', { name: 'Visa resultatet' }).first().click();
await sleep(1200);
await shot(screen, 'screen-results');
await axe(screen, 'screen-results');
await shot(p0, 'phone-results');

// Focus and plan.
await next();
await consolePage.getByLabel('Minst antal prickar', { exact: false }).first().check();
await consolePage.locator('.panel input[type=number]').first().fill('3');
await consolePage.getByRole('button', { name: 'Föreslå' }).click();
await sleep(800);
await shot(screen, 'screen-focus');
await shot(consolePage, 'console-focus');
await axe(consolePage, 'console-focus');
await next();
for (let i = 0; i < 3; i++) {
  await consolePage.getByRole('button', { name: /Lägg till rad/ }).click();
  await sleep(300);
}
const rows = consolePage.locator('.plan-edit tbody tr');
const fill = async (r, label, value) => {
  const input = rows.nth(r).getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Enter');
  await sleep(150);
};
await fill(0, 'Månad', 'Januari');
await fill(0, 'Värd', 'Pia');
await fill(0, 'Backup', 'David');
await rows.nth(0).getByLabel('Välj fokusområde').selectOption({ index: 1 });
await fill(1, 'Månad', 'Mars');
await fill(1, 'Värd', 'Lisa');
await rows.nth(1).getByLabel('Välj fokusområde').selectOption({ index: 2 });
await fill(1, 'Kommentar', 'Bjud in alla och SHs innovationschef');
await fill(2, 'Månad', 'Maj');
await fill(2, 'Tema', 'Studieresa till Köpenhamn');
await sleep(600);
await shot(consolePage, 'console-plan');
await shot(screen, 'screen-plan');
await shot(p0, 'phone-plan');

console.log(problems.length ? `PROBLEMS ${JSON.stringify(problems, null, 1)}` : 'no page errors, no serious axe violations');
await browser.close();
