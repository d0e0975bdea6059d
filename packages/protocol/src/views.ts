import { z } from 'zod';
import type { Tally, Workshop } from '@fokus/core';
import { activeCount, activeParticipants, ballotOf, ballotsAsRecord, doneCount, groupMembers, participantOf, tallyOf } from '@fokus/core';
import { planRowSchema } from './commands.ts';
import { langSchema, roleSchema, templateSchema } from './limits.ts';

/**
 * What each role may see. The server sends nothing else: tokens, authors and (when voting is anonymous)
 * individual votes and per-person dot counts stay on the server; tallies are withheld from phones and screen
 * until reveal when so set. With anonymous voting the figures come from the room's anonymity gate
 * (apps/server/src/anonymity-gate.ts), which releases them only in steps no diff can pin on one person.
 */

const boardSchema = z.object({ id: z.string(), title: z.string(), purpose: z.string(), questions: z.array(z.string()), color: z.string().optional() });
const stepSchema = z.object({
  id: z.string(),
  kind: z.enum(['lobby', 'brainstorm', 'present', 'reflect', 'vote', 'focus', 'plan']),
  title: z.string(),
  prompt: z.string(),
  minutes: z.number(),
  /** Timed parts of the step ("2 min enskilt", "10 min diskussion"), each with its own countdown. */
  phases: z.array(z.object({ title: z.string(), minutes: z.number() })).optional(),
});
const timerSchema = z.object({ durationMs: z.number(), elapsedMs: z.number(), startedAt: z.number().nullable() });
const votingSettingsSchema = z.object({
  budget: z.number(),
  capPerIdea: z.number().nullable(),
  anonymous: z.boolean(),
  hideResults: z.boolean(),
});

export const ideaViewSchema = z.object({
  id: z.string(),
  boardId: z.string(),
  text: z.string(),
  details: z.string(),
  groupId: z.string().nullable(),
  hidden: z.boolean(),
  seq: z.number(),
  merged: z.array(z.string()),
  /** Marked TIPS by its writer or the host. */
  tips: z.boolean(),
  /** One of the workshop's `categories`, or null. */
  category: z.string().nullable(),
});
export type IdeaView = z.infer<typeof ideaViewSchema>;

export const groupViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  /** Member names: for the screen and facilitator only (a phone gets its own group in `me`). */
  members: z.array(z.string()).optional(),
});
export type GroupView = z.infer<typeof groupViewSchema>;

export const participantViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  /** The town or municipality they come from; '' when not given. */
  town: z.string(),
  groupId: z.string().nullable(),
  /** What the person chose to say ("klar"): the only per-person progress anonymous voting shows. */
  done: z.boolean(),
  online: z.boolean(),
  /** Added by the facilitator without a phone. */
  paper: z.boolean(),
  /** A paper participant's dots (ideaId -> dots): the facilitator placed them from the paper, so sees them. */
  paperBallot: z.record(z.string(), z.number()).optional(),
});
export type ParticipantView = z.infer<typeof participantViewSchema>;

/** The workshop's structure: changes when the facilitator or a brainstorm changes something. */
export const workshopViewSchema = z.object({
  role: roleSchema,
  id: z.string(),
  code: z.string(),
  title: z.string(),
  lang: langSchema,
  template: templateSchema,
  planYear: z.number(),
  place: z.string(),
  date: z.string(),
  startTime: z.string(),
  rules: z.array(z.string()),
  values: z.array(z.string()),
  /** What a note may be filed under; empty when the workshop has none. */
  categories: z.array(z.string()),
  boards: z.array(boardSchema),
  agenda: z.array(stepSchema),
  stepIndex: z.number(),
  /** The current phase of the step (0 when it has none). */
  phaseIndex: z.number(),
  timer: timerSchema,
  spotlightGroupId: z.string().nullable(),
  joiningLocked: z.boolean(),
  groups: z.array(groupViewSchema),
  ideas: z.array(ideaViewSchema),
  voting: z.object({ status: z.enum(['idle', 'open', 'closed']), revealed: z.boolean(), settings: votingSettingsSchema }),
  focus: z.object({ mode: z.enum(['threshold', 'top']), value: z.number(), added: z.array(z.string()), removed: z.array(z.string()) }),
  /** As stored: a row from an older log whose month could not be read has month '' (see core's plan-rows.ts). */
  plan: z.array(planRowSchema.extend({ month: z.string() })),
  /** Facilitator only. */
  participants: z.array(participantViewSchema).optional(),
});
export type WorkshopView = z.infer<typeof workshopViewSchema>;

