import type { ReactNode } from 'react';
import type { IdeaView } from '@fokus/protocol';
import { useOpenSession } from '../../realtime/use-session.ts';
import { SessionProvider, useFokus } from '../../store/context.tsx';
import { selectOffset, selectStatus, selectStep, selectTally, selectView } from '../../store/selectors.ts';

/**
 * One room followed live: a read-only projector ('screen') session of its own, with its own store, so a
 * change in any room reaches the organiser the moment that room's projector gets it. Needs only the code.
 */
export function RoomLive({ code, children }: { code: string; children: ReactNode }) {
  const session = useOpenSession(code, 'screen');
  if (!session) return null;
  return <SessionProvider session={session}>{children}</SessionProvider>;
}

/** What the organiser's views read of the room inside the nearest RoomLive. */
export function useRoom() {
  return {
    view: useFokus(selectView),
    step: useFokus(selectStep),
    tally: useFokus(selectTally),
    offset: useFokus(selectOffset),
    status: useFokus(selectStatus),
    refusal: useFokus((s) => s.refusal),
  };
}

/** A room's visible notes, newest first. */
export const newestFirst = (ideas: readonly IdeaView[]): IdeaView[] => ideas.filter((i) => !i.hidden).sort((a, b) => b.seq - a.seq);
