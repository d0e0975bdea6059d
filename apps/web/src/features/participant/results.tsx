import { useMemo } from 'react';
import { byDate, rankIdeas } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { useMonthNames, whenLabel } from '../../lib/plan-months.ts';
import { useFokus } from '../../store/context.tsx';
import { selectMe, selectTally, selectView } from '../../store/selectors.ts';
import { useFocusBoards } from '../../store/use-focus-boards.ts';
import { Dots } from '../../ui/dots.tsx';
import { IdeaText } from './idea-text.tsx';

/** After reveal: every dimension's ideas, most dots first, with my own dots shown. */
export function Results() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const tally = useFokus(selectTally);
  const me = useFokus(selectMe);
  const rows = useMemo(() => {
    if (!view) return [];
    const tallies = tally?.tallies ?? {};
    return view.boards.map((b, bi) => ({ board: b, bi, ranked: rankIdeas(view.ideas, tallies, b.id) }));
  }, [view, tally]);
  if (!view) return null;
  const text = new Map(view.ideas.map((i) => [i.id, i.text]));
  const max = Math.max(1, ...rows.flatMap((r) => r.ranked.map((x) => x.dots)));
  return (
    <div className="stack">
      <h2 className="section-title">{t('results')}</h2>
      {rows.map(({ board, bi, ranked }) =>
        ranked.length === 0 ? null : (
          <section key={board.id} className="result-board" style={dimensionStyle(bi)} aria-labelledby={`rb-${board.id}`}>
            <h3 id={`rb-${board.id}`} className="vote__board-title">
              {board.title}
            </h3>
            <ol className="result-list">
              {ranked.map((r) => {
                const mine = me?.votes[r.ideaId] ?? 0;
                return (
                  <li key={r.ideaId} className="result-row">
                    <IdeaText className="result-row__text" text={text.get(r.ideaId) ?? ''} />
                    <span className="result-row__bar" style={{ '--w': `${(r.dots / max) * 100}%` }} aria-hidden="true" />
                    <span className="result-row__count">{r.dots === 1 ? t('oneDot') : t('dots', { n: r.dots })}</span>
                    {(r.dots > 0 || mine > 0) && (
                      <span className="result-row__foot">
                        {r.dots > 0 && <span className="result-row__voters">{r.voters === 1 ? t('phoneVotersOne') : t('phoneVoters', { n: r.voters })}</span>}
                        {mine > 0 && <Dots filled={mine} size="sm" label={t('myDotsOn', { n: mine })} />}
                      </span>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        ),
      )}
    </div>
  );
}

/** The focus list per dimension (what made the cut). */
export function FocusList() {
  const view = useFokus(selectView);
  const focus = useFocusBoards();
  if (!view) return null;
  const text = new Map(view.ideas.map((i) => [i.id, i.text]));
  return (
    <div className="stack">
      {focus.map((fb, bi) => {
        const board = view.boards[bi];
        const items = fb.items.filter((i) => i.included);
        return (
          <section key={fb.boardId} className="result-board" style={dimensionStyle(bi)} aria-label={board?.title}>
            <h2 className="vote__board-title">{board?.title}</h2>
            {items.length === 0 ? (
              <p className="muted">–</p>
            ) : (
              <ul className="focus-list">
                {items.map((i) => (
                  <li key={i.ideaId}>
                    <IdeaText text={text.get(i.ideaId) ?? ''} /> <strong>{i.dots}</strong>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

export function PlanList() {
  const { t } = useI18n();
  const names = useMonthNames();
  const view = useFokus(selectView);
  const plan = view?.plan;
  if (!view || !plan || plan.length === 0) return <p className="waiting">{t('nothingYet')}</p>;
  return (
    <section aria-labelledby="plan-h" className="stack">
      <h2 id="plan-h" className="section-title">
        {t('planHeading')}
      </h2>
      <ul className="plan-cards">
        {[...plan].sort(byDate).map((r) => (
          <li key={r.id} className="plan-card">
            <strong>{whenLabel(r, view.planYear, names, true)}</strong> · {t(`meeting_${r.kind}`)}
            <div>
              {r.themeNo !== null && <span className="muted">#{r.themeNo} </span>}
              {r.theme}
            </div>
            {(r.host || r.backup) && (
              <div className="muted">
                {t('planHost')}: {r.host}
                {r.backup && ` (${r.backup})`}
              </div>
            )}
            {r.comment && <div className="muted">{r.comment}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
