import type { FocusSettings } from './model.ts';
import type { RankableIdea, RankedIdea, Tally } from './ranking.ts';
import { rankIdeas } from './ranking.ts';

export interface FocusItem extends RankedIdea {
  /** Above the cut line by the current rule. */
  suggested: boolean;
  /** In the focus list: suggested, or added by hand, and not removed by hand. */
  included: boolean;
  manual: 'added' | 'removed' | null;
}

export interface FocusBoard {
  boardId: string;
  items: FocusItem[];
  /** How many items stand above the cut line (items are ranked, so the line falls after this many). */
  cut: number;
  /** Ideas that share the rank on the cut line when that rank pushes the list past N (top-N only). */
  tieAtCut: string[];
}

/** The focus suggestion per board, with the cut line, ties on it and manual changes applied. */
export function computeFocus(
  boardIds: readonly string[],
  ideas: readonly RankableIdea[],
  tally: Readonly<Record<string, Tally>>,
  focus: FocusSettings,
): FocusBoard[] {
  const added = new Set(focus.added);
  const removed = new Set(focus.removed);
  return boardIds.map((boardId) => {
    const ranked = rankIdeas(ideas, tally, boardId);
    const suggestedIds = new Set(
      ranked.filter((r) => r.dots > 0 && (focus.mode === 'threshold' ? r.dots >= focus.value : r.rank <= focus.value)).map((r) => r.ideaId),
    );
    const cut = suggestedIds.size;
    let tieAtCut: string[] = [];
    if (focus.mode === 'top' && cut > focus.value) {
      const lastRank = (ranked[cut - 1] as RankedIdea).rank;
      tieAtCut = ranked.filter((r) => r.rank === lastRank).map((r) => r.ideaId);
    }
    const items = ranked.map((r): FocusItem => {
      const suggested = suggestedIds.has(r.ideaId);
      const manual = added.has(r.ideaId) ? 'added' : removed.has(r.ideaId) ? 'removed' : null;
      return { ...r, suggested, manual, included: manual === 'added' || (suggested && manual !== 'removed') };
    });
    return { boardId, items, cut, tieAtCut };
  });
}