const tallySchema = z.object({ dots: z.number(), voters: z.number() });

/**
 * Live voting figures: small, sent at a bounded rate while dots fly. With anonymous voting `dotsUsed` and
 * `tallies` are the last figures the anonymity gate released, never one person's step.
 */
export const tallyViewSchema = z.object({
  participants: z.number(),
  online: z.number(),
  /** People who said they are done ("klar"). */
  done: z.number(),
  /** Dots placed in the whole room. */
  dotsUsed: z.number(),
  dotsTotal: z.number(),
  /** null while results are hidden from this role. */
  tallies: z.record(z.string(), tallySchema).nullable(),
  /** participantId -> ideaId -> dots; facilitator only, and only when voting is not anonymous. */
  ballots: z.record(z.string(), z.record(z.string(), z.number())).optional(),
  /**
   * True when `ballots` holds only the people whose ballot changed since the previous tally (an emptied one is {}):
   * keep everyone else's. A hall of 5,000 would otherwise get every ballot ten times a second.
   */
  ballotsChanged: z.boolean().optional(),
});
export type TallyView = z.infer<typeof tallyViewSchema>;

/** A participant's own slice: sent to that participant only. */
export const meViewSchema = z.object({
  participantId: z.string(),
  name: z.string(),
  organisation: z.string(),
  /** The town or municipality they said they come from. */
  town: z.string(),
  groupId: z.string().nullable(),
  groupMembers: z.array(z.string()),
  votes: z.record(z.string(), z.number()),
  done: z.boolean(),
  ownIdeaIds: z.array(z.string()),
  removed: z.boolean(),
});
export type MeView = z.infer<typeof meViewSchema>;

export type ViewRole = z.infer<typeof roleSchema>;

/** Who is connected right now (the server's presence; a Set or a Map both do). */
export interface Presence {
  has(participantId: string): boolean;
}

/**
 * `compute` once per record: a state's records are immutable and a new state shares those it did not change (a
 * dot leaves the participants and ideas alone), so what is derived from one is derived once.
 */
function perRecord<K extends object, V>(compute: (record: K) => V): (record: K) => V {
  const known = new WeakMap<K, V>();
  return (record) => {
    if (known.has(record)) return known.get(record) as V;
    const value = compute(record);
    known.set(record, value);
    return value;
  };
}

/** `items` grouped by `keyOf` (null: left out), each group's names in the items' order. */
function groupedBy<T>(items: Iterable<T>, keyOf: (item: T) => string | null, nameOf: (item: T) => string): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const values = groups.get(key);
    if (values) values.push(nameOf(item));
    else groups.set(key, [nameOf(item)]);
  }
  return groups;
}

export function workshopView(s: Workshop, code: string, role: ViewRole, online: Presence): WorkshopView {
  const showMembers = role !== 'participant';
  const members = groupMembers(s);
  const groups = s.groups.map((g) => {
    const names = members.get(g.id) ?? [];
    return { id: g.id, name: g.name, size: names.length, ...(showMembers ? { members: [...names] } : {}) };
  });
  const ideas = Object.values(s.ideas)
    .filter((i) => role === 'facilitator' || !i.hidden)
    .sort((a, b) => a.seq - b.seq)
    .map((i) => ({
      id: i.id,
      boardId: i.boardId,
      text: i.text,
      details: i.details,
      groupId: i.groupId,
      hidden: i.hidden,
      seq: i.seq,
      merged: i.merged,
      tips: i.tips,
      category: i.category,
    }));
  const view: WorkshopView = {
    role,
    id: s.id,
    code,
    title: s.title,
    lang: s.lang,
    template: s.template,
    planYear: s.planYear,
    place: s.place,
    date: s.date,
    startTime: s.startTime,
    rules: s.rules,
    values: s.values,
    categories: s.categories,
    boards: s.boards,
    agenda: s.agenda,
    stepIndex: s.stepIndex,
    phaseIndex: s.phaseIndex,
    timer: s.timer,
    spotlightGroupId: s.spotlightGroupId,
    joiningLocked: s.joiningLocked,
    groups,
    ideas,
    voting: s.voting,
    focus: s.focus,
    plan: s.plan,
  };
  if (role === 'facilitator') {
    // Each person's dots come in the facilitator's tally (with named voting), so a dot does not rebuild this list.
    view.participants = activeParticipants(s).map((p) => ({
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      town: p.town,
      groupId: p.groupId,
      done: p.done,
      online: online.has(p.id),
      paper: p.paper,
      ...(p.paper ? { paperBallot: { ...ballotOf(s.votes, p.id) } } : {}),
    }));
  }
  return view;
}

