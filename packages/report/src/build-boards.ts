/** Boards with all their ideas: the ranking with shared ranks, the focus list, hidden ideas, open questions. */
import type { Tally, Workshop } from '@fokus/core';
import { computeFocus, getOwn } from '@fokus/core';
import type { DocBoard, DocIdea, DocOpenQuestion } from './model.ts';
import { clean, oneLine } from './text.ts';

export function buildBoards(s: Workshop, tallies: Readonly<Record<string, Tally>>): DocBoard[] {
  const ideas = Object.values(s.ideas);
  const groupName = new Map(s.groups.map((g) => [g.id, oneLine(g.name)]));
  const focus = computeFocus(
    s.boards.map((b) => b.id),
    ideas,
    tallies,
    s.focus,
  );
  return s.boards.map((board, index) => {
    const items = focus[index]?.items ?? [];
    const ranking = items.flatMap((item): DocIdea[] => {
      const idea = getOwn(s.ideas, item.ideaId);
      if (!idea) return [];
      return [
        {
          id: idea.id,
          themeNo: idea.seq,
          text: oneLine(idea.text),
          details: clean(idea.details).trim(),
          dots: item.dots,
          voters: item.voters,
          rank: item.rank,
          focus: item.included,
          manual: item.manual,
          hidden: false,
          merged: idea.merged.map(oneLine),
          group: idea.groupId === null ? null : (groupName.get(idea.groupId) ?? null),
        },
      ];
    });
    const hidden = ideas
      .filter((i) => i.boardId === board.id && i.hidden)
      .sort((a, b) => a.seq - b.seq)
      .map((idea): DocIdea => {
        const t = getOwn(tallies, idea.id);
        return {
          id: idea.id,
          themeNo: idea.seq,
          text: oneLine(idea.text),
          details: clean(idea.details).trim(),
          dots: t?.dots ?? 0,
          voters: t?.voters ?? 0,
          rank: null,
          focus: false,
          manual: null,
          hidden: true,
          merged: idea.merged.map(oneLine),
          group: idea.groupId === null ? null : (groupName.get(idea.groupId) ?? null),
        };
      });
    return {
      id: board.id,
      title: oneLine(board.title),
      purpose: clean(board.purpose).trim(),
      questions: board.questions.map(oneLine).filter((q) => q !== ''),
      color: board.color ?? '',
      ranking,
      focus: ranking.filter((i) => i.focus),
      hidden,
    };
  });
}

const isQuestion = (text: string): boolean => /\?\s*$/.test(text);

/** See Documentation.openQuestions: questions raised as themes that the room did not take into focus. */
export function openQuestions(boards: readonly DocBoard[]): DocOpenQuestion[] {
  return boards
    .filter((b) => !isQuestion(b.title))
    .flatMap((b) =>
      b.ranking
        .filter((i) => !i.focus && isQuestion(i.text))
        .map((i) => ({ ideaId: i.id, themeNo: i.themeNo, board: b.title, text: i.text, details: i.details, dots: i.dots })),
    );
}
