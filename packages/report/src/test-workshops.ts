/**
 * Workshops for the documentation's tests, as scripts of real commands: the Key Cities Group 2023 meeting
 * (seed 002, with its people, organisations, votes and year plan), a hostile one and an empty one. A script
 * runs through core here, or through a real server (tests/exports) with one phone per person. Test-only.
 */
import type { Actor, Command, PlanRow, Workshop } from '@fokus/core';
import { decide, evolve, templateContent } from '@fokus/core';
import { GROUPS_2023, IDEAS_2023, PARTICIPANTS_2023, dealDots2023 } from '../../core/src/fixtures/key-cities-2023.ts';

/** One line of a script: a person joins, a person sends a command, or the facilitator does. */
export type Action =
  | { join: string; organisation: string }
  | { by: 'facilitator'; command: Command }
  | { by: 'participant'; name: string; command: Command }
  /** A command whose participant id is only known once `name` has joined. */
  | { by: 'facilitator'; forName: string; command: (participantId: string) => Command };

const fac = (command: Command): Action => ({ by: 'facilitator', command });

/** The organisations of the seed's participant list. */
export const ORGANISATIONS_2023: Readonly<Record<string, string>> = {
  Pia: 'Malmö Citysamverkan',
  David: 'NKPG City',
  Isabel: 'Lund Citysamverkan',
  Lisa: 'Uppsala City',
  Daniel: 'Gävle City',
  Armina: 'City Örebro',
  Hanna: 'Helsingborg City',
  Maria: 'Västerås City',
  Lena: 'Innerstaden Göteborg',
  Monica: 'City i Samverkan Stockholm',
  Björn: 'Svenska Stadskärnor',
  Aljoša: 'Södertälje City',
  Jessica: 'Linköpings Innersta',
  Linda: 'Borås City',
};

export const ideaId2023 = (boardId: string, index: number): string => `${boardId}-${index + 1}`;
/** The seed's dots as phones' vote:add, dealt as core's fixture deals them. */
function dots2023(): Action[] {
  return dealDots2023().map(({ name, ideaId }) => ({ by: 'participant', name, command: { type: 'vote:add', ideaId } }));
}

const row = (r: Partial<PlanRow> & Pick<PlanRow, 'id' | 'month' | 'kind'>): PlanRow => ({
  day: null,
  start: null,
  end: null,
  themeNo: null,
  theme: '',
  ideaId: null,
  host: '',
  backup: '',
  comment: '',
  ...r,
});

/** "Årets teman & träffar" of the seed, on the first Monday of each month; themes linked to their focus ideas. */
export function plan2023(seqOf: (ideaId: string) => number): PlanRow[] {
  const theme = (ideaId: string, text: string) => ({ ideaId, themeNo: seqOf(ideaId), theme: text });
  return [
    row({
      id: 'p01',
      month: '2023-01',
      day: 16,
      kind: 'physical',
      theme: 'Handlingsplan + Trygghet',
      host: 'Maria',
      backup: 'Monica',
      comment: 'Handlingsplan för 2023',
    }),
    row({
      id: 'p02',
      month: '2023-02',
      day: 6,
      start: '09:00',
      end: '10:00',
      kind: 'monthly',
      ...theme('gemensamt-2', 'Policy & Branschpraxis – del 1'),
      host: 'Daniel',
    }),
    row({ id: 'p03', month: '2023-03', day: 6, start: '09:00', end: '10:00', kind: 'monthly', ...theme('erfarenhet-1', 'Affärsplanering'), host: 'David' }),
    row({ id: 'p04', month: '2023-04', day: 3, start: '09:00', end: '10:00', kind: 'monthly', ...theme('gemensamt-3', 'Omsättningsstatistik'), host: 'Maria' }),
    row({ id: 'p05', month: '2023-05', day: 8, start: '09:00', end: '10:00', kind: 'monthly', ...theme('erfarenhet-4', 'Medlemserbjudande'), host: 'Armina' }),
    row({
      id: 'p06',
      month: '2023-06',
      day: 5,
      start: '09:00',
      end: '10:00',
      kind: 'monthly',
      ...theme('gemensamt-1', 'Omvärldsanalys – steg 1'),
      host: 'Pia',
    }),
    row({
      id: 'p07',
      month: '2023-08',
      day: 7,
      start: '09:00',
      end: '11:00',
      kind: 'all',
      ...theme('erfarenhet-3', 'Mobilitet & citylogistik'),
      host: 'Monica',
      comment: 'Bjud in alla och SHs innovationschef',
    }),
    row({ id: 'p08', month: '2023-09', day: 4, start: '09:00', end: '10:00', kind: 'monthly', ...theme('gemensamt-5', 'Etablering'), host: 'Hanna' }),
    row({ id: 'p09', month: '2023-10', kind: 'study', ...theme('omvarld-1', 'Studieresa'), host: 'Lena', backup: 'Pia', comment: 'Förslag v 39 (sept)' }),
    row({
      id: 'p10',
      month: '2023-11',
      day: 6,
      start: '09:00',
      end: '10:00',
      kind: 'monthly',
      ...theme('omvarld-3', 'Framtidens Stadskärna – steg 1'),
      host: 'Lisa',
    }),
    row({
      id: 'p11',
      month: '2023-12',
      day: 4,
      start: '09:00',
      end: '10:00',
      kind: 'monthly',
      ...theme('omvarld-2', 'Vad behövs för tillväxt?'),
      host: 'Linda',
      backup: 'Björn',
      comment: 'Bjud in Centre for Cities med pres. Björn har kontakten.',
    }),
    row({
      id: 'p12',
      month: '2024-01',
      day: 15,
      kind: 'physical',
      theme: 'Fysiskt möte 2024 – framtidens stadskärna steg 2, sätta spelregler',
      host: 'Aljoša',
      backup: 'Jessica',
      comment: 'Handlingsplan för 2024',
    }),
  ];
}

