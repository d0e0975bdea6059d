import type { BoardColor } from '@fokus/core';
import { BOARD_COLORS } from '@fokus/core';
import type { ClientCommand, WorkshopView } from '@fokus/protocol';

/**
 * The command that takes one designer edit back, read from the view as it was before the edit: the old
 * fields of an update, a deleted board or step re-added at its place, the old order. null when the
 * edit cannot be taken back (the thing it names is gone) or is not a designer edit.
 */
export function inverseOf(c: ClientCommand, v: WorkshopView): ClientCommand | null {
  switch (c.type) {
    case 'workshop:update': {
      const old: Extract<ClientCommand, { type: 'workshop:update' }> = { type: 'workshop:update' };
      if (c.title !== undefined) old.title = v.title;
      if (c.lang !== undefined) old.lang = v.lang;
      if (c.planYear !== undefined) old.planYear = v.planYear;
      if (c.place !== undefined) old.place = v.place;
      if (c.date !== undefined) old.date = v.date;
      if (c.startTime !== undefined) old.startTime = v.startTime;
      if (c.rules !== undefined) old.rules = [...v.rules];
      if (c.values !== undefined) old.values = [...v.values];
      if (c.categories !== undefined) old.categories = [...v.categories];
      return old;
    }
    case 'board:add':
      return { type: 'board:delete', boardId: c.board.id };
    case 'board:update': {
      const b = v.boards.find((x) => x.id === c.boardId);
      if (!b) return null;
      return {
        type: 'board:update',
        boardId: b.id,
        ...(c.title === undefined ? {} : { title: b.title }),
        ...(c.purpose === undefined ? {} : { purpose: b.purpose }),
        ...(c.questions === undefined ? {} : { questions: [...b.questions] }),
        ...(c.color === undefined ? {} : { color: colorOf(b.color) }),
      };
    }
    case 'board:delete': {
      const index = v.boards.findIndex((x) => x.id === c.boardId);
      const b = v.boards[index];
      if (!b) return null;
      const board = { id: b.id, title: b.title, purpose: b.purpose, questions: [...b.questions], ...(b.color ? { color: colorOf(b.color) } : {}) };
      return { type: 'board:add', board, index };
    }
    case 'board:reorder':
      return { type: 'board:reorder', boardIds: v.boards.map((b) => b.id) };
    case 'step:add':
      return { type: 'step:delete', stepId: c.step.id };
    case 'step:update': {
      const st = v.agenda.find((x) => x.id === c.stepId);
      if (!st) return null;
      return {
        type: 'step:update',
        stepId: st.id,
        kind: st.kind,
        title: st.title,
        prompt: st.prompt,
        minutes: st.minutes,
        phases: st.phases && st.phases.length > 0 ? st.phases.map((p) => ({ ...p })) : null,
      };
    }
    case 'step:delete': {
      const index = v.agenda.findIndex((x) => x.id === c.stepId);
      const st = v.agenda[index];
      if (!st) return null;
      return { type: 'step:add', step: structuredClone(st), index };
    }
    case 'step:reorder':
      return { type: 'step:reorder', stepIds: v.agenda.map((st) => st.id) };
    case 'voting:configure': {
      return { type: 'voting:configure', settings: pick(v.voting.settings, c.settings) };
    }
    case 'focus:suggest':
      return { type: 'focus:suggest', mode: v.focus.mode, value: v.focus.value };
    default:
      return null;
  }
}

type Settings = WorkshopView['voting']['settings'];

function pick(old: Settings, patch: Partial<Settings>): Partial<Settings> {
  return {
    ...(patch.budget === undefined ? {} : { budget: old.budget }),
    ...(patch.capPerIdea === undefined ? {} : { capPerIdea: old.capPerIdea }),
    ...(patch.anonymous === undefined ? {} : { anonymous: old.anonymous }),
    ...(patch.hideResults === undefined ? {} : { hideResults: old.hideResults }),
  };
}

export type ColorChoice = BoardColor | '';

function isBoardColor(c: string): c is BoardColor {
  return (BOARD_COLORS as readonly string[]).includes(c);
}

/** The view carries a colour as a plain string; a command takes one of the named colours or ''. */
export function colorOf(c: string | undefined): ColorChoice {
  return c !== undefined && isBoardColor(c) ? c : '';
}
