/** The words of the compiled series report, Swedish and English: one source for the model and every format. */
import type { Lang } from '@fokus/core';

export interface SeriesWords {
  /** "REGION NORR – TRÄFF I UMEÅ", in capitals like the seed. */
  regionHeading: (region: string, town: string) => string;
  representedTowns: string;
  participantCount: string;
  host: string;
  tips: string;
  none: string;
  gone: string;
  contentsIntro: (theme: string) => string;
  crossRoom: string;
  nextTheme: string;
  /** "86 deltagare från 71 kommuner". */
  totals: (participants: number, towns: number) => string;
  mergedWith: string;
  /** The titles that mark a room's next-theme board, lower case, compared with its title's start. */
  nextThemeTitles: readonly string[];
  generated: (when: string) => string;
  /** The next-theme vote's section and its table. */
  vote: string;
  voteLine: (v: { status: 'idle' | 'open' | 'closed'; anonymous: boolean; budget: number; dots: number }) => string;
  voteColumns: { rank: string; suggestion: string; region: string; dots: string; voters: string; focus: string };
  yes: string;
}

const sv: SeriesWords = {
  regionHeading: (region, town) => `REGION ${region} – TRÄFF I ${town}`.toLocaleUpperCase('sv'),
  representedTowns: 'Representerade orter',
  participantCount: 'Antal deltagare',
  host: 'Värd',
  tips: 'TIPS',
  none: '(inga)',
  gone: 'Rummets workshop finns inte längre.',
  contentsIntro: (theme) => (theme ? `Läs vad de olika regionerna har diskuterat utifrån temat ${theme}.` : 'Läs vad de olika regionerna har diskuterat.'),
  crossRoom: 'Alla regioner per fråga',
  nextTheme: 'Förslag på nästa tema från alla regioner',
  totals: (n, m) => `${n} deltagare från ${m} ${m === 1 ? 'kommun' : 'kommuner'}`,
  mergedWith: 'sammanslagen med',
  nextThemeTitles: ['förslag på nästa tema', 'suggestions for the next theme'],
  generated: (when) => `Skapad med Fokus ${when}`,
  vote: 'Röstning om nästa tema',
  voteLine: (v) =>
    [
      v.status === 'open' ? 'Röstningen pågår' : v.status === 'closed' ? 'Röstningen är avslutad' : 'Röstningen har inte börjat',
      `${v.budget} prickar per deltagare`,
      `${v.dots} prickar totalt`,
      // While anonymous voting is open the figures are what the anonymity gate has released so far.
      v.anonymous ? (v.status === 'open' ? 'anonym (siffrorna visas i omgångar)' : 'anonym') : '',
    ]
      .filter((t) => t !== '')
      .join(' · '),
  voteColumns: { rank: 'Plats', suggestion: 'Förslag', region: 'Region', dots: 'Prickar', voters: 'Röstande', focus: 'Nästa tema' },
  yes: 'Ja',
};

const en: SeriesWords = {
  regionHeading: (region, town) => `REGION ${region} – MEETING IN ${town}`.toLocaleUpperCase('en'),
  representedTowns: 'Towns represented',
  participantCount: 'Participants',
  host: 'Host',
  tips: 'TIPS',
  none: '(none)',
  gone: 'This room’s workshop no longer exists.',
  contentsIntro: (theme) => (theme ? `What the regions discussed on the theme ${theme}.` : 'What the regions discussed.'),
  crossRoom: 'All regions by question',
  nextTheme: 'Suggestions for the next theme from every region',
  totals: (n, m) => `${n} ${n === 1 ? 'participant' : 'participants'} from ${m} ${m === 1 ? 'municipality' : 'municipalities'}`,
  mergedWith: 'merged with',
  nextThemeTitles: ['suggestions for the next theme', 'förslag på nästa tema'],
  generated: (when) => `Made with Fokus ${when}`,
  vote: 'Voting on the next theme',
  voteLine: (v) =>
    [
      v.status === 'open' ? 'Voting is open' : v.status === 'closed' ? 'Voting has closed' : 'Voting has not started',
      `${v.budget} dots per participant`,
      `${v.dots} dots in all`,
      v.anonymous ? (v.status === 'open' ? 'anonymous (figures shown in rounds)' : 'anonymous') : '',
    ]
      .filter((t) => t !== '')
      .join(' · '),
  voteColumns: { rank: 'Rank', suggestion: 'Suggestion', region: 'Region', dots: 'Dots', voters: 'Voters', focus: 'Next theme' },
  yes: 'Yes',
};

export const seriesWordsFor = (lang: Lang): SeriesWords => (lang === 'en' ? en : sv);
