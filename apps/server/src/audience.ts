import type { WorkshopEvent } from '@fokus/core';

/**
 * Whose own slice (`participant:me`) an event can change: its name, group and group members, dots and
 * own ideas. 'everyone' where one change reaches many (a rename shows in a group's member list).
 */
export function meTouchedBy(e: WorkshopEvent): 'everyone' | string[] {
  switch (e.type) {
    case 'vote.added':
    case 'vote.removed':
    case 'participant.done':
    case 'participant.joined':
      return [e.participantId];
    case 'idea.added':
      return e.authorId ? [e.authorId] : [];
    case 'participant.renamed':
    case 'participant.removed':
    case 'group.renamed':
    case 'group.deleted':
    case 'group.assigned':
    case 'groups.split':
    case 'idea.deleted':
    case 'idea.merged':
    case 'voting.reset':
      return 'everyone';
    default:
      return [];
  }
}

/** Events that move only figures (counts, dots, who is done), not what the room looks like. */
export function movesOnlyFigures(e: WorkshopEvent): boolean {
  return e.type === 'vote.added' || e.type === 'vote.removed' || e.type === 'participant.done' || e.type === 'participant.joined';
}
