import { firstMinutes } from '@fokus/core';
import type { MeView, Role, TallyView, WorkshopView } from '@fokus/protocol';
import type { Session } from '../../realtime/connection.ts';
import { createFokusStore } from '../../store/store.ts';

/**
 * The preview's world: the workshop as it is, seen as the projector or a phone would see it on another
 * step. Nothing here reaches the server; the room stays where it is.
 */
export function previewView(view: WorkshopView, stepIndex: number, role: Exclude<Role, 'facilitator'>): WorkshopView {
  const step = view.agenda[stepIndex] ?? view.agenda[0];
  // A vote step is shown as it looks while the room votes; any other step as if no vote were open.
  const status = step?.kind === 'vote' ? 'open' : view.voting.status === 'open' ? 'closed' : view.voting.status;
  const { participants: _facilitatorOnly, ...rest } = view;
  return {
    ...rest,
    role,
    stepIndex,
    phaseIndex: 0,
    timer: { durationMs: step ? firstMinutes(step) * 60_000 : 0, elapsedMs: 0, startedAt: null },
    ideas: view.ideas.filter((i) => !i.hidden),
    groups: role === 'participant' ? view.groups.map(({ members: _names, ...g }) => g) : view.groups,
    voting: { ...view.voting, status },
  };
}

/** The room's figures without anything one person did; results only where this workshop shows them. */
export function previewTally(view: WorkshopView, tally: TallyView | null): TallyView {
  const shown = !view.voting.settings.hideResults || view.voting.revealed;
  return {
    participants: tally?.participants ?? 0,
    online: tally?.online ?? 0,
    done: 0,
    dotsUsed: 0,
    dotsTotal: 0,
    tallies: shown ? (tally?.tallies ?? {}) : null,
  };
}

export const PREVIEW_PARTICIPANT = 'preview';

export function previewMe(name: string): MeView {
  return {
    participantId: PREVIEW_PARTICIPANT,
    name,
    organisation: '',
    town: '',
    groupId: null,
    groupMembers: [],
    votes: {},
    done: false,
    ownIdeaIds: [],
    removed: false,
  };
}

/** A session whose store is filled by the preview and whose commands go nowhere. */
export function previewSession(role: Exclude<Role, 'facilitator'>, code: string): Session {
  const store = createFokusStore({ role, code });
  store.setState({ status: 'online', greeted: true, participantId: role === 'participant' ? PREVIEW_PARTICIPANT : null });
  return {
    store,
    send: () => '',
    join: () => Promise.resolve({ ok: false, error: 'forbidden', message: 'preview' }),
    sync: () => {},
    close: () => {},
  };
}
