/**
 * The Key Cities Group's 2023 workshop (seed 002) rebuilt from blank through the design schema (issue 10, "done
 * when"): a design written from the document's own texts and timings, parsed by workshopDesignSchema, posted as a
 * new workshop, then run over the wire with the fixture's ideas and dots (ten phones, four people on paper whose
 * ballots the facilitator places) to the document's "Fokus år 2023".
 */
import { describe, expect, it } from 'vitest';
import type { FocusBoard } from '@fokus/core';
import { computeFocus, templateDesign } from '@fokus/core';
import type { CreateWorkshopResponse, DesignFile, TallyView, WorkshopView } from '@fokus/protocol';
import { workshopDesignSchema } from '@fokus/protocol';
import {
  DIMENSIONS_2023,
  DOT_BUDGET_2023,
  GROUPS_2023,
  IDEAS_2023,
  PARTICIPANTS_2023,
  dealDots2023,
} from '../../packages/core/src/fixtures/key-cities-2023.ts';
import type { Client } from '../support/fokus-client.ts';
import { createWorkshop } from '../support/fokus-client.ts';
import { trackedServers } from '../support/tracked.ts';

const servers = trackedServers();

const SAME_PURPOSE = 'För att säkerställa att våra städer ligger i framkant när det gäller stadsutveckling.';

/** The document's pages, as a facilitator would type them into the designer. */
const SEED_BOARDS = [
  {
    id: 'omvarld',
    purpose: SAME_PURPOSE,
    questions: ['Vilka omvärldsfaktorer är intressanta att fördjupa sig i?', 'Vem kan sitta på den informationen?'],
  },
  {
    id: 'erfarenhet',
    purpose: SAME_PURPOSE,
    questions: ['Vad vet du som du kan dela med dig av?', 'Vilken information skulle du behöva?'],
  },
  {
    id: 'gemensamt',
    purpose:
      'KCG driver och utvecklar gemensamma frågor och projekt för att främja utvecklingen av Sveriges stadskärnor. T.ex. policys och riktlinjer i nära samverkan med Svenska Stadskärnor. I förekommande fall kan gemensam upphandling vara av nytta.',
    questions: ['Finns det något vi kan upphandla gemensamt?', 'Kan vi ta fram gemensamma riktlinjer som underlättar?'],
  },
  {
    id: 'kollegialt',
    purpose: 'Nätverket fungerar också som ett kollegialt stöd i olika frågor.',
    questions: ['Vad behöver du stöd i?', 'Vad är du bra på och kan dela med dig av?', 'Skall vi ha roterande faddergrupper?'],
  },
] as const;

/** The document's agenda: its timings where it gives them; the opening, focus and plan have none (0: no countdown). */
const SEED_AGENDA = [
  { id: 'spelregler', kind: 'lobby', title: 'Spelregler & Bästa möjliga möte', prompt: 'Gå med med koden på skärmen.', minutes: 0 },
  {
    id: 'gruppovning',
    kind: 'brainstorm',
    title: 'Nuläge & Behov – Gruppövning',
    prompt:
      'Vilka möjliga samverkansområden ser ni i respektive dimension? Utgå ifrån vad du själv skulle ha nytta av. Fundera gärna på alla dimensioner – är någon extra intressant?',
    minutes: 40,
  },
  { id: 'presentation', kind: 'present', title: 'Presentation och diskussion', prompt: '', minutes: 30 },
  {
    id: 'fundering',
    kind: 'reflect',
    title: 'Målbild & Prioriteringar – Gemensam fundering',
    prompt: 'Vilka dimensioner ska vi fokusera på?',
    minutes: 12,
    phases: [
      { title: 'Individuellt', minutes: 2 },
      { title: 'Diskussion', minutes: 10 },
    ],
  },
  {
    id: 'rostning',
    kind: 'vote',
    title: 'Individuell röstning',
    prompt: 'Dela ut 10 röster på dina mest intressanta samverkansområden',
    minutes: 15,
    phases: [
      { title: 'Individuellt', minutes: 10 },
      { title: 'Röstning', minutes: 5 },
    ],
  },
  { id: 'fokus', kind: 'focus', title: 'Fokus år 2023', prompt: '', minutes: 0 },
  { id: 'handlingsplan', kind: 'plan', title: 'Handlingsplan', prompt: 'Planering vem gör vad och när.', minutes: 0 },
] as const;

const STEP = { brainstorm: 1, vote: 4, focus: 5 } as const;

