/**
 * Every word the documentation prints, in Swedish and English: headings, column names, meeting kinds, months.
 * One source for the model, every export format and the printable page, so they never disagree.
 */
import type { Lang, MeetingKind } from '@fokus/core';

export interface Words {
  focusTitle: (year: number) => string;
  planTitle: (year: number) => string;
  date: string;
  place: string;
  participants: string;
  participantCount: (n: number) => string;
  groups: string;
  rules: string;
  values: string;
  agenda: string;
  boards: string;
  purpose: string;
  questions: string;
  votes: string;
  hiddenIdeas: string;
  mergedWith: string;
  calendar: string;
  planTable: string;
  openQuestions: string;
  openQuestionsNote: string;
  none: string;
  noPlan: string;
  votingOpen: string;
  votingIdle: string;
  dotsSummary: (dots: number, budget: number) => string;
  generated: (when: string) => string;
  /** "Sida 3 av 7" around the two numbers, which DOCX fills in as fields. */
  pageOf: readonly [string, string];
  contents: string;
  minutes: string;
  yes: string;
  no: string;
  hidden: string;
  visible: string;
  merged: (themeNo: number) => string;
  addedByHand: string;
  themeRef: (n: number) => string;
  dotsCount: (n: number) => string;
  /** How many people put the dots there. */
  votersCount: (n: number) => string;
  /** Column names, used as headers by every table, CSV and sheet. */
  col: {
    themeNo: string;
    theme: string;
    dimension: string;
    details: string;
    dots: string;
    voters: string;
    rank: string;
    focus: string;
    host: string;
    backup: string;
    month: string;
    day: string;
    start: string;
    end: string;
    kind: string;
    comment: string;
    name: string;
    organisation: string;
    group: string;
    status: string;
    merged: string;
    time: string;
    step: string;
    content: string;
    when: string;
  };
  /** Sheet names of the workbook (Excel allows 31 characters, no []:*?/\). */
  sheet: { ranking: string; plan: string; participants: string; ideas: string };
  kind: Record<MeetingKind, string>;
  /** January … December, capitalised as a heading. */
  months: readonly string[];
  /** The same in running text ("4 mars"). */
  monthsLower: readonly string[];
}

const sv: Words = {
  focusTitle: (year) => `Fokus år ${year}`,
  planTitle: (year) => `Handlingsplan ${year}`,
  date: 'Datum',
  place: 'Plats',
  participants: 'Deltagare',
  participantCount: (n) => (n === 1 ? '1 deltagare' : `${n} deltagare`),
  groups: 'Gruppindelning',
  rules: 'Spelregler',
  values: 'Vår värdegrund – Bästa möjliga möte',
  agenda: 'Dagordning',
  boards: 'Identifiering och prioritering av möjliga samverkansområden',
  purpose: 'Syfte',
  questions: 'Frågor',
  votes: 'Röster',
  hiddenIdeas: 'Dolda',
  mergedWith: 'sammanslagen med',
  calendar: 'Årskalender',
  planTable: 'Årets teman & träffar',
  openQuestions: 'Funderingar',
  openQuestionsNote: 'Teman formulerade som frågor som inte kom med i fokus.',
  none: '(inga)',
  noPlan: 'Ingen handlingsplan ännu.',
  votingOpen: 'Röstningen pågår: siffrorna är preliminära.',
  votingIdle: 'Ingen röstning ännu.',
  dotsSummary: (dots, budget) => `${dots} röster lagda, ${budget} per person.`,
  generated: (when) => `Skapad med Fokus ${when}`,
  pageOf: ['Sida ', ' av '],
  contents: 'Innehåll',
  minutes: 'min',
  yes: 'ja',
  no: 'nej',
  hidden: 'Dold',
  visible: 'Synlig',
  merged: (themeNo) => `Sammanslagen i tema ${themeNo}`,
  addedByHand: 'tillagd för hand',
  themeRef: (n) => `tema ${n}`,
  dotsCount: (n) => (n === 1 ? '1 röst' : `${n} röster`),
  votersCount: (n) => (n === 1 ? 'från 1 person' : `från ${n} personer`),
  col: {
    themeNo: 'Tema #',
    theme: 'Tema',
    dimension: 'Dimension',
    details: 'Detaljer',
    dots: 'Röster',
    voters: 'Röstande',
    rank: 'Placering',
    focus: 'Fokus',
    host: 'Värd',
    backup: 'Backup',
    month: 'Månad',
    day: 'Dag',
    start: 'Start',
    end: 'Slut',
    kind: 'Mötestyp',
    comment: 'Kommentar',
    name: 'Namn',
    organisation: 'Organisation',
    group: 'Grupp',
    status: 'Status',
    merged: 'Sammanslagna',
    time: 'Tid',
    step: 'Steg',
    content: 'Innehåll',
    when: 'När',
  },
  sheet: { ranking: 'Ranking', plan: 'Plan', participants: 'Deltagare', ideas: 'Idéer' },
  kind: { physical: 'Fysiskt möte', monthly: 'Månadsmöte', all: 'Möte för alla', study: 'Studieresa', other: 'Annat' },
  months: ['Januari', 'Februari', 'Mars', 'April', 'Maj', 'Juni', 'Juli', 'Augusti', 'September', 'Oktober', 'November', 'December'],
  monthsLower: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
};

