import { describe, expect, it } from 'vitest';
import type { WorkshopEvent } from '@fokus/core';
import { meTouchedBy, movesOnlyFigures } from './audience.ts';

const cases: [WorkshopEvent, ReturnType<typeof meTouchedBy>, boolean][] = [
  [{ type: 'vote.added', participantId: 'p1', ideaId: 'i' }, ['p1'], true],
  [{ type: 'vote.removed', participantId: 'p1', ideaId: 'i' }, ['p1'], true],
  [{ type: 'participant.done', participantId: 'p1', done: true }, ['p1'], true],
  [{ type: 'participant.joined', participantId: 'p9', name: 'Pia', organisation: '', tokenHash: 'h', at: 1 }, ['p9'], true],
  [{ type: 'idea.added', ideaId: 'i', boardId: 'b', text: 't', details: '', groupId: null, authorId: 'p2' }, ['p2'], false],
  [{ type: 'idea.added', ideaId: 'i', boardId: 'b', text: 't', details: '', groupId: null, authorId: null }, [], false],
  [{ type: 'idea.edited', ideaId: 'i', text: 't', details: '' }, [], false],
  [{ type: 'timer.started', at: 1 }, [], false],
  [{ type: 'voting.revealed', revealed: true }, [], false],
  [{ type: 'participant.renamed', participantId: 'p1', name: 'Bo' }, 'everyone', false],
  [{ type: 'groups.split', groups: [], assignment: {} }, 'everyone', false],
  [{ type: 'group.assigned', participantId: 'p1', groupId: null }, 'everyone', false],
  [{ type: 'idea.deleted', ideaId: 'i' }, 'everyone', false],
  [{ type: 'idea.merged', targetId: 'i', sourceIds: ['j'] }, 'everyone', false],
  [{ type: 'voting.reset' }, 'everyone', false],
];

describe('who an event reaches', () => {
  it.each(cases)('%o touches the slices of %o (figures only: %s)', (event, touched, figures) => {
    expect(meTouchedBy(event)).toEqual(touched);
    expect(movesOnlyFigures(event)).toBe(figures);
  });
});
