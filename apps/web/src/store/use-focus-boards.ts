import { useMemo } from 'react';
import { computeFocus } from '@fokus/core';
import type { FocusBoard } from '@fokus/core';
import { useFokus } from './context.tsx';
import { selectTally, selectView } from './selectors.ts';

/** The focus list per dimension from the server's view and figures: the same rule on the phone, screen and console. */
export function useFocusBoards(): FocusBoard[] {
  const view = useFokus(selectView);
  const tally = useFokus(selectTally);
  return useMemo(
    () =>
      view
        ? computeFocus(
            view.boards.map((b) => b.id),
            view.ideas,
            tally?.tallies ?? {},
            view.focus,
          )
        : [],
    [view, tally],
  );
}