export function resultsVisible(s: Workshop, role: ViewRole): boolean {
  return role === 'facilitator' || !s.voting.settings.hideResults || s.voting.revealed;
}

/** The room-wide figures of some set of ballots: dots per idea (with voters) and dots placed in all. */
export interface VoteFigures {
  tallies: Record<string, Tally>;
  dotsUsed: number;
}

/** Figures by ballots: the same ballots always count the same (one count per send, not per role). */
const figuresOf = perRecord((votes: Workshop['votes']): VoteFigures => {
  const tallies = tallyOf({ votes });
  let dotsUsed = 0;
  for (const t of Object.values(tallies)) dotsUsed += t.dots;
  return { tallies, dotsUsed };
});

export function voteFigures(s: Pick<Workshop, 'votes'>): VoteFigures {
  return figuresOf(s.votes);
}

/** What the server knows besides the state: how many are online (counted once for every role), whose ballots changed. */
export interface TallyOptions {
  online?: number;
  /** Only these people's ballots, marked as changes (see `ballotsChanged`). */
  changedBallots?: Iterable<string>;
}

/**
 * `figures` are the dots this role may count: the room's own by default; the server passes what its
 * anonymity gate has released. People, presence and "klar" are live: they are what each person chose to show.
 */
export function tallyView(s: Workshop, role: ViewRole, online: Presence, figures: VoteFigures = voteFigures(s), options: TallyOptions = {}): TallyView {
  const people = activeCount(s);
  const view: TallyView = {
    participants: people,
    online: options.online ?? onlineCount(activeParticipants(s), online),
    done: doneCount(s),
    dotsUsed: figures.dotsUsed,
    dotsTotal: people * s.voting.settings.budget,
    tallies: resultsVisible(s, role) ? figures.tallies : null,
  };
  if (role === 'facilitator' && !s.voting.settings.anonymous) {
    if (options.changedBallots) {
      const changed: Record<string, Record<string, number>> = Object.create(null);
      for (const id of options.changedBallots) changed[id] = ballotOf(s.votes, id) ?? {};
      view.ballots = changed;
      view.ballotsChanged = true;
    } else view.ballots = ballotsAsRecord(s.votes);
  }
  return view;
}

export function onlineCount(people: readonly { id: string }[], online: Presence): number {
  let present = 0;
  for (const p of people) if (online.has(p.id)) present++;
  return present;
}

/** Idea ids by author: a phone's slice goes out with each of its dots. */
const authoredOf = perRecord((ideas: Workshop['ideas']) =>
  groupedBy(
    Object.values(ideas),
    (i) => i.authorId || null,
    (i) => i.id,
  ),
);
const ideasBy = (s: Pick<Workshop, 'ideas'>, authorId: string): readonly string[] => authoredOf(s.ideas).get(authorId) ?? [];

export function meView(s: Workshop, participantId: string): MeView | null {
  const p = participantOf(s, participantId);
  if (!p) return null;
  return {
    participantId: p.id,
    name: p.name,
    organisation: p.organisation,
    town: p.town,
    groupId: p.groupId,
    groupMembers: p.groupId ? [...(groupMembers(s).get(p.groupId) ?? [])] : [],
    votes: ballotOf(s.votes, p.id) ?? {},
    done: p.done,
    ownIdeaIds: [...ideasBy(s, p.id)],
    removed: p.removed,
  };
}
