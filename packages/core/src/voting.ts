import type { VotingSettings } from './model.ts';
import { getOwn } from './records.ts';

/** One person's dots, ideaId -> count. */
export type MyVotes = Readonly<Record<string, number>>;

export function dotsSpent(mine: MyVotes | undefined): number {
  let n = 0;
  for (const v of Object.values(mine ?? {})) n += v;
  return n;
}

export function dotsLeft(settings: VotingSettings, mine: MyVotes | undefined): number {
  return Math.max(0, settings.budget - dotsSpent(mine));
}

export type DotRefusal = 'budget_exhausted' | 'cap_reached' | 'no_dot_to_remove';

/** The budget and cap rule, shared by the server's decision and the phone's buttons. */
export function canAddDot(settings: VotingSettings, mine: MyVotes | undefined, ideaId: string): DotRefusal | null {
  if (dotsSpent(mine) >= settings.budget) return 'budget_exhausted';
  if (settings.capPerIdea !== null && (getOwn(mine, ideaId) ?? 0) >= settings.capPerIdea) return 'cap_reached';
  return null;
}

export function canRemoveDot(mine: MyVotes | undefined, ideaId: string): DotRefusal | null {
  return (getOwn(mine, ideaId) ?? 0) > 0 ? null : 'no_dot_to_remove';
}
