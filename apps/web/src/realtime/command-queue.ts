import type { ClientCommand } from '@fokus/protocol';

/**
 * A command the server has not confirmed yet. It keeps its opId for life: every resend uses the same id,
 * and the server answers a repeat with the first answer, so a resend can never count twice.
 */
export interface PendingCommand {
  opId: string;
  command: ClientCommand;
  at: number;
  /** Set once acked: kept (as optimistic state) until a view of at least this version has arrived. */
  ackedVersion?: number;
}

export function enqueue(queue: readonly PendingCommand[], entry: PendingCommand): PendingCommand[] {
  return queue.some((p) => p.opId === entry.opId) ? [...queue] : [...queue, entry];
}

/** The server accepted the command; drop it now if our state already shows it, else when it does. */
export function acked(queue: readonly PendingCommand[], opId: string, version: number, seenVersion: number): PendingCommand[] {
  if (version <= seenVersion) return queue.filter((p) => p.opId !== opId);
  return queue.map((p) => (p.opId === opId ? { ...p, ackedVersion: version } : p));
}

/** The server refused the command: drop it, which reverts whatever it showed optimistically. */
export function rejected(queue: readonly PendingCommand[], opId: string): PendingCommand[] {
  return queue.filter((p) => p.opId !== opId);
}

/** A new confirmed state arrived: acked commands it includes are no longer pending. */
export function confirmedUpTo(queue: readonly PendingCommand[], version: number): PendingCommand[] {
  const next = queue.filter((p) => p.ackedVersion === undefined || p.ackedVersion > version);
  return next.length === queue.length ? [...queue] : next;
}

/** What still has to reach the server, oldest first. */
export function unsent(queue: readonly PendingCommand[]): PendingCommand[] {
  return queue.filter((p) => p.ackedVersion === undefined);
}

/**
 * Commands older than this are not resent: the server keeps its answers for 24 hours, and a resend after that
 * could count twice. A phone that comes back the same day still sends what it had.
 */
export const MAX_PENDING_AGE_MS = 12 * 60 * 60 * 1000;

/** Parses pending commands kept in localStorage; anything malformed or older than MAX_PENDING_AGE_MS is dropped. */
export function parseStoredQueue(raw: string | null, now: number): PendingCommand[] {
  if (!raw) return [];
  try {
    const data: unknown = JSON.parse(raw);
    if (!Array.isArray(data)) return [];
    return data
      .filter(isStoredCommand)
      .filter((p) => now - p.at < MAX_PENDING_AGE_MS)
      .map((p) => ({ opId: p.opId, command: p.command, at: p.at }));
  } catch {
    return [];
  }
}

function isStoredCommand(x: unknown): x is PendingCommand {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  const cmd = r.command as Record<string, unknown> | null | undefined;
  return (
    typeof r.opId === 'string' &&
    /^[A-Za-z0-9_-]{1,64}$/.test(r.opId) &&
    typeof r.at === 'number' &&
    typeof cmd === 'object' &&
    cmd !== null &&
    typeof cmd.type === 'string'
  );
}
