import type { AgendaStep, Board, FocusMode, Lang, TemplateId, VotingSettings } from './model.ts';
import type { FocusRule } from './design.ts';
import type { StoredPlanRow } from './plan-rows.ts';

/** What happened. Events are facts: `evolve` applies them without checking anything. */
export type WorkshopEvent =
  | {
      type: 'workshop.created';
      workshopId: string;
      title: string;
      lang: Lang;
      template: TemplateId;
      rules: string[];
      /** Absent in logs written before values existed. */
      values?: string[];
      /** Absent in logs written before note categories (none then). */
      categories?: string[];
      boards: Board[];
      agenda: AgendaStep[];
      /** The rest of the design; absent in logs written before the designer (defaults then). */
      planYear?: number;
      place?: string;
      date?: string;
      startTime?: string;
      voting?: VotingSettings;
      focus?: FocusRule;
      at: number;
    }
  /** Fields after `lang` are absent in logs written before the designer: absent means unchanged. */
  | {
      type: 'workshop.updated';
      title: string;
      lang: Lang;
      planYear?: number;
      place?: string;
      date?: string;
      startTime?: string;
      rules?: string[];
      values?: string[];
      categories?: string[];
    }
  | { type: 'board.added'; board: Board; index: number }
  | { type: 'board.updated'; board: Board }
  | { type: 'board.deleted'; boardId: string }
  | { type: 'boards.reordered'; boardIds: string[] }
  /** Agenda edits keep the current step: evolve finds it again by id. */
  | { type: 'step.added'; step: AgendaStep; index: number }
  | { type: 'step.updated'; step: AgendaStep }
  | { type: 'step.deleted'; stepId: string }
  | { type: 'steps.reordered'; stepIds: string[] }
  | { type: 'joining.locked'; locked: boolean }
  /** `paper`: added by the facilitator for someone without a phone (tokenHash is then ''). `town` is absent in older logs. */
  | {
      type: 'participant.joined';
      participantId: string;
      name: string;
      organisation: string;
      town?: string;
      tokenHash: string;
      at: number;
      paper?: boolean;
    }
  | { type: 'participant.renamed'; participantId: string; name: string }
  | { type: 'participant.town-set'; participantId: string; town: string }
  /** `erasedAs`: the participant is erased, named this from now on and in every stored event (see erasure.ts). */
  | { type: 'participant.removed'; participantId: string; erasedAs?: string }
  | { type: 'participant.done'; participantId: string; done: boolean }
  | { type: 'group.created'; groupId: string; name: string }
  | { type: 'group.renamed'; groupId: string; name: string }
  | { type: 'group.deleted'; groupId: string }
  | { type: 'group.assigned'; participantId: string; groupId: string | null }
  | { type: 'groups.split'; groups: { id: string; name: string }[]; assignment: Record<string, string> }
  | {
      type: 'idea.added';
      ideaId: string;
      boardId: string;
      text: string;
      details: string;
      groupId: string | null;
      authorId: string | null;
    }
  | { type: 'idea.edited'; ideaId: string; text: string; details: string }
  | { type: 'idea.moved'; ideaId: string; boardId: string }
  | { type: 'idea.merged'; targetId: string; sourceIds: string[] }
  | { type: 'idea.hidden'; ideaId: string; hidden: boolean }
  | { type: 'idea.deleted'; ideaId: string }
  /** The idea's marks after the command: both fields, whichever were changed. */
  | { type: 'idea.marked'; ideaId: string; tips: boolean; category: string | null }
  | { type: 'agenda.moved'; stepIndex: number; durationMs: number }
  /** The timer restarts at the phase's minutes; `startedAt` is set when it was running and runs on. */
  | { type: 'agenda.phase-moved'; phaseIndex: number; durationMs: number; startedAt: number | null }
  | { type: 'timer.started'; at: number }
  | { type: 'timer.paused'; at: number }
  | { type: 'timer.extended'; ms: number }
  | { type: 'timer.reset' }
  | { type: 'spotlight.set'; groupId: string | null }
  | { type: 'voting.configured'; settings: VotingSettings }
  | { type: 'voting.opened' }
  | { type: 'voting.closed' }
  | { type: 'voting.revealed'; revealed: boolean }
  | { type: 'voting.reset' }
  | { type: 'vote.added'; participantId: string; ideaId: string }
  | { type: 'vote.removed'; participantId: string; ideaId: string }
  | { type: 'focus.suggested'; mode: FocusMode; value: number }
  | { type: 'focus.toggled'; ideaId: string; included: boolean }
  /** The row as logs hold it: the date fields are absent in logs written before plan dates (see plan-rows.ts). */
  | { type: 'plan.set'; row: StoredPlanRow }
  | { type: 'plan.deleted'; rowId: string };

export type EventType = WorkshopEvent['type'];

// A Record over the union: a new event type is a type error here until it is listed.
const EVERY_EVENT: Record<EventType, true> = {
  'workshop.created': true,
  'workshop.updated': true,
  'joining.locked': true,
  'board.added': true,
  'board.updated': true,
  'board.deleted': true,
  'boards.reordered': true,
  'step.added': true,
  'step.updated': true,
  'step.deleted': true,
  'steps.reordered': true,
  'participant.joined': true,
  'participant.renamed': true,
  'participant.town-set': true,
  'participant.removed': true,
  'participant.done': true,
  'group.created': true,
  'group.renamed': true,
  'group.deleted': true,
  'group.assigned': true,
  'groups.split': true,
  'idea.added': true,
  'idea.edited': true,
  'idea.moved': true,
  'idea.merged': true,
  'idea.hidden': true,
  'idea.deleted': true,
  'idea.marked': true,
  'agenda.moved': true,
  'agenda.phase-moved': true,
  'timer.started': true,
  'timer.paused': true,
  'timer.extended': true,
  'timer.reset': true,
  'spotlight.set': true,
  'voting.configured': true,
  'voting.opened': true,
  'voting.closed': true,
  'voting.revealed': true,
  'voting.reset': true,
  'vote.added': true,
  'vote.removed': true,
  'focus.suggested': true,
  'focus.toggled': true,
  'plan.set': true,
  'plan.deleted': true,
};

/** Every kind of event, for tests that must cover them all (replay, crash recovery). */
export const EVENT_TYPES = Object.keys(EVERY_EVENT) as readonly EventType[];
