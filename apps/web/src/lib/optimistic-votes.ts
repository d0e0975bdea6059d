import type { PendingCommand } from '../realtime/command-queue.ts';

export interface OptimisticVotes {
  /** ideaId -> my dots, confirmed plus pending. */
  votes: Record<string, number>;
  /** ideaId -> how many of those dots are not confirmed yet (drawn outlined). */
  pendingDots: Record<string, number>;
}

/** My dots as the phone shows them: the server's count with my unconfirmed taps applied in order. */
export function optimisticVotes(confirmed: Readonly<Record<string, number>>, pending: readonly PendingCommand[]): OptimisticVotes {
  const votes: Record<string, number> = { ...confirmed };
  const pendingDots: Record<string, number> = {};
  for (const { command } of pending) {
    if (command.type === 'vote:add') {
      votes[command.ideaId] = (votes[command.ideaId] ?? 0) + 1;
      pendingDots[command.ideaId] = (pendingDots[command.ideaId] ?? 0) + 1;
    } else if (command.type === 'vote:remove') {
      const now = votes[command.ideaId] ?? 0;
      if (now > 0) votes[command.ideaId] = now - 1;
      const p = pendingDots[command.ideaId] ?? 0;
      if (p > 0) pendingDots[command.ideaId] = p - 1;
    }
  }
  for (const id of Object.keys(votes)) if (votes[id] === 0) delete votes[id];
  for (const id of Object.keys(pendingDots)) if (pendingDots[id] === 0) delete pendingDots[id];
  return { votes, pendingDots };
}

/** The idea to take a dot from on "undo": the most recent one in my tap history that still has a dot. */
export function lastDotIdea(history: readonly string[], votes: Readonly<Record<string, number>>): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const id = history[i] as string;
    if ((votes[id] ?? 0) > 0) return id;
  }
  return null;
}