const en: Words = {
  focusTitle: (year) => `Focus ${year}`,
  planTitle: (year) => `Action plan ${year}`,
  date: 'Date',
  place: 'Place',
  participants: 'Participants',
  participantCount: (n) => (n === 1 ? '1 participant' : `${n} participants`),
  groups: 'Groups',
  rules: 'Ground rules',
  values: 'Our values – the best possible meeting',
  agenda: 'Agenda',
  boards: 'Possible areas of collaboration, identified and prioritised',
  purpose: 'Purpose',
  questions: 'Questions',
  votes: 'Votes',
  hiddenIdeas: 'Hidden',
  mergedWith: 'merged with',
  calendar: 'Year calendar',
  planTable: "This year's themes & meetings",
  openQuestions: 'Open questions',
  openQuestionsNote: 'Themes phrased as questions that did not make the focus list.',
  none: '(none)',
  noPlan: 'No action plan yet.',
  votingOpen: 'Voting is open: the figures are provisional.',
  votingIdle: 'No voting yet.',
  dotsSummary: (dots, budget) => `${dots} votes placed, ${budget} per person.`,
  generated: (when) => `Made with Fokus ${when}`,
  pageOf: ['Page ', ' of '],
  contents: 'Contents',
  minutes: 'min',
  yes: 'yes',
  no: 'no',
  hidden: 'Hidden',
  visible: 'Visible',
  merged: (themeNo) => `Merged into theme ${themeNo}`,
  addedByHand: 'added by hand',
  themeRef: (n) => `theme ${n}`,
  dotsCount: (n) => (n === 1 ? '1 vote' : `${n} votes`),
  votersCount: (n) => (n === 1 ? 'from 1 person' : `from ${n} people`),
  col: {
    themeNo: 'Theme #',
    theme: 'Theme',
    dimension: 'Dimension',
    details: 'Details',
    dots: 'Votes',
    voters: 'Voters',
    rank: 'Rank',
    focus: 'Focus',
    host: 'Host',
    backup: 'Backup',
    month: 'Month',
    day: 'Day',
    start: 'Start',
    end: 'End',
    kind: 'Meeting',
    comment: 'Comment',
    name: 'Name',
    organisation: 'Organisation',
    group: 'Group',
    status: 'Status',
    merged: 'Merged',
    time: 'Time',
    step: 'Step',
    content: 'Content',
    when: 'When',
  },
  sheet: { ranking: 'Ranking', plan: 'Plan', participants: 'Participants', ideas: 'Ideas' },
  kind: { physical: 'Physical meeting', monthly: 'Monthly meeting', all: 'Meeting for all', study: 'Study trip', other: 'Other' },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  monthsLower: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const WORDS: Record<Lang, Words> = { sv, en };

export function wordsFor(lang: Lang): Words {
  return WORDS[lang];
}