/**
 * The 2023 meeting from joining to the year plan: threshold 6 suggests 3 + 4 + 4 + 0 themes, and the
 * facilitator adds "Politisk påverkan" (5) by hand, which gives the seed's "Fokus år 2023" (3 + 4 + 5 + 0).
 */
export function script2023(options: { withPlan?: boolean } = {}): Action[] {
  const seqOf = (id: string) => IDEAS_2023.findIndex((i) => i.id === id) + 1;
  const groups = GROUPS_2023.flatMap((g, i): Action[] => [
    fac({ type: 'group:create', groupId: `g${i + 1}`, name: g.name }),
    ...g.members.map(
      (m): Action => ({ by: 'facilitator', forName: m, command: (participantId) => ({ type: 'group:assign', participantId, groupId: `g${i + 1}` }) }),
    ),
  ]);
  const ideas = IDEAS_2023.map(
    ({ id, boardId, theme }, i): Action => ({
      by: 'participant',
      name: PARTICIPANTS_2023[i % PARTICIPANTS_2023.length] as string,
      command: { type: 'idea:add', ideaId: id, boardId, text: theme.text, details: theme.details },
    }),
  );
  return [
    fac({ type: 'workshop:update', title: 'Handlingsplan 2023', planYear: 2023, place: 'Västerås', date: '2022-11-18' }),
    ...PARTICIPANTS_2023.map((name): Action => ({ join: name, organisation: ORGANISATIONS_2023[name] ?? '' })),
    ...groups,
    fac({ type: 'agenda:goto', stepIndex: 1 }),
    ...ideas,
    fac({ type: 'agenda:goto', stepIndex: 4 }),
    fac({ type: 'voting:open' }),
    ...dots2023(),
    fac({ type: 'voting:close' }),
    fac({ type: 'voting:reveal', revealed: true }),
    fac({ type: 'agenda:goto', stepIndex: 5 }),
    fac({ type: 'focus:suggest', mode: 'threshold', value: 6 }),
    fac({ type: 'focus:toggle', ideaId: ideaId2023('gemensamt', 3), included: true }),
    ...(options.withPlan === false ? [] : plan2023(seqOf).map((r) => fac({ type: 'plan:set', row: r }))),
  ];
}

/** "Fokus år 2023" of the seed, per dimension, in the document's order. */
export const FOKUS_2023: Readonly<Record<string, readonly string[]>> = {
  omvarld: ['Studieresa', 'Föredrag: Vad krävs för tillväxt?', 'Framtidens stadskärna'],
  erfarenhet: ['Affärsplanering', 'Trygghet', 'Mobilitet & citylogistik', 'Medlemsengagemang'],
  gemensamt: [
    'Gemensamt finansierad omvärldsanalys',
    'Policy/branschpraxis',
    'Omsättningsstatistik',
    'Politisk påverkan',
    'Etableringar utbyte koncept, etableringskonsekvenser',
  ],
  kollegialt: [],
};

/** A compound word of 46 letters: no space to break a line at. */
export const LONG_WORD = 'Stadskärneutvecklingssamverkansöverenskommelse';
/** 1,000 characters of details with markup, quotes and line breaks in them. */
export const LONG_DETAILS = `${'Lång text med "citat", <b>html</b> & *stjärnor* | rör; semikolon\n'.repeat(15)}`.padEnd(1000, 'ö').slice(0, 1000);

