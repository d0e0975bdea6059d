import { useRef } from 'react';
import type { PlanRow } from '@fokus/core';
import { byDate } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { useMonthNames, whenLabel } from '../../lib/plan-months.ts';
import { useFokus } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';
import { ColumnHead, IDEA_FLOOR } from './column-head.tsx';
import { useHyphenator } from './use-hyphenator.ts';
import { usePagedFit } from './use-paged-fit.ts';

/**
 * "Årets teman & träffar": Tema # · Tema · Värd · Månad · Kommentar. A row planned from an idea carries the idea's
 * own number, fixed when the idea was written; a free row shows the number typed in the console.
 */
export function PlanTable() {
  const { t, lang } = useI18n();
  const view = useFokus(selectView);
  const ref = useRef<HTMLDivElement>(null);
  const [page] = usePagedFit(ref, { floor: IDEA_FLOOR });
  const hy = useHyphenator(view?.lang ?? lang);
  const names = useMonthNames();
  if (!view) return null;
  const ideas = new Map(view.ideas.map((i) => [i.id, i]));
  const themeNo = (r: PlanRow) => {
    const idea = r.ideaId ? ideas.get(r.ideaId) : undefined;
    if (idea) return `#${idea.seq}`;
    return r.themeNo === null ? '' : String(r.themeNo);
  };
  return (
    <section className="plan" ref={ref}>
      <ColumnHead title={t('planHeading')} page={page} />
      {view.plan.length === 0 ? (
        <p className="muted">{t('nothingYet')}</p>
      ) : (
        <table className="plan__table">
          <thead>
            <tr className="plan__row plan__row--head">
              <th scope="col">{t('planThemeNo')}</th>
              <th scope="col">{t('planTheme')}</th>
              <th scope="col">{t('planHost')}</th>
              <th scope="col">{t('planMonth')}</th>
              <th scope="col">{t('planComment')}</th>
            </tr>
          </thead>
          <tbody className="plan__rows" data-fit="">
            {[...view.plan].sort(byDate).map((r) => {
              const theme = r.theme || (r.ideaId ? (ideas.get(r.ideaId)?.text ?? '') : '');
              return (
                <tr key={r.id} className="plan__row">
                  <td className="plan__no">{themeNo(r)}</td>
                  <td>
                    {hy(theme)}
                    {/* A meeting with no theme is named by its kind alone, without a dangling separator. */}
                    <span className="plan__kind">
                      {theme ? ' · ' : ''}
                      {t(`meeting_${r.kind}`)}
                    </span>
                  </td>
                  <td>
                    {r.host}
                    {r.backup && <span className="muted"> ({r.backup})</span>}
                  </td>
                  <td className="plan__when">{whenLabel(r, view.planYear, names)}</td>
                  <td>{hy(r.comment)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
