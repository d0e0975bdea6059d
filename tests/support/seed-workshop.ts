import type { CreateWorkshopResponse } from '@fokus/protocol';
import { DIMENSIONS_2023 } from '../../packages/core/src/fixtures/key-cities-2023.ts';
import { Client, createWorkshop, newOpId } from './fokus-client.ts';

/**
 * A workshop the size of the seed (Key Cities Group, Handlingsplan 2023), built over the public protocol:
 * 15 people, 16 ideas in each of the four dimensions. The seed's own themes come first (real Swedish names,
 * details and dots); each column is filled up to 16 with long compound words, the ones that break layouts.
 */

export const SEED_PEOPLE = [
  'Pia',
  'David',
  'Isabel',
  'Lisa',
  'Daniel',
  'Armina',
  'Hanna',
  'Maria',
  'Lena',
  'Monica',
  'Björn',
  'Karin Andersson-Lindqvist',
  'Per-Olof',
  'Åsa',
  'Jönköpings Citysamverkan',
] as const;

/** Long Swedish compounds (and one very long), with details: what a real board holds on a bad day. */
export const LONG_THEMES: readonly { text: string; details: string }[] = [
  { text: 'Samverkansöverenskommelsefrågor', details: 'avtal mellan kommun, fastighetsägare och handlare' },
  { text: 'Stadskärnefinansieringsmodeller', details: 'BID, medlemsavgifter, kommunala bidrag' },
  { text: 'Omvärldsbevakningsrapporter', details: '' },
  { text: 'Kompetensutvecklingsinsatser för styrelseledamöter', details: 'utbildning, mentorskap' },
  { text: 'Fastighetsägarsamverkan', details: 'gemensamma hyresnivåer och vakansstatistik' },
  { text: 'Näringslivsutvecklingsstrategier', details: '' },
  { text: 'Citysamverkansorganisationernas roll', details: 'i den kommunala planeringsprocessen' },
  { text: 'Trygghetsskapandeåtgärder i centrumkärnan', details: 'belysning, ordningsvakter, städning' },
  { text: 'Besöksnäringsutvecklingsprojekt', details: '' },
  { text: 'Handelsplatsvarumärkesbyggande', details: 'gemensam kommunikation, platsvarumärke' },
  { text: 'Centrumutvecklingsmedarbetarnätverk', details: '' },
  { text: 'Evenemangssamordningskalender', details: 'en gemensam kalender för hela stadskärnan' },
  { text: 'Kollektivtrafikförsörjningsprogram', details: '' },
  { text: 'Parkeringsavgiftsdifferentiering', details: 'avgifter och beläggning' },
];

export const IDEAS_PER_BOARD = 16;

export interface SeedIdea {
  id: string;
  boardId: string;
  text: string;
  details: string;
  votes: number;
}

/** The 64 ideas, four columns of 16: the seed's themes first, then long compounds. Deterministic. */
export function seedIdeas(perBoard = IDEAS_PER_BOARD): SeedIdea[] {
  return DIMENSIONS_2023.flatMap((dim, d) => {
    const own = dim.themes.slice(0, perBoard).map((t) => ({ text: t.text, details: t.details, votes: t.votes }));
    const fill = Array.from({ length: Math.max(0, perBoard - own.length) }, (_, i) => {
      const t = LONG_THEMES[(i + d * 3) % LONG_THEMES.length] as { text: string; details: string };
      return { text: t.text, details: t.details, votes: 0 };
    });
    return [...own, ...fill].map((t, i) => ({ id: `${dim.boardId}-${i + 1}`, boardId: dim.boardId, ...t }));
  });
}

export interface SeedWorkshop {
  url: string;
  created: CreateWorkshopResponse;
  facilitator: Client;
  phones: { name: string; client: Client }[];
  ideas: SeedIdea[];
  /** Goes to the agenda step with this id ('gruppovning', 'presentation', 'fundering', 'rostning', 'fokus', 'handlingsplan'). */
  goto(stepId: string): Promise<void>;
  /** Three groups dealt like the seed's, by a fixed seed. */
  split(): Promise<void>;
  /** Opens voting, places the seed's 2023 dots (real counts, capped at the budget per person), closes and reveals. */
  voteAndReveal(): Promise<void>;
  close(): void;
}

/** Builds the workshop up to a brainstorm full of ideas; the returned helpers take it further. */
export async function buildSeedWorkshop(url: string, options: { perBoard?: number } = {}): Promise<SeedWorkshop> {
  const created = await createWorkshop(url, { template: 'handlingsplan', lang: 'sv', title: 'Key Cities Group – Handlingsplan 2027' });
  const facilitator = await Client.connect(url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  const phones: { name: string; client: Client }[] = [];
  for (const name of SEED_PEOPLE) {
    const client = await Client.connect(url, { code: created.code, role: 'participant' });
    const ack = await client.join(name, undefined, 'Key Cities Group');
    if (!ack.ok) throw new Error(`join refused: ${ack.error}`);
    phones.push({ name, client });
  }
  const stepIndex = (id: string) => {
    const i = facilitator.view?.view.agenda.findIndex((s) => s.id === id) ?? -1;
    if (i < 0) throw new Error(`no step ${id}`);
    return i;
  };
  const goto = async (id: string) => {
    await facilitator.must({ type: 'agenda:goto', stepIndex: stepIndex(id) });
  };

  const ideas = seedIdeas(options.perBoard);
  await goto('gruppovning');
  // Ideas come from the phones, as in the room; each phone's own ideas are its to edit. One at a time, so that the
  // theme numbers are the same in every run: #1–#16 the first dimension, #17–#32 the second, and so on.
  for (const [i, idea] of ideas.entries()) {
    const { client } = phones[i % phones.length] as { client: Client };
    const ack = await client.send({ type: 'idea:add', ideaId: idea.id, boardId: idea.boardId, text: idea.text, details: idea.details });
    if (!ack.ok) throw new Error(`idea:add refused: ${ack.error} ${ack.message}`);
  }
  await facilitator.until((c) => (c.view?.view.ideas.length ?? 0) === ideas.length, 10_000);

  return {
    url,
    created,
    facilitator,
    phones,
    ideas,
    goto,
    async split() {
      await facilitator.must({
        type: 'group:split',
        groups: [
          { id: 'grupp-1', name: 'Grupp 1' },
          { id: 'grupp-2', name: 'Grupp 2' },
          { id: 'grupp-3', name: 'Grupp 3' },
        ],
        seed: 2023,
      });
    },
    async voteAndReveal() {
      await goto('rostning');
      await facilitator.must({ type: 'voting:open' });
      // Deal each idea's real dots to the people in turn, ten each at most (the seed's totals fit: 15 × 10).
      const budget = facilitator.view?.view.voting.settings.budget ?? 10;
      const left = phones.map(() => budget);
      let p = 0;
      for (const idea of ideas) {
        for (let n = 0; n < idea.votes; n++) {
          let tries = 0;
          while ((left[p % phones.length] ?? 0) === 0 && tries++ < phones.length) p++;
          const k = p % phones.length;
          if ((left[k] ?? 0) === 0) break;
          const ack = await (phones[k] as { client: Client }).client.send({ type: 'vote:add', ideaId: idea.id }, newOpId());
          if (!ack.ok) throw new Error(`vote:add refused: ${ack.error} ${ack.message}`);
          left[k] = (left[k] ?? 0) - 1;
          p++;
        }
      }
      await facilitator.must({ type: 'voting:close' });
      await facilitator.must({ type: 'voting:reveal', revealed: true });
    },
    close() {
      facilitator.close();
      for (const { client } of phones) client.close();
    },
  };
}
