import { useI18n } from '../../i18n/index.ts';
import { useFokus } from '../../store/context.tsx';
import { selectTally } from '../../store/selectors.ts';

/** Who is here, who is done, dots used: always visible. */
export function StatusBar() {
  const { t } = useI18n();
  const tally = useFokus(selectTally);
  const locked = useFokus((s) => s.view?.joiningLocked ?? false);
  if (!tally) return null;
  return (
    <dl className="status-bar" aria-live="polite">
      <div>
        <dt>{t('joined')}</dt>
        <dd>
          {tally.participants}
          <span className="muted">
            {' '}
            · {tally.online} {t('online')}
          </span>
          {locked && <span className="tag tag--closed status-bar__lock">{t('joiningLocked')}</span>}
        </dd>
      </div>
      <div>
        <dt>{t('doneCount')}</dt>
        <dd>
          {tally.done}/{tally.participants}
        </dd>
      </div>
      <div>
        <dt>{t('dotsUsedShort')}</dt>
        <dd>
          {tally.dotsUsed}/{tally.dotsTotal}
        </dd>
      </div>
    </dl>
  );
}
