import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { deleteWorkshopAt } from '../start/design-api.ts';
import { useSession } from '../../store/context.tsx';
import { forgetConsole } from '../start/recent.ts';
import { ConfirmButton } from './confirm-button.tsx';

/** "Delete workshop", asked once. Every open screen, phone and console is then told it is gone. */
export function DeleteWorkshopPanel({ code, facilitatorKey }: { code: string; facilitatorKey: string }) {
  const { t } = useI18n();
  const { store } = useSession();
  const [busy, setBusy] = useState(false);
  const erase = () => {
    setBusy(true);
    deleteWorkshopAt(code, facilitatorKey)
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
