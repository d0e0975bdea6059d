import { useI18n } from '../i18n/index.ts';
import { useFokus } from '../store/context.tsx';
import { selectStatus, selectUnsentCount } from '../store/selectors.ts';

/** A thin banner while the socket is down; says that taps will be sent. */
export function OfflineBanner() {
  const { t } = useI18n();
  const status = useFokus(selectStatus);
  const unsent = useFokus(selectUnsentCount);
  if (status === 'online' || status === 'refused') return null;
  return (
    <div className="offline-banner" role="status" aria-live="polite">
      {status === 'connecting' ? t('reconnecting') : t('offlineBanner')}
      {status === 'offline' && unsent > 0 && <span className="offline-banner__count"> · {t('pendingCount', { n: unsent })}</span>}
    </div>
  );
}