const design2023 = workshopDesignSchema.parse({
  title: 'Handlingsplan 2023',
  lang: 'sv',
  planYear: 2023,
  rules: ['Allas åsikter är lika viktiga', 'Alla funderingar skall upp på bordet', 'Alla är ansvariga för resultatet'],
  values: [
    'Samarbete och handlingskraft för resultat',
    'Öppenhet och kreativitet för lärande och utveckling',
    'Ansvarstagande och delaktighet för kvalitet och effektivitet',
    'Respekt och omtanke för de människor vi möter',
    'Lustfyllt och roligt för att ge energi',
  ],
  boards: SEED_BOARDS.map((b, i) => ({ ...b, questions: [...b.questions], title: DIMENSIONS_2023[i]?.title })),
  agenda: SEED_AGENDA,
  voting: { budget: DOT_BUDGET_2023, capPerIdea: null, anonymous: true, hideResults: true },
  focus: { mode: 'threshold', value: 6 },
});

/** These four read their ballot out from paper; the facilitator places their dots. */
const ON_PAPER = new Set(['Björn', 'Aljoša', 'Jessica', 'Linda']);

const ideaIds = IDEAS_2023;

const focusLists = (view: WorkshopView, tally: TallyView): Record<string, string[]> => {
  const boards: FocusBoard[] = computeFocus(
    view.boards.map((b) => b.id),
    view.ideas,
    tally.tallies ?? {},
    view.focus,
  );
  const text = new Map(view.ideas.map((i) => [i.id, i.text]));
  return Object.fromEntries(boards.map((b) => [b.boardId, b.items.filter((i) => i.included).map((i) => text.get(i.ideaId) ?? '?')]));
};

async function people(url: string, created: CreateWorkshopResponse, fac: Client): Promise<Map<string, { id: string; phone: Client | null }>> {
  const out = new Map<string, { id: string; phone: Client | null }>();
  for (const name of PARTICIPANTS_2023) {
    if (ON_PAPER.has(name)) {
      const id = `paper-${out.size + 1}`;
      await fac.must({ type: 'participant:add', participantId: id, name, organisation: 'KCG' });
      out.set(name, { id, phone: null });
      continue;
    }
    const phone = await servers.connect(url, { code: created.code, role: 'participant' });
    const ack = await phone.join(name);
    if (!ack.ok) throw new Error(ack.message);
    out.set(name, { id: ack.participantId, phone });
  }
  return out;
}

