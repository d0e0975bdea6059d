import type { AckError } from '@fokus/protocol';

/** The answer to a command the store could not make durable: nothing happened, the same op id may be sent again. */
export const NOT_SAVED: AckError = { ok: false, error: 'storage_unavailable', message: 'could not be saved, try again' };

/** A workshop's log cannot be replayed: the event at `seq` is unreadable or cannot be applied. */
export class BrokenLogError extends Error {
  constructor(
    readonly workshopId: string,
    readonly seq: number,
    override readonly cause: unknown,
  ) {
    super(`workshop ${workshopId}: event ${seq} cannot be replayed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'BrokenLogError';
  }
}

/** This one workshop is quarantined (its log is broken); HTTP answers 503 and the handshake `unavailable`. */
export class WorkshopUnavailableError extends Error {
  constructor() {
    super('this workshop cannot be loaded right now; the facilitator should contact the operator');
    this.name = 'WorkshopUnavailableError';
  }
}

/** The store refused a write outside a command (creating a workshop): HTTP answers 503 `storage_unavailable`. */
export class StorageUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(NOT_SAVED.message);
    this.name = 'StorageUnavailableError';
  }
}
