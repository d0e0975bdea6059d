/**
 * The next-theme vote in the compiled report, from the plenary workshop's state as the server shows it: with
 * anonymous voting open, only the dots the anonymity gate has released (pass `room.shown`, never the durable
 * state). Ranks are core's (shared on equal dots); focus is the plenary's focus rule with its manual changes.
 */
import type { Workshop } from '@fokus/core';
import { PLENARY_BOARD_ID, computeFocus, getOwn, tallyOf } from '@fokus/core';
import { oneLine } from '../text.ts';
import type { SeriesVote, SeriesVoteItem } from './model.ts';
import type { SeriesWords } from './words.ts';

export function buildNextThemeVote(s: Workshop, w: SeriesWords): SeriesVote {
  // The plenary has one board; a facilitator who renamed or replaced it still has its first board counted.
  const boardId = s.boards.some((b) => b.id === PLENARY_BOARD_ID) ? PLENARY_BOARD_ID : (s.boards[0]?.id ?? PLENARY_BOARD_ID);
  const tallies = tallyOf(s);
  const [board] = computeFocus([boardId], Object.values(s.ideas), tallies, s.focus);
  const items = (board?.items ?? []).flatMap((item): SeriesVoteItem[] => {
    const idea = getOwn(s.ideas, item.ideaId);
    if (!idea) return [];
    return [
      {
        text: oneLine(idea.text),
        region: oneLine(idea.details),
        merged: idea.merged.map(oneLine),
        dots: item.dots,
        voters: item.voters,
        rank: item.rank,
        focus: item.included,
      },
    ];
  });
  return {
    title: w.vote,
    status: s.voting.status,
    anonymous: s.voting.settings.anonymous,
    budget: s.voting.settings.budget,
    dots: items.reduce((n, i) => n + i.dots, 0),
    items,
  };
}
