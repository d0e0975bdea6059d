import { describe, expect, it } from 'vitest';
import { buildDocumentation } from './build.ts';
import { documentBlocks } from './blocks.ts';
import { FOKUS_2023, HOSTILE, ORGANISATIONS_2023, newWorkshop, runScript, script2023, scriptHostile } from './test-workshops.ts';

const NOW = Date.UTC(2026, 11, 2, 12);
const doc2023 = buildDocumentation(runScript(script2023()), { joinCode: 'ABC234', now: NOW });

describe('buildDocumentation, the 2023 meeting', () => {
  it('carries the meeting: title, "Fokus år 2023", date, place, code', () => {
    expect(doc2023).toMatchObject({
      schemaVersion: 1,
      lang: 'sv',
      title: 'Handlingsplan 2023',
      planYear: 2023,
      focusTitle: 'Fokus år 2023',
      planTitle: 'Handlingsplan 2023',
      date: '2022-11-18',
      dateLabel: '18 november 2022',
      place: 'Västerås',
      joinCode: 'ABC234',
      generatedAt: '2026-12-02T12:00:00.000Z',
    });
  });

  it('lists the 14 people by name with organisation and group', () => {
    expect(doc2023.participants).toHaveLength(14);
    // Swedish order: Å after Z, so Aljoša (A) first and Björn after Armina.
    expect(doc2023.participants.slice(0, 3).map((p) => p.name)).toEqual(['Aljoša', 'Armina', 'Björn']);
    const pia = doc2023.participants.find((p) => p.name === 'Pia');
    expect(pia).toMatchObject({ organisation: ORGANISATIONS_2023['Pia'], group: 'Grupp 1', paper: false });
    expect(doc2023.groups.map((g) => [g.name, g.members.length])).toEqual([
      ['Grupp 1', 3],
      ['Grupp 2', 4],
      ['Grupp 3', 4],
    ]);
  });

  it('ranks every idea with shared competition ranks and keeps the theme numbers', () => {
    const omvarld = doc2023.boards[0];
    expect(omvarld?.ranking.map((i) => [i.rank, i.text, i.dots])).toEqual([
      [1, 'Studieresa', 11],
      [2, 'Föredrag: Vad krävs för tillväxt?', 8],
      [2, 'Framtidens stadskärna', 8],
      [4, 'Aktuella föredrag', 4],
      [5, 'Finansiering', 3],
      [6, 'Info tidö/BID', 0],
      [6, 'Hur gör vi med Kairos?', 0],
      [6, 'Ekonomisk utveckling i samhället', 0],
      [6, 'Delge varandra artiklar, rapporter, nyheter', 0],
    ]);
    expect(omvarld?.ranking.map((i) => i.themeNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const all = doc2023.boards.flatMap((b) => b.ranking);
    expect(all).toHaveLength(39);
    expect(all.reduce((n, i) => n + i.dots, 0)).toBe(117);
    expect(doc2023.voting).toEqual({ status: 'closed', anonymous: true, budget: 10, dots: 117 });
  });

  it('gives "Fokus år 2023" as the seed has it, with Politisk påverkan added by hand', () => {
    const lists = Object.fromEntries(doc2023.boards.map((b) => [b.id, b.focus.map((i) => i.text)]));
    const sorted = (l: Record<string, readonly string[]>) => Object.fromEntries(Object.entries(l).map(([k, v]) => [k, [...v].sort()]));
    expect(sorted(lists)).toEqual(sorted(FOKUS_2023));
    const politisk = doc2023.boards[2]?.focus.find((i) => i.text === 'Politisk påverkan');
    expect(politisk).toMatchObject({ dots: 5, manual: 'added', focus: true });
  });

  it('sorts the plan by date and lays it into thirteen months from January to January', () => {
    expect(doc2023.plan.map((r) => r.month)).toEqual([
      '2023-01',
      '2023-02',
      '2023-03',
      '2023-04',
      '2023-05',
      '2023-06',
      '2023-08',
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
    ]);
    expect(doc2023.calendar.map((m) => m.label)).toEqual([
      'Januari',
      'Februari',
      'Mars',
      'April',
      'Maj',
      'Juni',
      'Juli',
      'Augusti',
      'September',
      'Oktober',
      'November',
      'December',
      'Januari 2024',
    ]);
    expect(doc2023.calendar.map((m) => m.rows.length)).toEqual([1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]);
    const dec = doc2023.calendar[11]?.rows[0];
    expect(dec).toMatchObject({ kindLabel: 'Månadsmöte', hostLabel: 'Linda (Björn)', when: '4 december 09:00–10:00', themeNo: 2 });
    expect(doc2023.calendar[9]?.rows[0]?.when).toBe('oktober');
    expect(doc2023.calendar[12]?.rows[0]?.when).toBe('15 januari 2024');
  });

  it('names open questions: unfocused themes phrased as questions', () => {
    expect(doc2023.openQuestions.map((q) => q.text)).toEqual([
      'Hur gör vi med Kairos?',
      'Hur få in kultur?',
      'Engagera oss i att lyfta rollen hos svenska centrumutvecklare. Vad bidra med?',
    ]);
  });

  it('gives the agenda its phases, and clock times once the start is known', () => {
    expect(doc2023.agenda.every((s) => s.start === null)).toBe(true);
    const timed = buildDocumentation(runScript(script2023()), { joinCode: 'ABC234', now: NOW, startTime: '09:00' });
    expect(timed.agenda.map((s) => `${s.start}–${s.end}`)).toEqual([
      '09:00–09:05',
      '09:05–09:45',
      '09:45–10:15',
      '10:15–10:27',
      '10:27–10:42',
      '10:42–10:52',
      '10:52–11:22',
    ]);
    expect(timed.agenda[3]?.phases).toEqual([
      { title: 'enskilt', minutes: 2, start: '10:15', end: '10:17' },
      { title: 'diskussion', minutes: 10, start: '10:17', end: '10:27' },
    ]);
  });
});

describe('buildDocumentation, edge cases', () => {
  it('counts only the tallies it is given (the anonymity gate’s released figures)', () => {
    const s = runScript(script2023({ withPlan: false }));
    const doc = buildDocumentation(s, { joinCode: 'ABC234', now: NOW, tallies: { 'omvarld-5': { dots: 3, voters: 2 } } });
    expect(doc.voting.dots).toBe(3);
    expect(doc.boards[0]?.ranking[0]).toMatchObject({ text: 'Finansiering', dots: 3, voters: 2, rank: 1 });
  });

  it('leaves removed people out and keeps hidden and merged ideas, flagged', () => {
    const s = runScript([
      ...scriptHostile(),
      { by: 'facilitator', forName: '=cmd|"/c calc"!A1', command: (participantId) => ({ type: 'participant:remove', participantId }) },
    ]);
    const doc = buildDocumentation(s, { joinCode: 'ABC234', now: NOW });
    expect(doc.participants.map((p) => p.name)).toEqual([expect.stringMatching(/^Åsa /)]);
    const omvarld = doc.boards[0];
    expect(omvarld?.hidden).toMatchObject([{ text: 'Dold =1+1', hidden: true, rank: null }]);
    expect(omvarld?.ranking.find((i) => i.id === 'h1')?.merged).toEqual(['Slås ihop "med" <h1>']);
  });

  it('counts people added on paper like everyone, marked as such', () => {
    const s = runScript([
      ...script2023({ withPlan: false }),
      { by: 'facilitator', command: { type: 'participant:add', participantId: 'paper1', name: 'Ulla', organisation: 'Umeå City' } },
    ]);
    const doc = buildDocumentation(s, { joinCode: 'ABC234', now: NOW });
    expect(doc.participants).toHaveLength(15);
    expect(doc.participants.find((p) => p.name === 'Ulla')).toMatchObject({ organisation: 'Umeå City', paper: true, group: null });
    expect(doc.participants.filter((p) => p.paper)).toHaveLength(1);
  });

  it('keeps hostile text as written, less the control characters no file can hold', () => {
    const doc = buildDocumentation(runScript(scriptHostile()), { joinCode: 'ABC234', now: NOW });
    expect(doc.title).toBe(HOSTILE.title);
    const ideas = doc.boards.flatMap((b) => b.ranking);
    expect(ideas.find((i) => i.id === 'h1')?.details).toHaveLength(1000);
    expect(ideas.find((i) => i.id === 'h5')?.details).toBe('kontrolltecken bort');
    expect(ideas.find((i) => i.id === 'h4')?.details).toBe('rad ett\nrad två\nrad tre');
    expect(ideas.find((i) => i.id === 'h3')?.text).toBe(HOSTILE.ideas[2].text);
  });

  it('documents an empty workshop: the four dimensions with no ideas, no plan, no questions', () => {
    const doc = buildDocumentation(newWorkshop('en'), { joinCode: 'ABC234', now: NOW });
    expect(doc).toMatchObject({ lang: 'en', title: 'Action plan', date: '2026-11-20', participants: [], plan: [], openQuestions: [] });
    expect(doc.focusTitle).toBe(`Focus ${doc.planYear}`);
    expect(doc.boards.map((b) => b.ranking.length)).toEqual([0, 0, 0, 0]);
    expect(doc.calendar).toHaveLength(13);
    const blocks = documentBlocks(doc);
    expect(blocks.filter((b) => b.type === 'table' || b.type === 'calendar')).toHaveLength(1); // the agenda only
  });

  it('takes the meeting day in Sweden when the workshop has none (created 00:30 Swedish time)', () => {
    const s = { ...newWorkshop(), date: '', createdAt: Date.UTC(2026, 10, 19, 23, 30) };
    expect(buildDocumentation(s, { joinCode: 'ABC234', now: NOW }).date).toBe('2026-11-20');
  });
});
