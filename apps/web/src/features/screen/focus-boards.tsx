import { Fragment, useMemo, useRef } from 'react';
import { computeFocus } from '@fokus/core';
import type { FocusBoard } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { useFokus } from '../../store/context.tsx';
import { selectTally, selectView } from '../../store/selectors.ts';
import { useFit } from './use-fit.ts';
import { useFlip } from './use-flip.ts';

/** The year the plan is for: an autumn workshop plans next year ("Fokus 2023" made in late 2022). */
export function focusYear(now = new Date()): number {
  return now.getMonth() >= 7 ? now.getFullYear() + 1 : now.getFullYear();
}

/** Focus themes per dimension with the cut line, ties on it and manual changes visible. */
export function FocusBoards() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const tally = useFokus(selectTally);
  const ref = useRef<HTMLDivElement>(null);
  useFlip(ref);
  const boards = useMemo(
    () => (view ? computeFocus(view.boards.map((b) => b.id), view.ideas, tally?.tallies ?? {}, view.focus) : []),
    [view, tally],
  );
  if (!view) return null;
  const text = new Map(view.ideas.map((i) => [i.id, i.text]));
  return (
    <div className="focus-wrap" ref={ref}>
      <h2 className="focus-year">{t('focusYear', { year: focusYear() })}</h2>
      <div className="columns" style={{ gridTemplateColumns: `repeat(${view.boards.length}, minmax(0, 1fr))` }}>
        {boards.map((fb, bi) => (
          <FocusColumn key={fb.boardId} fb={fb} index={bi} title={view.boards[bi]?.title ?? ''} text={text} />
        ))}
      </div>
    </div>
  );
}

function FocusColumn({ fb, index, title, text }: { fb: FocusBoard; index: number; title: string; text: Map<string, string> }) {
  const { t } = useI18n();
  const ref = useRef<HTMLOListElement>(null);
  useFit(ref, [fb], { twoColumnsBelow: 0.5 });
  const ties = new Set(fb.tieAtCut);
  const included = fb.items.filter((i) => i.included).length;
  return (
    <section className="column" style={dimensionStyle(index)} aria-label={title}>
      <h3 className="column__head">
        <span className="column__title">{title}</span>
        <span className="column__count">{included}</span>
      </h3>
      <ol ref={ref} className="column__ideas fit">
        {fb.items.map((item, i) => (
          <Fragment key={item.ideaId}>
            {i === fb.cut && fb.cut > 0 && (
              <li className="cut-line" aria-label={t('cutLine')}>
                <span>{t('cutLine')}</span>
              </li>
            )}
            <li
              data-flip={item.ideaId}
              className={`f-item${item.included ? ' f-item--in' : ''}${item.manual ? ` f-item--${item.manual}` : ''}`}
            >
              <span className="f-item__text">
                {item.included && <span aria-hidden="true">★ </span>}
                {text.get(item.ideaId)}
                {ties.has(item.ideaId) && <span className="f-item__tie"> · {t('tied')}</span>}
                {item.manual === 'added' && <span className="f-item__tie"> · {t('manualAdded')}</span>}
              </span>
              <span className="f-item__dots">{item.dots}</span>
            </li>
          </Fragment>
        ))}
      </ol>
    </section>
  );
}
