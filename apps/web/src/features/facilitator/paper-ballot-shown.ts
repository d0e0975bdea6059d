import { copyRecord, getOwn } from '@fokus/core';

/**
 * What the paper ballot shows while the facilitator's clicks are on their way: per idea, the count the clicks
 * aim at, until the server's view shows it. Acks and views may arrive in either order, so neither one alone says
 * a click has landed; the server's own figure reaching the target does (or, should another console have changed
 * the same ballot, a short wait after the last answer).
 */
export interface Expected {
  /** The count the clicks so far lead to. */
  value: number;
  /** Clicks not answered yet. */
  pending: number;
  /** When the last click was answered. */
  answeredAt: number;
}

export type Expectations = ReadonlyMap<string, Expected>;

/** How long an answered click may wait for its view before the server's figure is shown as it is. */
export const SETTLE_MS = 2000;

export function shownBallot(server: Readonly<Record<string, number>>, expected: Expectations): Record<string, number> {
  const shown = copyRecord(server);
  for (const [ideaId, e] of expected) shown[ideaId] = e.value;
  return shown;
}

export function clicked(expected: Expectations, server: Readonly<Record<string, number>>, ideaId: string, delta: 1 | -1): Map<string, Expected> {
  const next = new Map(expected);
  const now = expected.get(ideaId) ?? { value: getOwn(server, ideaId) ?? 0, pending: 0, answeredAt: 0 };
  next.set(ideaId, { ...now, value: Math.max(0, now.value + delta), pending: now.pending + 1 });
  return next;
}

/** A click was answered. A refusal drops the idea's target: the server's figure is the truth again. */
export function answered(expected: Expectations, ideaId: string, ok: boolean, at: number): Map<string, Expected> {
  const next = new Map(expected);
  const e = expected.get(ideaId);
  if (!e) return next;
  if (!ok) next.delete(ideaId);
  else next.set(ideaId, { ...e, pending: Math.max(0, e.pending - 1), answeredAt: at });
  return next;
}

/** Targets the server now shows, or that waited long enough after their last answer, are let go. */
export function settled(expected: Expectations, server: Readonly<Record<string, number>>, at: number): Map<string, Expected> {
  const next = new Map(expected);
  for (const [ideaId, e] of expected) {
    if (e.pending > 0) continue;
    if ((getOwn(server, ideaId) ?? 0) === e.value || at - e.answeredAt >= SETTLE_MS) next.delete(ideaId);
  }
  return next;
}
