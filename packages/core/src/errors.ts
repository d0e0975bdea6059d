/** Rule failures are values, not exceptions: the server forwards the code, the UI words it. */
export type DomainErrorCode =
  | 'forbidden'
  | 'not_found'
  | 'invalid'
  | 'already_exists'
  | 'joining_locked'
  | 'not_accepting_ideas'
  | 'voting_not_open'
  | 'voting_open'
  | 'budget_exhausted'
  | 'cap_reached'
  | 'no_dot_to_remove'
  | 'budget_below_spent'
  | 'cap_below_stacked'
  | 'anonymity_locked'
  | 'limit_reached'
  /** A board that holds ideas cannot be deleted; the message says how many. */
  | 'board_not_empty'
  /** The step the room is on cannot be deleted. */
  | 'step_current';

export interface DomainError {
  code: DomainErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: DomainErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
