import { Fragment, useRef } from 'react';
import type { FocusBoard, FocusSettings } from '@fokus/core';
import type { IdeaView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { useFokus } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';
import { useFocusBoards } from '../../store/use-focus-boards.ts';
import { ColumnHead, IDEA_FLOOR } from './column-head.tsx';
import { useFlip } from './use-flip.ts';
import { useHyphenator } from './use-hyphenator.ts';
import { usePagedFit } from './use-paged-fit.ts';
import type { PageInfo } from './use-paged-fit.ts';

/**
 * As the seed writes it: per dimension "Fokus år YYYY" over the themes in focus, the cut line with its rule, ties on
 * the line and manual changes marked, the rest below in rank order.
 */
export function FocusBoards() {
  const { lang } = useI18n();
  const view = useFokus(selectView);
  const root = useRef<HTMLDivElement>(null);
  const pages = usePagedFit(root, { floor: IDEA_FLOOR });
  useFlip(root);
  const hy = useHyphenator(view?.lang ?? lang);
  const boards = useFocusBoards();
  if (!view) return null;
  const ideas = new Map(view.ideas.map((i) => [i.id, i]));
  return (
    <div className="focus-wrap">
      <div ref={root} className="columns" style={{ gridTemplateColumns: `repeat(${view.boards.length}, minmax(0, 1fr))` }}>
        {boards.map((fb, bi) => (
          <FocusColumn
            key={fb.boardId}
            fb={fb}
            index={bi}
            title={hy(view.boards[bi]?.title ?? '')}
            ideas={ideas}
            focus={view.focus}
            year={view.planYear}
            color={view.boards[bi]?.color}
            page={pages[bi]}
            hy={hy}
          />
        ))}
      </div>
    </div>
  );
}

function FocusColumn({
  fb,
  index,
  title,
  ideas,
  focus,
  year,
  color,
  page,
  hy,
}: {
  fb: FocusBoard;
  index: number;
  title: string;
  ideas: Map<string, IdeaView>;
  focus: FocusSettings;
  year: number;
  color: string | undefined;
  page: PageInfo | undefined;
  hy: (text: string) => string;
}) {
  const { t } = useI18n();
  const ties = new Set(fb.tieAtCut);
  const included = fb.items.filter((i) => i.included).length;
  const rule = focus.mode === 'threshold' ? t('cutLineThreshold', { n: focus.value }) : t('cutLineTop', { n: focus.value });
  return (
    <section className="column" style={dimensionStyle(index, color)} aria-label={title}>
      <ColumnHead title={title} count={included} page={page} />
      <ol className="column__ideas focus-list" data-fit="">
        <li className="f-year">
          {t('focusYear', { year })}
          {included === 0 && <span className="f-year__none"> – {t('focusNone')}</span>}
        </li>
        {fb.items.map((item, i) => {
          const idea = ideas.get(item.ideaId);
          return (
            <Fragment key={item.ideaId}>
              {i === fb.cut && (
                <li className="cut-line">
                  <span>{rule}</span>
                </li>
              )}
              <li
                data-flip={item.ideaId}
                data-idea={item.ideaId}
                className={`f-item${item.included ? ' f-item--in' : ''}${item.manual ? ` f-item--${item.manual}` : ''}`}
              >
                <span className="f-item__name">
                  <span className="s-no">#{idea?.seq}</span>{' '}
                  <span className="f-item__text">
                    {item.included && <span aria-hidden="true">★ </span>}
                    {hy(idea?.text ?? '')}
                    {ties.has(item.ideaId) && <span className="f-item__tie"> · {t('tied')}</span>}
                    {item.manual === 'added' && <span className="f-item__tie"> · {t('manualAdded')}</span>}
                    {item.manual === 'removed' && <span className="f-item__tie"> · {t('manualRemoved')}</span>}
                  </span>
                </span>
                <span className="f-item__dots">{item.dots}</span>
              </li>
            </Fragment>
          );
        })}
        {fb.cut >= fb.items.length && fb.items.length > 0 && (
          <li className="cut-line">
            <span>{rule}</span>
          </li>
        )}
      </ol>
    </section>
  );
}