describe('Key Cities Group 2023, rebuilt from blank through the design schema', () => {
  it('creates the document’s boards, questions and timed agenda, and runs to "Fokus år 2023"', async () => {
    const server = await servers.start();
    const created = await createWorkshop(server.url, { design: design2023 });
    const fac = await servers.connect(server.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
    const { view: first } = (await fac.sync()).view;

    // The workshop is the document's: dimensions, their questions and purposes, agenda with timings and phases.
    expect(first.boards.map((b) => [b.id, b.title])).toEqual(DIMENSIONS_2023.map((d) => [d.boardId, d.title]));
    expect(first.boards.map((b) => b.questions)).toEqual(SEED_BOARDS.map((b) => b.questions));
    expect(first.boards.map((b) => b.purpose)).toEqual(SEED_BOARDS.map((b) => b.purpose));
    expect(first.agenda.map((st) => [st.kind, st.minutes])).toEqual([
      ['lobby', 0],
      ['brainstorm', 40],
      ['present', 30],
      ['reflect', 12],
      ['vote', 15],
      ['focus', 0],
      ['plan', 0],
    ]);
    expect(first.agenda.map((st) => (st.phases ?? []).map((p) => `${p.title} ${p.minutes}`))).toEqual([
      [],
      [],
      [],
      ['Individuellt 2', 'Diskussion 10'],
      ['Individuellt 10', 'Röstning 5'],
      [],
      [],
    ]);
    expect([first.title, first.planYear, first.voting.settings.budget, first.focus.mode, first.focus.value]).toEqual([
      'Handlingsplan 2023',
      2023,
      10,
      'threshold',
      6,
    ]);
    expect(first.rules).toHaveLength(3);
    expect(first.values).toHaveLength(5);
    // The handlingsplan template was made from the same document: the same dimensions and questions.
    const template = templateDesign('handlingsplan', 'sv', 2023);
    expect(template.boards.map((b) => [b.id, b.title, b.questions])).toEqual(first.boards.map((b) => [b.id, b.title, b.questions]));
    // And the design comes back out as it went in.
    const res = await fetch(`${server.url}/api/workshops/${created.code}/design.json`, { headers: { authorization: `Bearer ${created.facilitatorKey}` } });
    expect(((await res.json()) as DesignFile).design).toEqual(design2023);

    // The meeting: 14 people (4 on paper), the three groups, every theme, the dots.
    const who = await people(server.url, created, fac);
    const idOf = (name: string) => who.get(name)?.id ?? '';
    for (const [i, g] of GROUPS_2023.entries()) {
      await fac.must({ type: 'group:create', groupId: `g${i + 1}`, name: g.name });
      for (const m of g.members) await fac.must({ type: 'group:assign', participantId: idOf(m), groupId: `g${i + 1}` });
    }
    await fac.must({ type: 'agenda:goto', stepIndex: STEP.brainstorm });
    for (const [i, { id, boardId, theme }] of ideaIds.entries()) {
      const author = who.get(PARTICIPANTS_2023[i % PARTICIPANTS_2023.length] as string);
      const add = { type: 'idea:add', ideaId: id, boardId, text: theme.text, details: theme.details } as const;
      // A phone writes its own; the facilitator types in what a paper participant wrote.
      if (author?.phone) await author.phone.until((c) => c.view?.view.stepIndex === STEP.brainstorm);
      const ack = await (author?.phone ?? fac).send(add);
      expect(ack.ok, `${theme.text}`).toBe(true);
    }
    await fac.must({ type: 'agenda:goto', stepIndex: STEP.vote });
    await fac.must({ type: 'voting:open' });
    for (const { name, ideaId } of dealDots2023()) {
      const person = who.get(name);
      const ack = person?.phone
        ? await person.phone.send({ type: 'vote:add', ideaId })
        : await fac.send({ type: 'vote:add', ideaId, participantId: idOf(name) });
      expect(ack.ok, `${name} → ${ideaId}`).toBe(true);
    }
    for (const name of ON_PAPER) await fac.must({ type: 'participant:done', done: true, participantId: idOf(name) });
    await fac.must({ type: 'voting:close' });
    await fac.must({ type: 'voting:reveal', revealed: true });
    await fac.must({ type: 'agenda:goto', stepIndex: STEP.focus });
    await fac.must({ type: 'focus:suggest', mode: 'threshold', value: 6 });

    const { view, tally } = await fac.sync();
    expect(tally.tally.dotsUsed).toBe(117);
    expect(tally.tally.done).toBe(ON_PAPER.size);
    // The paper ballots are in the room's figures: each theme carries the document's count.
    const dots = (id: string) => tally.tally.tallies?.[id]?.dots ?? 0;
    expect(ideaIds.map(({ id }) => dots(id))).toEqual(ideaIds.map(({ theme }) => theme.votes));
    const paperDots = view.view.participants?.filter((p) => p.paper).map((p) => Object.values(p.paperBallot ?? {}).reduce((a, b) => a + b, 0));
    expect(paperDots?.length).toBe(4);
    expect(paperDots?.every((n) => n > 0)).toBe(true);

    expect(focusLists(view.view, tally.tally)).toEqual({
      omvarld: ['Studieresa', 'Föredrag: Vad krävs för tillväxt?', 'Framtidens stadskärna'],
      erfarenhet: ['Affärsplanering', 'Trygghet', 'Mobilitet & citylogistik', 'Medlemsengagemang'],
      gemensamt: [
        'Gemensamt finansierad omvärldsanalys',
        'Policy/branschpraxis',
        'Omsättningsstatistik',
        'Etableringar utbyte koncept, etableringskonsekvenser',
      ],
      kollegialt: [],
    });
    // The documentation counts the people on paper like everyone else, and every dot.
    const doc = await fetch(`${server.url}/api/workshops/${created.code}/export.json`, { headers: { authorization: `Bearer ${created.facilitatorKey}` } });
    expect(doc.status).toBe(200);
    const documentation = (await doc.json()) as { participants: { name: string; paper: boolean }[]; voting: { dots: number } };
    expect(documentation.participants.map((p) => p.name).sort()).toEqual([...PARTICIPANTS_2023].sort());
    expect(
      documentation.participants
        .filter((p) => p.paper)
        .map((p) => p.name)
        .sort(),
    ).toEqual([...ON_PAPER].sort());
    expect(documentation.voting.dots).toBe(117);

    // "Politisk påverkan" (5) added by hand, as the network did: 3 + 4 + 5 + 0.
    const politisk = view.view.ideas.find((i) => i.text === 'Politisk påverkan');
    await fac.must({ type: 'focus:toggle', ideaId: politisk?.id ?? '', included: true });
    const after = await fac.sync();
    const lists = focusLists(after.view.view, after.tally.tally);
    expect(Object.values(lists).map((l) => l.length)).toEqual([3, 4, 5, 0]);
    expect(lists['gemensamt']).toContain('Politisk påverkan');
  }, 60_000);
});
