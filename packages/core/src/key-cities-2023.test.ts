/** Replays the Key Cities Group 2023 workshop (seed 002) through commands and checks the document's outcome. */
import { describe, expect, it } from 'vitest';
import type { FocusBoard } from './focus.ts';
import { computeFocus } from './focus.ts';
import { DIMENSIONS_2023, GROUPS_2023, IDEAS_2023, PARTICIPANTS_2023, dealDots2023 } from './fixtures/key-cities-2023.ts';
import type { Workshop } from './model.ts';
import { rankIdeas, tallyOf } from './ranking.ts';
import type { Step } from './test-helpers.ts';
import { createWorkshop, fac, join, P, run, runFrom, STEP, vote } from './test-helpers.ts';
import { dotsSpent } from './voting.ts';
import { ballotsAsRecord } from './ballots.ts';
import { allParticipants, participantOf } from './participants.ts';

const pid = (name: string) => `p-${name}`;
const ideaIds = IDEAS_2023;

/** The seed's dots, each one a phone's vote:add. */
function dealDots(): Step[] {
  return dealDots2023().map(({ name, ideaId }) => vote(pid(name), ideaId));
}

function workshop2023(): Workshop {
  const groupSteps: Step[] = GROUPS_2023.flatMap((g, i) => [
    fac({ type: 'group:create', groupId: `g${i + 1}`, name: g.name }),
    ...g.members.map((m) => fac({ type: 'group:assign', participantId: pid(m), groupId: `g${i + 1}` })),
  ]);
  // Each participant writes ideas in turn, in the document's order.
  const ideaSteps: Step[] = ideaIds.map(({ id, boardId, theme }, i) => [
    { type: 'idea:add', ideaId: id, boardId, text: theme.text, details: theme.details },
    P(pid(PARTICIPANTS_2023[i % PARTICIPANTS_2023.length] as string)),
  ]);
  return run([
    createWorkshop('handlingsplan', 'sv'),
    ...PARTICIPANTS_2023.map((name) => join(pid(name), name)),
    ...groupSteps,
    fac({ type: 'agenda:goto', stepIndex: STEP.brainstorm }),
    ...ideaSteps,
    fac({ type: 'agenda:goto', stepIndex: STEP.vote }),
    fac({ type: 'voting:open' }),
    ...dealDots(),
    fac({ type: 'voting:close' }),
    fac({ type: 'voting:reveal', revealed: true }),
    fac({ type: 'agenda:goto', stepIndex: STEP.focus }),
    fac({ type: 'focus:suggest', mode: 'threshold', value: 6 }),
  ]);
}

const s = workshop2023();
const textOf = (st: Workshop, id: string) => st.ideas[id]?.text;
const ranking = (st: Workshop, boardId: string) => rankIdeas(Object.values(st.ideas), tallyOf(st), boardId).map((r) => [textOf(st, r.ideaId), r.dots]);
const focusLists = (st: Workshop): Record<string, (string | undefined)[]> => {
  const boards: FocusBoard[] = computeFocus(
    st.boards.map((b) => b.id),
    Object.values(st.ideas),
    tallyOf(st),
    st.focus,
  );
  return Object.fromEntries(boards.map((b) => [b.boardId, b.items.filter((i) => i.included).map((i) => textOf(st, i.ideaId))]));
};

