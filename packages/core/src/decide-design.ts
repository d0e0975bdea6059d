/**
 * The designer's commands: the workshop's title, plan year, rules, boards and agenda, before the day
 * and during it. Safe while the meeting runs: a board holding ideas stays, the current step stays current.
 */

import type { Command } from './commands.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { WorkshopEvent } from './events.ts';
import type { AgendaStep, Board, Workshop } from './model.ts';
import { LIMITS } from './model.ts';
import { isClockTime } from './plan-rows.ts';
import { PLAN_YEAR_RANGE, checkBoard, checkCategories, checkStep, isIsoDate, isPermutation, withPhaseMinutes } from './design.ts';

export type DesignCommand = Extract<
  Command,
  { type: 'workshop:update' | 'board:add' | 'board:update' | 'board:delete' | 'board:reorder' | 'step:add' | 'step:update' | 'step:delete' | 'step:reorder' }
>;

export function decideDesign(s: Workshop, c: DesignCommand): Result<WorkshopEvent[]> {
  switch (c.type) {
    case 'workshop:update': {
      const planYear = c.planYear ?? s.planYear;
      if (!Number.isInteger(planYear) || planYear < PLAN_YEAR_RANGE.min || planYear > PLAN_YEAR_RANGE.max) {
        return fail('invalid', `planYear: ${PLAN_YEAR_RANGE.min}–${PLAN_YEAR_RANGE.max}`);
      }
      const date = c.date ?? s.date;
      if (date !== '' && !isIsoDate(date)) return fail('invalid', 'date: YYYY-MM-DD');
      const startTime = c.startTime ?? s.startTime;
      if (startTime !== '' && !isClockTime(startTime)) return fail('invalid', 'startTime: HH:MM');
      const refusal = c.categories === undefined ? null : checkCategories(c.categories);
      if (refusal) return { ok: false, error: refusal };
      return ok([
        {
          type: 'workshop.updated',
          title: c.title ?? s.title,
          lang: c.lang ?? s.lang,
          planYear,
          place: c.place ?? s.place,
          date,
          startTime,
          rules: c.rules ?? s.rules,
          values: c.values ?? s.values,
          categories: c.categories ?? s.categories,
        },
      ]);
    }

    case 'board:add': {
      if (s.boards.some((b) => b.id === c.board.id)) return fail('already_exists', 'a board has this id');
      if (s.boards.length >= LIMITS.boards) return fail('limit_reached', `at most ${LIMITS.boards} boards`);
      const refusal = checkBoard(c.board);
      if (refusal) return { ok: false, error: refusal };
      return ok([{ type: 'board.added', board: c.board, index: clampIndex(c.index, s.boards.length) }]);
    }
    case 'board:update': {
      const board = s.boards.find((b) => b.id === c.boardId);
      if (!board) return fail('not_found', 'no such board');
      const next: Board = {
        ...board,
        ...(c.title === undefined ? {} : { title: c.title }),
        ...(c.purpose === undefined ? {} : { purpose: c.purpose }),
        ...(c.questions === undefined ? {} : { questions: c.questions }),
        ...(c.color === undefined ? {} : { color: c.color }),
      };
      const refusal = checkBoard(next);
      if (refusal) return { ok: false, error: refusal };
      return ok([{ type: 'board.updated', board: next }]);
    }
    case 'board:delete': {
      if (!s.boards.some((b) => b.id === c.boardId)) return fail('not_found', 'no such board');
      if (s.boards.length === 1) return fail('invalid', 'a workshop keeps at least one board');
      const held = Object.values(s.ideas).filter((i) => i.boardId === c.boardId).length;
      if (held > 0) return fail('board_not_empty', `the board holds ${held} ideas: move them to another board first`);
      return ok([{ type: 'board.deleted', boardId: c.boardId }]);
    }
    case 'board:reorder':
      if (
        !isPermutation(
          c.boardIds,
          s.boards.map((b) => b.id),
        )
      )
        return fail('invalid', 'name every board once');
      return ok([{ type: 'boards.reordered', boardIds: c.boardIds }]);

    case 'step:add': {
      if (s.agenda.some((st) => st.id === c.step.id)) return fail('already_exists', 'a step has this id');
      if (s.agenda.length >= LIMITS.steps) return fail('limit_reached', `at most ${LIMITS.steps} steps`);
      const step = withPhaseMinutes(c.step);
      const refusal = checkStep(step);
      if (refusal) return { ok: false, error: refusal };
      return ok([{ type: 'step.added', step, index: clampIndex(c.index, s.agenda.length) }]);
    }
    case 'step:update': {
      const step = s.agenda.find((st) => st.id === c.stepId);
      if (!step) return fail('not_found', 'no such step');
      const patched: AgendaStep = {
        ...step,
        ...(c.kind === undefined ? {} : { kind: c.kind }),
        ...(c.title === undefined ? {} : { title: c.title }),
        ...(c.prompt === undefined ? {} : { prompt: c.prompt }),
        ...(c.minutes === undefined ? {} : { minutes: c.minutes }),
      };
      const phases = c.phases === undefined ? step.phases : (c.phases ?? undefined);
      // Minutes given without phases replace the phases' sum only on a step without phases.
      const next = withPhaseMinutes(phases ? { ...patched, phases } : { ...patched, phases: [] });
      const refusal = checkStep(next);
      if (refusal) return { ok: false, error: refusal };
      return ok([{ type: 'step.updated', step: next }]);
    }
    case 'step:delete': {
      const index = s.agenda.findIndex((st) => st.id === c.stepId);
      if (index < 0) return fail('not_found', 'no such step');
      if (index === s.stepIndex) return fail('step_current', 'the room is on this step: move on first');
      return ok([{ type: 'step.deleted', stepId: c.stepId }]);
    }
    case 'step:reorder':
      if (
        !isPermutation(
          c.stepIds,
          s.agenda.map((st) => st.id),
        )
      )
        return fail('invalid', 'name every step once');
      return ok([{ type: 'steps.reordered', stepIds: c.stepIds }]);
  }
}

function clampIndex(index: number | undefined, length: number): number {
  return index === undefined || !Number.isInteger(index) ? length : Math.max(0, Math.min(index, length));
}
