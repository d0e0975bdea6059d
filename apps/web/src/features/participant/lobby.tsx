import { useI18n } from '../../i18n/index.ts';
import { useFokus } from '../../store/context.tsx';
import { selectMe, selectView } from '../../store/selectors.ts';

export function Lobby() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const me = useFokus(selectMe);
  return (
    <div className="stack">
      {me && <p className="lead">{t('youAre', { name: me.name })}</p>}
      <p className="waiting">{t('waitingToStart')}</p>
      {view && view.rules.length > 0 && (
        <section className="rules" aria-labelledby="rules-h">
          <h2 id="rules-h">{t('rules')}</h2>
          <ol>
            {view.rules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
