import type { AgendaStep, Board, Lang, TemplateId } from './model.ts';
import { DEFAULT_FOCUS, DEFAULT_VOTING } from './model.ts';
import type { WorkshopDesign } from './design.ts';

/** What a template gives a new workshop: its boards, agenda, ground rules and values, in one language. */
export interface TemplateContent {
  title: string;
  rules: string[];
  values: string[];
  /** What a note may be filed under: the seed's groupings for the question round, none elsewhere. */
  categories: string[];
  boards: Board[];
  agenda: AgendaStep[];
}

const SAME_PURPOSE_SV = 'För att säkerställa att våra städer ligger i framkant när det gäller stadsutveckling.';
const SAME_PURPOSE_EN = 'To make sure our cities stay at the forefront of urban development.';

const handlingsplan: Record<Lang, TemplateContent> = {
  sv: {
    title: 'Handlingsplan',
    rules: ['Allas åsikter är lika viktiga', 'Alla funderingar skall upp på bordet', 'Alla är ansvariga för resultatet'],
    values: [
      'Samarbete och handlingskraft för resultat',
      'Öppenhet och kreativitet för lärande och utveckling',
      'Ansvarstagande och delaktighet för kvalitet och effektivitet',
      'Respekt och omtanke för de människor vi möter',
      'Lustfyllt och roligt för att ge energi',
    ],
    categories: [],
    boards: [
      {
        id: 'omvarld',
        title: 'Omvärldsbevakning',
        purpose: SAME_PURPOSE_SV,
        questions: ['Vilka omvärldsfaktorer är intressanta att fördjupa sig i?', 'Vem kan sitta på den informationen?'],
      },
      {
        id: 'erfarenhet',
        title: 'Erfarenhetsutbyte & kompetensutveckling',
        purpose: SAME_PURPOSE_SV,
        questions: ['Vad vet du som du kan dela med dig av?', 'Vilken information skulle du behöva?'],
      },
      {
        id: 'gemensamt',
        title: 'Gemensamma frågor & projekt',
        purpose: 'Driver och utvecklar gemensamma frågor och projekt, t.ex. policys och riktlinjer; i förekommande fall gemensam upphandling.',
        questions: ['Finns det något vi kan upphandla gemensamt?', 'Kan vi ta fram gemensamma riktlinjer som underlättar?'],
      },
      {
        id: 'kollegialt',
        title: 'Kollegialt stöd',
        purpose: 'Nätverket fungerar också som ett kollegialt stöd i olika frågor.',
        questions: ['Vad behöver du stöd i?', 'Vad är du bra på och kan dela med dig av?', 'Skall vi ha roterande faddergrupper?'],
      },
    ],
    agenda: [
      { id: 'valkommen', kind: 'lobby', title: 'Välkommen', prompt: 'Gå med med koden på skärmen.', minutes: 5 },
      {
        id: 'gruppovning',
        kind: 'brainstorm',
        title: 'Nuläge & Behov – Gruppövning',
        prompt:
          'Vilka möjliga samverkansområden ser ni i respektive dimension? Utgå ifrån vad du själv skulle ha nytta av. Fundera gärna på alla dimensioner – är någon extra intressant?',
        minutes: 40,
      },
      {
        id: 'presentation',
        kind: 'present',
        title: 'Presentation och diskussion',
        prompt: 'Varje grupp presenterar. Dubbletter slås ihop.',
        minutes: 30,
      },
      {
        id: 'fundering',
        kind: 'reflect',
        title: 'Målbild & Prioriteringar – Gemensam fundering',
        prompt: 'Vilka dimensioner ska vi fokusera på? Fundera först själv, sedan diskuterar vi.',
        minutes: 12,
        phases: [
          { title: 'enskilt', minutes: 2 },
          { title: 'diskussion', minutes: 10 },
        ],
      },
      {
        id: 'rostning',
        kind: 'vote',
        title: 'Individuell röstning',
        prompt: 'Dela ut 10 röster på dina mest intressanta samverkansområden.',
        minutes: 15,
        phases: [
          { title: 'enskilt', minutes: 10 },
          { title: 'röstning', minutes: 5 },
        ],
      },
      { id: 'fokus', kind: 'focus', title: 'Fokus', prompt: 'De högst rankade områdena blir årets fokus.', minutes: 10 },
      {
        id: 'handlingsplan',
        kind: 'plan',
        title: 'Handlingsplan',
        prompt: 'Vem gör vad och när? Månad, tema, värd och backup.',
        minutes: 30,
      },
    ],
  },
  en: {
    title: 'Action plan',
    rules: ["Everyone's opinion matters equally", 'Every thought goes on the table', 'Everyone is responsible for the result'],
    values: [
      'Collaboration and drive for results',
      'Openness and creativity for learning and development',
      'Responsibility and participation for quality and efficiency',
      'Respect and care for the people we meet',
      'Enjoyment and fun to give energy',
    ],
    categories: [],
    boards: [
      {
        id: 'omvarld',
        title: 'Horizon scanning',
        purpose: SAME_PURPOSE_EN,
        questions: ['Which outside factors are worth a closer look?', 'Who might hold that information?'],
      },
      {
        id: 'erfarenhet',
        title: 'Experience exchange & skills',
        purpose: SAME_PURPOSE_EN,
        questions: ['What do you know that you can share?', 'What information would you need?'],
      },
      {
        id: 'gemensamt',
        title: 'Shared issues & projects',
        purpose: 'Drive shared issues and projects, e.g. policies and guidelines; joint procurement where useful.',
        questions: ['Is there something we could procure together?', 'Could shared guidelines make things easier?'],
      },
      {
        id: 'kollegialt',
        title: 'Peer support',
        purpose: 'The network is also a place for peer support.',
        questions: ['What do you need support with?', 'What are you good at and can share?', 'Should we have rotating buddy groups?'],
      },
    ],
    agenda: [
      { id: 'valkommen', kind: 'lobby', title: 'Welcome', prompt: 'Join with the code on the screen.', minutes: 5 },
      {
        id: 'gruppovning',
        kind: 'brainstorm',
        title: 'Current state & needs – Group exercise',
        prompt:
          'Which areas of collaboration do you see in each dimension? Start from what you yourself would benefit from. Consider all dimensions – is one of them extra interesting?',
        minutes: 40,
      },
      {
        id: 'presentation',
        kind: 'present',
        title: 'Presentation and discussion',
        prompt: 'Each group presents. Duplicates are merged.',
        minutes: 30,
      },
      {
        id: 'fundering',
        kind: 'reflect',
        title: 'Goals & priorities – Shared reflection',
        prompt: 'Which dimensions should we focus on? Think on your own first, then we discuss.',
        minutes: 12,
        phases: [
          { title: 'on your own', minutes: 2 },
          { title: 'discussion', minutes: 10 },
        ],
      },
      {
        id: 'rostning',
        kind: 'vote',
        title: 'Individual voting',
        prompt: 'Spread 10 votes over the areas you find most interesting.',
        minutes: 15,
        phases: [
          { title: 'on your own', minutes: 10 },
          { title: 'voting', minutes: 5 },
        ],
      },
      { id: 'fokus', kind: 'focus', title: 'Focus', prompt: "The highest ranked areas become this year's focus.", minutes: 10 },
      {
        id: 'handlingsplan',
        kind: 'plan',
        title: 'Action plan',
        prompt: 'Who does what, and when? Month, theme, host and backup.',
        minutes: 30,
      },
    ],
  },
};