describe('Key Cities Group 2023', () => {
  it('has the four dimensions of the handlingsplan template', () => {
    expect(s.boards.map((b) => [b.id, b.title])).toEqual(DIMENSIONS_2023.map((d) => [d.boardId, d.title]));
  });

  it('seats 14 people, 11 of them in the three groups', () => {
    const ps = allParticipants(s);
    expect(ps).toHaveLength(14);
    expect(ps.filter((p) => p.groupId !== null)).toHaveLength(11);
    expect(participantOf(s, pid('Aljoša'))?.name).toBe('Aljoša');
  });

  it('casts every count, some stacked, nobody over ten dots', () => {
    const ballots = Object.values(ballotsAsRecord(s.votes));
    expect(Math.max(...ballots.map((b) => dotsSpent(b)))).toBeLessThanOrEqual(10);
    expect(Math.max(...ballots.flatMap((b) => Object.values(b)))).toBe(2);
    expect(ballots.reduce((n, b) => n + dotsSpent(b), 0)).toBe(117);
    expect(s.voting).toMatchObject({ status: 'closed', revealed: true });
  });

  it('ranks Omvärldsbevakning as the document lists it', () => {
    expect(ranking(s, 'omvarld')).toEqual([
      ['Studieresa', 11],
      ['Föredrag: Vad krävs för tillväxt?', 8],
      ['Framtidens stadskärna', 8],
      ['Aktuella föredrag', 4],
      ['Finansiering', 3],
      ['Info tidö/BID', 0],
      ['Hur gör vi med Kairos?', 0],
      ['Ekonomisk utveckling i samhället', 0],
      ['Delge varandra artiklar, rapporter, nyheter', 0],
    ]);
    const ranks = rankIdeas(Object.values(s.ideas), tallyOf(s), 'omvarld').map((r) => r.rank);
    expect(ranks).toEqual([1, 2, 2, 4, 5, 6, 6, 6, 6]);
  });

  it('ranks Erfarenhetsutbyte & kompetensutveckling as the document lists it', () => {
    expect(ranking(s, 'erfarenhet')).toEqual([
      ['Affärsplanering', 7],
      ['Trygghet', 7],
      ['Mobilitet & citylogistik', 6],
      ['Medlemsengagemang', 6],
      ['Kompetens, personlig utveckling, UGL? Vilken kompetens behövs i framtiden', 5],
      ['Finansiering', 3],
      ['Organisatorisk effektivitet', 1],
      ['Presentkort', 1],
      ['Besöksflöden', 1],
      ['Hållbarhet', 0],
      ['Marknadsföra staden/platsvarumärket', 0],
      ['Engagemang styrelse, sammansättning, nyckelroller, utbyte & kontaktnät', 0],
      ['Ta med styrelseordf till KCG', 0],
      ['Hur jobba med undersökningar', 0],
      ['KCM', 0],
      ['Samverka i Länsstyrelsen SKR', 0],
    ]);
  });

  it('ranks Gemensamma frågor & projekt by dots', () => {
    // The document lists "Politisk påverkan" (5) above "Etableringar…" (6), its one line out of dot order;
    // the ranking goes by dots.
    expect(ranking(s, 'gemensamt')).toEqual([
      ['Gemensamt finansierad omvärldsanalys', 10],
      ['Policy/branschpraxis', 8],
      ['Omsättningsstatistik', 7],
      ['Etableringar utbyte koncept, etableringskonsekvenser', 6],
      ['Politisk påverkan', 5],
      ['Koppla vår verksamhet till hållbarhetsmål', 4],
      ['Hur få in kultur?', 3],
      ['Gemensam bild av framtidens stadskärna, enas om vad vi säger', 2],
      ['Avtalsmallar, medlems avtal, upphandlingar, leverantörer', 0],
    ]);
  });

  it('ranks Kollegialt stöd as the document lists it', () => {
    expect(ranking(s, 'kollegialt')).toEqual([
      ['Fadderverksamhet/tvilling', 1],
      ['Engagera oss i att lyfta rollen hos svenska centrumutvecklare. Vad bidra med?', 0],
      ['Gränsdragning SSK, CU, KCG', 0],
      ['Utrymme för rådgivning', 0],
      ['Överens om hur vi bemöter frågor och utsträckta händer.', 0],
    ]);
  });

  it('puts Studieresa 11 on top overall', () => {
    const [first, second] = rankIdeas(Object.values(s.ideas), tallyOf(s));
    expect([textOf(s, first?.ideaId ?? ''), first?.dots, first?.rank]).toEqual(['Studieresa', 11, 1]);
    expect([textOf(s, second?.ideaId ?? ''), second?.dots]).toEqual(['Gemensamt finansierad omvärldsanalys', 10]);
  });

  it('threshold 6 suggests exactly the bold themes (3 + 4 + 4 + 0)', () => {
    expect(focusLists(s)).toEqual({
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
  });

  it('adding "Politisk påverkan" by hand gives "Fokus år 2023" (3 + 4 + 5 + 0)', () => {
    const politisk = Object.values(s.ideas).find((i) => i.text === 'Politisk påverkan');
    if (!politisk) throw new Error('Politisk påverkan missing');
    const after = runFrom(s, [fac({ type: 'focus:toggle', ideaId: politisk.id, included: true })]);
    // The "Fokus år 2023" list, in the document's order.
    const fokus2023 = {
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
    const sorted = (lists: Record<string, (string | undefined)[]>) => Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v].sort()]));
    expect(sorted(focusLists(after))).toEqual(sorted(fokus2023));
    expect(Object.values(focusLists(after)).map((l) => l.length)).toEqual([3, 4, 5, 0]);
  });
});
