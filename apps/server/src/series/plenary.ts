/**
 * The next-theme plenary's pieces that are not the registry's: the suggestions it starts with, as the
 * facilitator commands that add them, and its status for the organiser (links without keys).
 */
import type { Command } from '@fokus/core';
import { LIMITS, PLENARY_BOARD_ID, activeParticipants } from '@fokus/core';
import type { SeriesPlenaryStatus } from '@fokus/protocol';
import type { WorkshopRoom } from '../workshop-room.ts';

/** One room's next-theme note: its text and the region it came from (the idea's details in the plenary). */
export interface PlenarySuggestion {
  text: string;
  region: string;
}

/** The plenary's workshop as found: null with 'gone' when it was erased, 'unavailable' when it cannot be loaded. */
export interface LinkedPlenary {
  code: string;
  workshop: WorkshopRoom | null;
  state: 'live' | 'gone' | 'unavailable';
}

/** In room order, one idea each; ids by position, since the plenary is made once and never gets these again. */
export function suggestionCommands(suggestions: readonly PlenarySuggestion[]): Command[] {
  return suggestions
    .filter((s) => s.text.trim() !== '')
    .slice(0, LIMITS.ideas)
    .map((s, i) => ({
      type: 'idea:add',
      ideaId: `forslag-${i + 1}`,
      boardId: PLENARY_BOARD_ID,
      text: s.text.slice(0, LIMITS.ideaText),
      details: s.region.slice(0, LIMITS.ideaDetails),
    }));
}

export const plenaryLinks = (code: string) => ({ join: `/j/${code}`, screen: `/s/${code}` });

export function plenaryStatus({ code, workshop, state }: LinkedPlenary): SeriesPlenaryStatus {
  const s = workshop?.shown;
  return {
    code,
    state,
    links: plenaryLinks(code),
    participants: s ? activeParticipants(s).length : 0,
    voting: s ? s.voting.status : 'idle',
  };
}
