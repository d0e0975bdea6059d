import { useCallback, useRef } from 'react';

type Done = (refusal: string | null) => void;
type Commit<T> = (next: T, done: Done) => void;

/**
 * A list sent whole (questions, rules, a step's parts) is built from what was last sent, not from what the
 * server has confirmed so far: two quick edits in a row (minutes, then the words) must not undo each other.
 * Once every send is answered and a newer list has come from the server, that list counts again; a refusal
 * drops what was sent.
 */
export function useLatestSent<T>(confirmed: T): { latest: () => T; send: (next: T, commit: Commit<T>, done: Done) => void } {
  const sent = useRef<{ base: T; value: T; inFlight: number } | null>(null);
  const latest = useCallback(() => {
    const s = sent.current;
    return s && (s.inFlight > 0 || s.base === confirmed) ? s.value : confirmed;
  }, [confirmed]);
  const send = useCallback(
    (next: T, commit: Commit<T>, done: Done) => {
      const s = { base: confirmed, value: next, inFlight: (sent.current?.inFlight ?? 0) + 1 };
      sent.current = s;
      commit(next, (refusal) => {
        if (sent.current) sent.current.inFlight = Math.max(0, sent.current.inFlight - 1);
        if (refusal) sent.current = null;
        done(refusal);
      });
    },
    [confirmed],
  );
  return { latest, send };
}
