import { useRef } from 'react';
import type { Board } from '@fokus/core';
import type { IdeaView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { useFokus } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';
import { useFit } from './use-fit.ts';

/** Brainstorm and presentation: the dimensions as columns filling live. */
export function BoardColumns() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  if (!view) return null;
  const groupName = new Map(view.groups.map((g) => [g.id, g.name]));
  const spotlight = view.spotlightGroupId;
  const spotGroup = view.groups.find((g) => g.id === spotlight);
  return (
    <div className="columns-wrap">
      {spotGroup && (
        <p className="spotlight-label">
          {t('spotlight')}: <strong>{spotGroup.name}</strong>
          {spotGroup.members && spotGroup.members.length > 0 && <span> · {spotGroup.members.join(', ')}</span>}
        </p>
      )}
      <div className="columns" style={{ gridTemplateColumns: `repeat(${view.boards.length}, minmax(0, 1fr))` }}>
        {view.boards.map((b, i) => (
          <Column
            key={b.id}
            board={b}
            index={i}
            ideas={view.ideas.filter((x) => x.boardId === b.id && !x.hidden)}
            groupName={groupName}
            spotlight={spotlight}
          />
        ))}
      </div>
    </div>
  );
}

function Column({
  board,
  index,
  ideas,
  groupName,
  spotlight,
}: {
  board: Board;
  index: number;
  ideas: IdeaView[];
  groupName: Map<string, string>;
  spotlight: string | null;
}) {
  const ref = useRef<HTMLUListElement>(null);
  useFit(ref, [ideas, spotlight]);
  return (
    <section className="column" style={dimensionStyle(index)} aria-labelledby={`col-${board.id}`}>
      <h2 id={`col-${board.id}`} className="column__head">
        <span className="column__title">{board.title}</span>
        <span className="column__count">{ideas.length}</span>
      </h2>
      <ul ref={ref} className="column__ideas fit">
        {ideas.map((idea) => (
          <li key={idea.id} className={`s-idea${spotlight && idea.groupId !== spotlight ? ' s-idea--dim' : ''}`}>
            <span className="s-idea__text">{idea.text}</span>
            {idea.details && <span className="s-idea__details">{idea.details}</span>}
            {idea.groupId && groupName.get(idea.groupId) && <span className="s-idea__group">{groupName.get(idea.groupId)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
