/** buildDocumentation: a workshop's state in, its documentation out. Pure: the server passes what core cannot know. */
import type { Tally, Workshop } from '@fokus/core';
import { activeParticipants, getOwn, tallyOf } from '@fokus/core';
import { buildAgenda } from './build-agenda.ts';
import { buildBoards, openQuestions } from './build-boards.ts';
import { buildCalendar, buildPlan } from './build-plan.ts';
import { dateLabel, isoDate } from './dates.ts';
import type { DocGroup, DocParticipant, Documentation } from './model.ts';
import { DOCUMENTATION_SCHEMA_VERSION } from './model.ts';
import { oneLine } from './text.ts';
import { wordsFor } from './words.ts';

export interface DocumentationOptions {
  /** The workshop's join code (the server's, not core's). */
  joinCode: string;
  /** When the documentation is made (ms since the epoch). */
  now: number;
  /**
   * Dots and voters per idea that the reader may see: with anonymous voting open, what the anonymity gate has
   * released. By default counted from the workshop's votes (pass the gate's `shown` state, or these figures).
   */
  tallies?: Readonly<Record<string, Tally>>;
  /** 'HH:MM' the meeting starts, when known: the agenda then gets clock times. */
  startTime?: string;
  /** For the meeting day of a workshop that has none (its creation day). Default Europe/Stockholm. */
  timeZone?: string;
}

export function buildDocumentation(s: Workshop, options: DocumentationOptions): Documentation {
  const w = wordsFor(s.lang);
  const tallies = options.tallies ?? tallyOf(s);
  const date = s.date || isoDate(s.createdAt, options.timeZone ?? 'Europe/Stockholm');
  const boards = buildBoards(s, tallies);
  const plan = buildPlan(s, w);
  let dots = 0;
  for (const idea of Object.values(s.ideas)) dots += getOwn(tallies, idea.id)?.dots ?? 0;
  return {
    schemaVersion: DOCUMENTATION_SCHEMA_VERSION,
    workshopId: s.id,
    lang: s.lang,
    template: s.template,
    title: oneLine(s.title),
    planYear: s.planYear,
    focusTitle: w.focusTitle(s.planYear),
    planTitle: w.planTitle(s.planYear),
    date,
    dateLabel: dateLabel(date, w),
    place: oneLine(s.place),
    joinCode: options.joinCode,
    generatedAt: new Date(options.now).toISOString(),
    rules: s.rules.map(oneLine).filter((r) => r !== ''),
    values: s.values.map(oneLine).filter((v) => v !== ''),
    participants: participants(s),
    groups: groups(s),
    agenda: buildAgenda(s.agenda, options.startTime ?? (s.startTime || undefined)),
    voting: { status: s.voting.status, anonymous: s.voting.settings.anonymous, budget: s.voting.settings.budget, dots },
    boards,
    plan,
    calendar: buildCalendar(s.planYear, plan, w),
    openQuestions: openQuestions(boards),
  };
}

function collator(s: Workshop): Intl.Collator {
  return new Intl.Collator(s.lang === 'sv' ? 'sv-SE' : 'en-GB', { sensitivity: 'base', numeric: true });
}

function participants(s: Workshop): DocParticipant[] {
  const groupName = new Map(s.groups.map((g) => [g.id, oneLine(g.name)]));
  const byName = collator(s);
  return activeParticipants(s)
    .map((p) => ({
      id: p.id,
      name: oneLine(p.name),
      organisation: oneLine(p.organisation),
      group: p.groupId === null ? null : (groupName.get(p.groupId) ?? null),
      paper: p.paper === true,
    }))
    .sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

function groups(s: Workshop): DocGroup[] {
  const byName = collator(s);
  const present = activeParticipants(s);
  return s.groups.map((g) => ({
    id: g.id,
    name: oneLine(g.name),
    members: present
      .filter((p) => p.groupId === g.id)
      .map((p) => oneLine(p.name))
      .sort(byName.compare),
  }));
}
