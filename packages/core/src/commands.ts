import type { FocusMode, Lang, MeetingKind, PlanRow, TemplateId, AgendaStep, Board, StepPhase, VotingSettings } from './model.ts';
import type { FocusRule } from './design.ts';

/** Who is asking. The server resolves the socket to one of these; core decides what each may do. */
export type Actor = { role: 'facilitator' } | { role: 'participant'; participantId: string } | { role: 'system' };

/** Everything that can be asked of a workshop. Ids are made by the caller, never inside core. */
export type Command =
  | {
      type: 'workshop:create';
      workshopId: string;
      title: string;
      lang: Lang;
      template: TemplateId;
      rules: string[];
      /** The values the meeting stands on ("Bästa möjliga möte"), shown with the rules. */
      values?: string[];
      /** What a note may be filed under; none when absent. */
      categories?: string[];
      boards: Board[];
      agenda: AgendaStep[];
      /** The rest of a design; absent parts take the defaults (plan year from `now`, 10 dots, threshold 6). */
      planYear?: number;
      place?: string;
      date?: string;
      startTime?: string;
      voting?: VotingSettings;
      focus?: FocusRule;
    }
  | {
      type: 'workshop:update';
      title?: string;
      lang?: Lang;
      planYear?: number;
      place?: string;
      date?: string;
      startTime?: string;
      rules?: string[];
      values?: string[];
      categories?: string[];
    }
  | { type: 'board:add'; board: Board; index?: number }
  | { type: 'board:update'; boardId: string; title?: string; purpose?: string; questions?: string[]; color?: string }
  /** Refused while the board holds ideas: they are moved first. */
  | { type: 'board:delete'; boardId: string }
  | { type: 'board:reorder'; boardIds: string[] }
  | { type: 'step:add'; step: AgendaStep; index?: number }
  /** `phases: null` makes the step one countdown again. */
  | { type: 'step:update'; stepId: string; kind?: AgendaStep['kind']; title?: string; prompt?: string; minutes?: number; phases?: StepPhase[] | null }
  | { type: 'step:delete'; stepId: string }
  | { type: 'step:reorder'; stepIds: string[] }
  | { type: 'workshop:lock-joining'; locked: boolean }
  /** `town` is '' when not given (and absent from callers written before towns). */
  | { type: 'participant:join'; participantId: string; name: string; organisation: string; town?: string; tokenHash: string }
  /** The facilitator adds someone without a phone; their paper ballot is then placed from the console. */
  | { type: 'participant:add'; participantId: string; name: string; organisation?: string }
  | { type: 'participant:rename'; participantId: string; name: string }
  /** The town or municipality someone comes from: said by them, corrected by the facilitator. */
  | { type: 'participant:town'; participantId: string; town: string }
  /** With `erase`, their name and organisation are erased from the workshop's history too (GDPR). */
  | { type: 'participant:remove'; participantId: string; erase?: boolean }
  /** `participantId` only from the facilitator, for a paper participant. */
  | { type: 'participant:done'; done: boolean; participantId?: string }
  | { type: 'group:create'; groupId: string; name: string }
  | { type: 'group:rename'; groupId: string; name: string }
  | { type: 'group:delete'; groupId: string }
  | { type: 'group:assign'; participantId: string; groupId: string | null }
  | { type: 'group:split'; groups: { id: string; name: string }[]; seed: number }
  | { type: 'idea:add'; ideaId: string; boardId: string; text: string; details?: string; groupId?: string | null }
  | { type: 'idea:edit'; ideaId: string; text: string; details: string }
  | { type: 'idea:move'; ideaId: string; boardId: string }
  | { type: 'idea:merge'; targetId: string; sourceIds: string[] }
  | { type: 'idea:hide'; ideaId: string; hidden: boolean }
  | { type: 'idea:delete'; ideaId: string }
  /** TIPS and a category, by the idea's writer or the facilitator; an absent field stays as it is. */
  | { type: 'idea:mark'; ideaId: string; tips?: boolean; category?: string | null }
  | { type: 'agenda:goto'; stepIndex: number }
  /** Moves between the timed parts of the current step. */
  | { type: 'agenda:phase'; phaseIndex: number }
  | { type: 'timer:start' }
  | { type: 'timer:pause' }
  | { type: 'timer:extend'; ms: number }
  | { type: 'timer:reset' }
  | { type: 'presentation:spotlight'; groupId: string | null }
  | { type: 'voting:configure'; settings: Partial<VotingSettings> }
  | { type: 'voting:open' }
  | { type: 'voting:close' }
  | { type: 'voting:reveal'; revealed: boolean }
  | { type: 'voting:reset' }
  /** `participantId` only from the facilitator, placing a paper ballot for someone without a phone. */
  | { type: 'vote:add'; ideaId: string; participantId?: string }
  | { type: 'vote:remove'; ideaId: string; participantId?: string }
  | { type: 'focus:suggest'; mode: FocusMode; value: number }
  | { type: 'focus:toggle'; ideaId: string; included: boolean }
  | { type: 'plan:set'; row: PlanRow }
  | { type: 'plan:delete'; rowId: string };

export type CommandType = Command['type'];

/** Commands a participant may send; every other command needs the facilitator. */
export const PARTICIPANT_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>([
  'participant:rename',
  'participant:town',
  'participant:done',
  'idea:add',
  'idea:edit',
  'idea:delete',
  'idea:mark',
  'vote:add',
  'vote:remove',
]);

export type { MeetingKind };