const FRAGOR_SV = [
  ['Hur ser ditt samarbete ut idag med kommunen?', 'Vad fungerar? Vad kan förbättras? Är alla med? Om inte, vad beror det på?'],
  ['Vad krävs för att utveckla samarbetet med kommunen?', 'Vilka aktörer/intressenter bör ingå, ansvarsfördelning, ekonomi etc.'],
  ['Vilka gemensamma utmaningar och möjligheter finns?', 'Beskriv gärna goda exempel och ge tips och råd.'],
  ['Hur går vi vidare?', ''],
  ['Förslag på nästa tema', ''],
] as const;
const FRAGOR_EN = [
  ['How does your collaboration with the municipality work today?', 'What works? What could improve? Is everyone involved? If not, why?'],
  ['What does it take to develop the collaboration with the municipality?', 'Which actors should take part, who is responsible, funding etc.'],
  ['Which shared challenges and opportunities are there?', 'Good examples, tips and advice are welcome.'],
  ['How do we move on?', ''],
  ['Suggestions for the next theme', ''],
] as const;

function questionBoards(rows: ReadonlyArray<readonly [string, string]>): Board[] {
  return rows.map(([title, hint], i) => ({ id: `fraga-${i + 1}`, title, purpose: hint, questions: [] }));
}

