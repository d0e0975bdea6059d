import type { ClientCommand, CommandAck, CommandEnvelope } from '@fokus/protocol';
import type { FokusStore } from '../store/store.ts';
import { unsent } from './command-queue.ts';
import { newId } from './ids.ts';

/** The least a sender needs from a socket: is it open, and send one envelope with an ack. */
export interface CommandTransport {
  isOpen: () => boolean;
  emit: (env: CommandEnvelope, done: (result: CommandAck | 'timeout') => void) => void;
}

export type CommandResult = { ok: true } | { ok: false; error: string };

/** Errors after which nothing happened on the server: the same envelope is sent again, never a new op id. */
const RETRYABLE: ReadonlySet<string> = new Set(['storage_unavailable']);

export interface SenderOptions {
  /** Words an error for the person who tapped: a refusal, or (once per command) a save that failed and is retried. */
  onRefused?: (error: string, command: ClientCommand) => void;
  /** Wait before retrying after an ack timeout; null disables the retry timer (tests). */
  retryMs?: number | null;
}

/**
 * Sends commands in order with a client-made opId, keeps them pending until acked, resends the same
 * envelope after a reconnect, and never has the same opId in flight twice on one connection.
 */
export class CommandSender {
  private inFlight = new Set<string>();
  private callbacks = new Map<string, (r: CommandResult) => void>();
  /** Commands whose failed save the person has been told of. */
  private told = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: FokusStore,
    private readonly transport: CommandTransport,
    private readonly options: SenderOptions = {},
  ) {}

  send(command: ClientCommand, onResult?: (r: CommandResult) => void): string {
    const opId = newId();
    if (onResult) this.callbacks.set(opId, onResult);
    this.store.getState().addPending({ opId, command, at: Date.now() });
    this.flush();
    return opId;
  }

  /** Sends everything not yet acked and not already on its way. Call on (re)connect. */
  flush(): void {
    if (!this.transport.isOpen()) return;
    for (const entry of unsent(this.store.getState().pending)) {
      if (this.inFlight.has(entry.opId)) continue;
      this.inFlight.add(entry.opId);
      const { opId, command } = entry;
      this.transport.emit({ opId, command }, (result) => this.settle(opId, command, result));
    }
  }

  /** The connection dropped: whatever was in flight may not have arrived, so it is sent again on reconnect. */
  connectionLost(): void {
    this.inFlight.clear();
  }

  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.callbacks.clear();
  }

  private settle(opId: string, command: ClientCommand, result: CommandAck | 'timeout'): void {
    this.inFlight.delete(opId);
    const state = this.store.getState();
    if (!state.pending.some((p) => p.opId === opId)) return;
    if (result === 'timeout') {
      this.scheduleRetry();
      return;
    }
    if (!result.ok && RETRYABLE.has(result.error)) {
      // Kept pending (what it shows stays shown) and sent again with the same op id; said once, not every retry.
      if (!this.told.has(opId)) this.options.onRefused?.(result.error, command);
      this.told.add(opId);
      this.scheduleRetry();
      return;
    }
    this.told.delete(opId);
    const cb = this.callbacks.get(opId);
    this.callbacks.delete(opId);
    if (result.ok) {
      state.ackPending(opId, result.version);
      cb?.({ ok: true });
    } else {
      state.rejectPending(opId);
      this.options.onRefused?.(result.error, command);
      cb?.({ ok: false, error: result.error });
    }
  }

  private scheduleRetry(): void {
    const ms = this.options.retryMs === undefined ? 3000 : this.options.retryMs;
    if (ms === null || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush();
    }, ms);
  }
}
