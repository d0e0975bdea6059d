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
 * Every designer edit goes through here: it keeps the inverse of the last edit, computed from the view as
 * it stood when the edit was sent, and forgets it if the server refuses the edit.
 */
export function useUndo(): Undo {
  const { send, store } = useSession();
  const { err } = useI18n();
  const [last, setLast] = useState<ClientCommand | null>(null);
  // Only the newest edit's refusal may clear the undo: an older one's answer says nothing about it.
  const seq = useRef(0);

  const edit = useCallback<Edit>(
    (command, onResult) => {
      const view = store.getState().view;
      const inverse = view ? inverseOf(command, view) : null;
      const mine = ++seq.current;
      // "Ångra" names this edit from the moment it is sent: the inverse goes after it in the same ordered
      // queue, so even a quick undo reaches the server after the edit it takes back.
      setLast(inverse);
      send(command, (r) => {
        if (r.ok) onResult?.(null);
        else {
          if (mine === seq.current) setLast(null);
          onResult?.(err(r.error));
        }
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
