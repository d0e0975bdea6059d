/**
 * Notes as the 2019 network meeting wrote them: a note may be marked TIPS or filed under one of the
 * workshop's categories ("Förbättringar", "Utmaningar"), by its writer or the host; and each person
 * says which town or municipality they come from, which the host may correct.
 */

import type { Command } from './commands.ts';
import type { Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { WorkshopEvent } from './events.ts';
import type { Workshop } from './model.ts';
import { LIMITS } from './model.ts';
import { getOwn } from './records.ts';
import { participantOf } from './participants.ts';

export type NotesCommand = Extract<Command, { type: 'idea:mark' | 'participant:town' }>;

/** `self` is the participant asking, or null for the facilitator. */
export function decideNotes(s: Workshop, c: NotesCommand, self: string | null): Result<WorkshopEvent[]> {
  switch (c.type) {
    case 'idea:mark': {
      const idea = getOwn(s.ideas, c.ideaId);
      // A hidden note is the host's to mark; its writer no longer sees it.
      if (!idea || (self !== null && idea.hidden)) return fail('not_found', 'no such idea');
      // Any step: a TIPS is often recognised when the notes are read out, after writing has stopped.
      if (self !== null && idea.authorId !== self) return fail('forbidden', 'you can only mark your own notes');
      if (c.tips === undefined && c.category === undefined) return fail('invalid', 'give tips or category');
      const category = c.category === undefined ? idea.category : c.category;
      if (c.category !== undefined && category !== null && !s.categories.includes(category)) {
        return fail('invalid', 'category: one of the workshop’s categories');
      }
      return ok([{ type: 'idea.marked', ideaId: idea.id, tips: c.tips ?? idea.tips, category }]);
    }
    case 'participant:town': {
      if (self !== null && self !== c.participantId) return fail('forbidden', 'you can only give your own town');
      const p = participantOf(s, c.participantId);
      if (!p || p.removed) return fail('not_found', 'no such participant');
      const town = c.town.trim().replace(/\s+/g, ' ');
      if (town.length > LIMITS.town) return fail('invalid', `town: at most ${LIMITS.town} characters`);
      return ok([{ type: 'participant.town-set', participantId: p.id, town }]);
    }
  }
}
