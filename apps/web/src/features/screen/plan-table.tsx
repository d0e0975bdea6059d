import { useRef } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { useFokus } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';
import { useFit } from './use-fit.ts';

/** "Årets teman & träffar": Tema # · Tema · Värd · Månad · Kommentar. */
export function PlanTable() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const ref = useRef<HTMLDivElement>(null);
  useFit(ref, [view?.plan], { twoColumnsBelow: 0 });
  if (!view) return null;
  const ideaText = new Map(view.ideas.map((i) => [i.id, i.text]));
  return (
    <section className="plan">
      <h2 className="plan__head">{t('planHeading')}</h2>
      <div ref={ref} className="plan__fit fit">
        {view.plan.length === 0 ? (
          <p className="muted">{t('nothingYet')}</p>
        ) : (
          <table className="plan__table">
            <thead>
              <tr>
                <th scope="col">{t('planThemeNo')}</th>
                <th scope="col">{t('planTheme')}</th>
                <th scope="col">{t('planHost')}</th>
                <th scope="col">{t('planMonth')}</th>
                <th scope="col">{t('planComment')}</th>
              </tr>
            </thead>
            <tbody>
              {view.plan.map((r) => (
                <tr key={r.id}>
                  <td>{r.themeNo ?? ''}</td>
                  <td>
                    {r.theme || (r.ideaId ? ideaText.get(r.ideaId) : '')}
                    <span className="plan__kind"> · {t(`meeting_${r.kind}`)}</span>
                  </td>
                  <td>
                    {r.host}
                    {r.backup && <span className="muted"> ({r.backup})</span>}
                  </td>
                  <td>{r.month}</td>
                  <td>{r.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
