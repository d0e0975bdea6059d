import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { HttpError } from '../../lib/api.ts';
import { useSession } from '../../store/context.tsx';
import { forgetConsole } from '../start/recent.ts';
import { ConfirmButton } from './confirm-button.tsx';

/** Erases the workshop on the server (DELETE with the facilitator key); 404 means it is already gone. */
async function deleteWorkshop(code: string, key: string): Promise<void> {
  const res = await fetch(`/api/workshops/${encodeURIComponent(code)}`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
  if (!res.ok && res.status !== 404) throw new HttpError(res.status, res.statusText);
}

/** "Delete workshop", asked once. Every open screen, phone and console is then told it is gone. */
export function DeleteWorkshopPanel({ code, facilitatorKey }: { code: string; facilitatorKey: string }) {
  const { t } = useI18n();
  const { store } = useSession();
  const [busy, setBusy] = useState(false);
  const erase = () => {
    setBusy(true);
    deleteWorkshop(code, facilitatorKey)
      .then(() => {
        // Nothing of it stays in this browser either: the key and the title in the recent list go too.
        forgetConsole(code);
        store.getState().refuse('workshop_deleted', '');
      })
      .catch(() => store.getState().notify(t('deleteWorkshopFailed')))
      .finally(() => setBusy(false));
  };
  return (
    <section className="panel panel--row" aria-labelledby="delete-h" aria-busy={busy}>
      <div>
        <h2 id="delete-h" className="panel-title">
          {t('deleteWorkshop')}
        </h2>
        <p className="muted">{t('deleteWorkshopHint')}</p>
      </div>
      <ConfirmButton label={t('deleteWorkshop')} question={t('confirmDeleteWorkshop')} onConfirm={erase} />
    </section>
  );
}
