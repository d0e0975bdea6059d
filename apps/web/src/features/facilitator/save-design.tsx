import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { downloadDesign, fetchDesign } from '../start/design-api.ts';

/**
 * "Spara som mall": the workshop's design (boards, agenda, rules, voting, focus rule; none of the day's ideas or
 * people) downloaded as a file that "Ny workshop från fil" on the start page reads back.
 */
export function SaveDesignButton({ code, facilitatorKey, className }: { code: string; facilitatorKey: string; className?: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const save = () => {
    setBusy(true);
    setFailed(false);
    fetchDesign(code, facilitatorKey)
      .then(downloadDesign)
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <button type="button" className={`btn btn--small ${className ?? ''}`} disabled={busy} onClick={save} title={t('saveDesignHint')}>
        {t('saveDesign')}
      </button>
      {failed && (
        <span className="form-error" role="alert">
          {t('recentSaveFailed')}
        </span>
      )}
    </>
  );
}

/** The same as a console panel of its own, for the tools one click away. */
export function SaveDesignPanel({ code, facilitatorKey }: { code: string; facilitatorKey: string }) {
  const { t } = useI18n();
  return (
    <section className="panel panel--row" aria-labelledby="save-design-h">
      <div>
        <h2 id="save-design-h" className="panel-title">
          {t('saveDesign')}
        </h2>
        <p className="muted">{t('saveDesignHint')}</p>
      </div>
      <SaveDesignButton code={code} facilitatorKey={facilitatorKey} />
    </section>
  );
}
