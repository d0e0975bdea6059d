import type { WorkshopEvent } from './events.ts';
import type { Lang, Workshop } from './model.ts';
import { mapRecord } from './records.ts';

/** What an erased participant is called from then on, in the workshop's language. */
export const ERASED_NAME: Readonly<Record<Lang, string>> = { sv: 'Borttagen deltagare', en: 'Removed participant' };

/** The participant's ideas stay, written by no one. */
export function withoutAuthor(s: Workshop, participantId: string): Workshop {
  if (!Object.values(s.ideas).some((i) => i.authorId === participantId)) return s;
  return { ...s, ideas: mapRecord(s.ideas, (i) => (i.authorId === participantId ? { ...i, authorId: null } : i)) };
}

export interface RewrittenEvent {
  /** Position in the log given (0 for its first event). */
  index: number;
  event: WorkshopEvent;
}

/**
 * The events of a log that still name someone whose removal erased them, rewritten: the name becomes the
 * placeholder, the organisation and town empty, their ideas unattributed. Replaying the rewritten log gives the same
 * workshop as replaying the original (the erasing removal sets all of that too), so the store can replace
 * those events in place. Empty when nothing is left to erase, so it is cheap to ask again after a crash.
 */
export function erasedHistory(log: readonly WorkshopEvent[]): RewrittenEvent[] {
  const erased = new Map<string, string>();
  for (const e of log) if (e.type === 'participant.removed' && e.erasedAs !== undefined) erased.set(e.participantId, e.erasedAs);
  if (erased.size === 0) return [];
  const out: RewrittenEvent[] = [];
  log.forEach((e, index) => {
    const event = scrubbed(e, erased);
    if (event !== e) out.push({ index, event });
  });
  return out;
}

function scrubbed(e: WorkshopEvent, erased: ReadonlyMap<string, string>): WorkshopEvent {
  switch (e.type) {
    case 'participant.joined': {
      const as = erased.get(e.participantId);
      if (as === undefined || (e.name === as && e.organisation === '' && !e.town)) return e;
      return { ...e, name: as, organisation: '', ...(e.town === undefined ? {} : { town: '' }) };
    }
    case 'participant.town-set':
      return erased.has(e.participantId) && e.town !== '' ? { ...e, town: '' } : e;
    case 'participant.renamed': {
      const as = erased.get(e.participantId);
      return as !== undefined && e.name !== as ? { ...e, name: as } : e;
    }
    case 'idea.added':
      return e.authorId !== null && erased.has(e.authorId) ? { ...e, authorId: null } : e;
    default:
      return e;
  }
}
