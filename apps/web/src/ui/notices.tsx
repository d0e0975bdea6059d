import { useEffect } from 'react';
import { useI18n } from '../i18n/index.ts';
import { useFokus, useSession } from '../store/context.tsx';

/** Plain-language answers from the server (a refused tap), fading after a few seconds. */
export function Notices() {
  const { t } = useI18n();
  const notices = useFokus((s) => s.notices);
  const { store } = useSession();
  useEffect(() => {
    if (notices.length === 0) return;
    const first = notices[0];
    if (!first) return;
    const id = setTimeout(() => store.getState().dismiss(first.id), 4500);
    return () => clearTimeout(id);
  }, [notices, store]);
  return (
    <div className="notices" aria-live="assertive">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.tone}`}>
          <span>{n.text}</span>
          <button type="button" className="notice__close" onClick={() => store.getState().dismiss(n.id)} aria-label={t('close')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