/** Text that tries every format's syntax: formulas, markup, quotes, emoji, control characters. */
export const HOSTILE = {
  title: '"Plan" <script>alert(1)</script> & =SUM(A1) 🚀',
  ideas: [
    { id: 'h1', text: '=HYPERLINK("http://evil.example","klick")', details: LONG_DETAILS },
    { id: 'h2', text: '<img src=x onerror=alert(1)> **fet** [länk](javascript:alert(1))', details: '+46 70 123 45 67' },
    { id: 'h3', text: `${LONG_WORD} 🎉👩‍👩‍👧 åäö ÅÄÖ`, details: '-2+3' },
    { id: 'h4', text: '@SUM(1+1) | pipe | # rubrik', details: 'rad ett\nrad två\r\nrad tre' },
    { id: 'h5', text: '1. inte en lista? \\ snedstreck `kod`', details: 'kontroll\u0007tecken\u0000 bort' },
  ],
} as const;

export function scriptHostile(): Action[] {
  return [
    fac({ type: 'workshop:update', title: HOSTILE.title, planYear: 2027, place: '<Göteborg> & "Malmö"', date: '2026-11-20' }),
    { join: '=cmd|"/c calc"!A1', organisation: '<b>Org</b> "AB"; DROP' },
    { join: `Åsa ${LONG_WORD.slice(0, 30)}`, organisation: '@Kommun 🏙️' },
    fac({ type: 'agenda:goto', stepIndex: 1 }),
    ...HOSTILE.ideas.map(
      (i, n): Action => fac({ type: 'idea:add', ideaId: i.id, boardId: n % 2 === 0 ? 'omvarld' : 'gemensamt', text: i.text, details: i.details }),
    ),
    fac({ type: 'idea:add', ideaId: 'h6', boardId: 'omvarld', text: 'Slås ihop "med" <h1>' }),
    fac({ type: 'idea:add', ideaId: 'h7', boardId: 'omvarld', text: 'Dold =1+1' }),
    fac({ type: 'idea:merge', targetId: 'h1', sourceIds: ['h6'] }),
    fac({ type: 'idea:hide', ideaId: 'h7', hidden: true }),
    fac({ type: 'agenda:goto', stepIndex: 4 }),
    fac({ type: 'voting:open' }),
    ...['h1', 'h1', 'h3', 'h2'].map((ideaId): Action => ({ by: 'participant', name: '=cmd|"/c calc"!A1', command: { type: 'vote:add', ideaId } })),
    ...['h3', 'h3', 'h4'].map((ideaId): Action => ({ by: 'participant', name: `Åsa ${LONG_WORD.slice(0, 30)}`, command: { type: 'vote:add', ideaId } })),
    fac({ type: 'voting:close' }),
    fac({ type: 'focus:suggest', mode: 'threshold', value: 2 }),
    fac({
      type: 'plan:set',
      row: {
        id: 'r1',
        month: '2027-03',
        day: 4,
        start: '09:30',
        end: '11:00',
        kind: 'monthly',
        themeNo: 3,
        theme: `${LONG_WORD} <i>x</i> "y"`,
        ideaId: 'h3',
        host: '=Värd',
        backup: '-Backup',
        comment: 'Rad 1\nRad 2; "citat", komma',
      },
    }),
    fac({ type: 'plan:set', row: { ...row({ id: 'r2', month: '2027-05', kind: 'study' }), theme: '@resa 😀', host: '+Pia' } }),
  ];
}

/** Runs a script through core (decide + evolve), one person per name; every command must be accepted. */
export function runScript(actions: readonly Action[], base: Workshop = newWorkshop()): Workshop {
  let s = base;
  const ids = new Map<string, string>();
  const step = (command: Command, actor: Actor) => {
    const d = decide(s, command, actor, 1_700_000_000_000);
    if (!d.ok) throw new Error(`${command.type} refused: ${d.error.code} ${d.error.message}`);
    for (const e of d.value) s = evolve(s, e);
  };
  for (const a of actions) {
    if ('join' in a) {
      const participantId = `p${ids.size + 1}`;
      ids.set(a.join, participantId);
      step({ type: 'participant:join', participantId, name: a.join, organisation: a.organisation, tokenHash: `hash-${participantId}` }, { role: 'system' });
    } else if (a.by === 'participant') step(a.command, { role: 'participant', participantId: ids.get(a.name) ?? '?' });
    else if ('forName' in a) step(a.command(ids.get(a.forName) ?? '?'), { role: 'facilitator' });
    else step(a.command, { role: 'facilitator' });
  }
  return s;
}

/** A new handlingsplan workshop as the server makes it (created 20 Nov 2026, 10:00 in Sweden). */
export function newWorkshop(lang: 'sv' | 'en' = 'sv'): Workshop {
  const t = templateContent('handlingsplan', lang);
  const d = decide(null, { type: 'workshop:create', workshopId: 'w1', template: 'handlingsplan', lang, ...t }, { role: 'system' }, Date.UTC(2026, 10, 20, 9));
  if (!d.ok) throw new Error(d.error.message);
  const s = d.value.reduce<Workshop | null>(evolve, null);
  if (!s) throw new Error('no workshop');
  return s;
}
