import { useRef } from 'react';
import type { Board } from '@fokus/core';
import type { IdeaView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { useFokus } from '../../store/context.tsx';
import { selectStep, selectView } from '../../store/selectors.ts';
import { NoteBadges } from '../../ui/note-marks.tsx';
import { GroupsPanel } from './groups-panel.tsx';
import { ColumnHead, IDEA_FLOOR } from './column-head.tsx';
import { useHyphenator } from './use-hyphenator.ts';
import { usePagedFit } from './use-paged-fit.ts';
import type { PageInfo } from './use-paged-fit.ts';

/**
 * Brainstorm and presentation: the dimensions as columns filling live. While brainstorming each column carries its
 * guiding questions (and its purpose where there is room); before the first idea the group split is up too.
 */
export function BoardColumns() {
  const { t, lang } = useI18n();
  const view = useFokus(selectView);
  const step = useFokus(selectStep);
  const root = useRef<HTMLDivElement>(null);
  const pages = usePagedFit(root, { floor: IDEA_FLOOR });
  const hy = useHyphenator(view?.lang ?? lang);
  if (!view) return null;
  const spotlight = view.spotlightGroupId;
  const spotGroup = view.groups.find((g) => g.id === spotlight);
  const brainstorm = step?.kind === 'brainstorm';
  const visible = view.ideas.filter((x) => !x.hidden);
  // Purpose and questions in full where there is room: one or two columns, or a board nothing has been written on yet.
  const roomy = view.boards.length <= 2 || visible.length === 0;
  return (
    <div className="columns-wrap">
      {spotGroup && (
        <p className="spotlight-label">
          {t('spotlight')}: <strong>{spotGroup.name}</strong>
          {spotGroup.members && spotGroup.members.length > 0 && <span> · {spotGroup.members.join(', ')}</span>}
        </p>
      )}
      <div
        ref={root}
        className={`columns${brainstorm ? ' columns--guided' : ''}${visible.length === 0 ? ' columns--empty' : ''}`}
        style={{ gridTemplateColumns: `repeat(${view.boards.length}, minmax(0, 1fr))` }}
      >
        {view.boards.map((b, i) => (
          <Column
            key={b.id}
            board={b}
            index={i}
            ideas={visible.filter((x) => x.boardId === b.id)}
            spotlight={spotlight}
            guide={brainstorm ? (roomy ? 'full' : 'questions') : 'none'}
            page={pages[i]}
            hy={hy}
          />
        ))}
      </div>
      {brainstorm && visible.length === 0 && <GroupsPanel groups={view.groups} className="groups--board" />}
    </div>
  );
}

function Column({
  board,
  index,
  ideas,
  spotlight,
  guide,
  page,
  hy,
}: {
  board: Board;
  index: number;
  ideas: IdeaView[];
  spotlight: string | null;
  guide: 'none' | 'questions' | 'full';
  page: PageInfo | undefined;
  hy: (text: string) => string;
}) {
  return (
    <section className="column" style={dimensionStyle(index, board.color)} aria-labelledby={`col-${board.id}`}>
      <ColumnHead id={`col-${board.id}`} title={hy(board.title)} count={ideas.length} page={page} />
      {guide !== 'none' && (
        <div className="column__guide">
          {guide === 'full' && board.purpose && <p className="column__purpose">{hy(board.purpose)}</p>}
          {board.questions.length > 0 && (
            <ul className="column__questions">
              {board.questions.map((q) => (
                <li key={q}>{hy(q)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ul className="column__ideas" data-fit="">
        {ideas.map((idea) => (
          <li key={idea.id} data-idea={idea.id} className={`s-idea${spotlight && idea.groupId !== spotlight ? ' s-idea--dim' : ''}`}>
            <span className="s-no">#{idea.seq}</span> <span className="s-idea__text">{hy(idea.text)}</span>
            {/* A space, not a margin: a badge that wraps to the next line starts flush with the text. */}{' '}
            <NoteBadges tips={idea.tips} category={idea.category ? hy(idea.category) : null} />
            {idea.details && <span className="s-idea__details"> {hy(idea.details)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