const fragerunda: Record<Lang, TemplateContent> = {
  sv: {
    title: 'Frågerunda',
    rules: handlingsplan.sv.rules,
    values: handlingsplan.sv.values,
    categories: ['Förbättringar', 'Utmaningar', 'Möjligheter', 'Önskemål'],
    boards: questionBoards(FRAGOR_SV),
    agenda: [
      { id: 'valkommen', kind: 'lobby', title: 'Välkommen', prompt: 'Gå med med koden på skärmen.', minutes: 5 },
      { id: 'fragor', kind: 'brainstorm', title: 'Frågorna', prompt: 'Skriv korta punkter under varje fråga.', minutes: 60 },
      { id: 'genomgang', kind: 'present', title: 'Genomgång', prompt: 'Vi går igenom svaren tillsammans.', minutes: 20 },
      { id: 'rostning', kind: 'vote', title: 'Röstning', prompt: 'Rösta på det som är viktigast, särskilt nästa tema.', minutes: 10 },
      { id: 'fokus', kind: 'focus', title: 'Fokus', prompt: 'Det här tar vi med oss.', minutes: 10 },
    ],
  },
  en: {
    title: 'Question round',
    rules: handlingsplan.en.rules,
    values: handlingsplan.en.values,
    categories: ['Improvements', 'Challenges', 'Opportunities', 'Wishes'],
    boards: questionBoards(FRAGOR_EN),
    agenda: [
      { id: 'valkommen', kind: 'lobby', title: 'Welcome', prompt: 'Join with the code on the screen.', minutes: 5 },
      { id: 'fragor', kind: 'brainstorm', title: 'The questions', prompt: 'Write short notes under each question.', minutes: 60 },
      { id: 'genomgang', kind: 'present', title: 'Review', prompt: 'We go through the answers together.', minutes: 20 },
      { id: 'rostning', kind: 'vote', title: 'Voting', prompt: 'Vote for what matters most, not least the next theme.', minutes: 10 },
      { id: 'fokus', kind: 'focus', title: 'Focus', prompt: 'This is what we take with us.', minutes: 10 },
    ],
  },
};

const blank: Record<Lang, TemplateContent> = {
  sv: {
    title: 'Workshop',
    rules: handlingsplan.sv.rules,
    values: handlingsplan.sv.values,
    categories: [],
    boards: [{ id: 'ideer', title: 'Idéer', purpose: '', questions: [] }],
    agenda: [
      { id: 'valkommen', kind: 'lobby', title: 'Välkommen', prompt: 'Gå med med koden på skärmen.', minutes: 5 },
      { id: 'ideer', kind: 'brainstorm', title: 'Idéer', prompt: 'Skriv dina idéer.', minutes: 20 },
      { id: 'rostning', kind: 'vote', title: 'Röstning', prompt: 'Dela ut dina prickar.', minutes: 10 },
      { id: 'fokus', kind: 'focus', title: 'Fokus', prompt: 'Resultatet.', minutes: 10 },
    ],
  },
  en: {
    title: 'Workshop',
    rules: handlingsplan.en.rules,
    values: handlingsplan.en.values,
    categories: [],
    boards: [{ id: 'ideer', title: 'Ideas', purpose: '', questions: [] }],
    agenda: [
      { id: 'valkommen', kind: 'lobby', title: 'Welcome', prompt: 'Join with the code on the screen.', minutes: 5 },
      { id: 'ideer', kind: 'brainstorm', title: 'Ideas', prompt: 'Write your ideas.', minutes: 20 },
      { id: 'rostning', kind: 'vote', title: 'Voting', prompt: 'Place your dots.', minutes: 10 },
      { id: 'fokus', kind: 'focus', title: 'Focus', prompt: 'The result.', minutes: 10 },
    ],
  },
};

const TEMPLATES: Record<TemplateId, Record<Lang, TemplateContent>> = { handlingsplan, fragerunda, blank };

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

export function templateContent(template: TemplateId, lang: Lang): TemplateContent {
  return structuredClone(TEMPLATES[template][lang]);
}

/** A template as a full design: its content with the default voting, focus rule and a plan year. */
export function templateDesign(template: TemplateId, lang: Lang, planYear: number): WorkshopDesign {
  const content = templateContent(template, lang);
  return {
    ...content,
    lang,
    planYear,
    place: '',
    date: '',
    startTime: '',
    voting: { ...DEFAULT_VOTING },
    focus: { mode: DEFAULT_FOCUS.mode, value: DEFAULT_FOCUS.value },
  };
}
