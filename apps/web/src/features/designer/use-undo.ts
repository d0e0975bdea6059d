import { useCallback, useRef, useState } from 'react';
import type { ClientCommand } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { useSession } from '../../store/context.tsx';
import { inverseOf } from './inverse.ts';

/** Called with the server's refusal in words (for the field that sent it), or null once it is accepted. */
export type EditResult = (refusal: string | null) => void;
export type Edit = (command: ClientCommand, onResult?: EditResult) => void;

export interface Undo {
  edit: Edit;
  /** Sends the inverse of the last accepted edit; once, then there is nothing left to undo. */
  undo: () => void;
  canUndo: boolean;
}

/**
 * Every designer edit goes through here: it keeps the inverse of the last edit the server accepted,
 * computed from the view as it stood when the edit was sent.
 */
export function useUndo(): Undo {
  const { send, store } = useSession();
  const { err } = useI18n();
  const [last, setLast] = useState<ClientCommand | null>(null);
  // Edits answered out of order must not leave an older inverse behind: only the newest one counts.
  const seq = useRef(0);

  const edit = useCallback<Edit>(
    (command, onResult) => {
      const view = store.getState().view;
      const inverse = view ? inverseOf(command, view) : null;
      const mine = ++seq.current;
      send(command, (r) => {
        if (r.ok) {
          if (mine === seq.current) setLast(inverse);
          onResult?.(null);
        } else onResult?.(err(r.error));
      });
    },
    [send, store, err],
  );

  const undo = useCallback(() => {
    if (!last) return;
    seq.current++;
    setLast(null);
    send(last);
  }, [last, send]);

  return { edit, undo, canUndo: last !== null };
}
