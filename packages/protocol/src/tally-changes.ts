import type { TallyView } from './views.ts';

/**
 * The tally a client holds after `next` arrives: with `ballotsChanged`, the ballots in it replace those people's and
 * everyone else's stay. Its own module, free of zod, so the phone bundle can import it alone.
 */
export function applyTally(prev: TallyView | null | undefined, next: TallyView): TallyView {
  if (!next.ballotsChanged) return next;
  const { ballotsChanged: _changed, ...rest } = next;
  const ballots: Record<string, Record<string, number>> = Object.create(null);
  Object.assign(ballots, prev?.ballots, next.ballots);
  return { ...rest, ballots };
}
