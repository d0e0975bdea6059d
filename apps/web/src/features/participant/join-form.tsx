import { useState } from 'react';
import type { FormEvent } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { keys, storage } from '../../realtime/storage.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { LangSwitch } from '../../ui/lang-switch.tsx';
import { OfflineBanner } from '../../ui/offline-banner.tsx';
import { GroundRules } from '../../ui/ground-rules.tsx';

export function JoinForm() {
  const { t, err } = useI18n();
  const session = useSession();
  const view = useFokus((s) => s.view);
  const status = useFokus((s) => s.status);
  const [name, setName] = useState(() => storage.get('fokus:lastName') ?? '');
  const [organisation, setOrganisation] = useState(() => storage.get('fokus:lastOrg') ?? '');
  // Remembered on this phone like the name: the same person comes from the same town next meeting too.
  const [town, setTown] = useState(() => storage.get('fokus:lastTown') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    const res = await session.join(name.trim(), organisation.trim(), town.trim());
    setBusy(false);
    if (!res.ok) return setError(res.error === 'joining_locked' ? t('joinLocked') : err(res.error));
    storage.set('fokus:lastName', name.trim());
    storage.set('fokus:lastOrg', organisation.trim());
    storage.set('fokus:lastTown', town.trim());
  };
  // Locked: say so instead of offering a form that can only be refused; the view is live, so it opens again by itself.
  if (view?.joiningLocked) {
    return (
      <div className="phone">
        <OfflineBanner />
        <main className="join">
          <p className="join__workshop">{view.title}</p>
          <section className="card join__locked" role="status">
            <h1>{t('joinLockedHeading')}</h1>
            <p>{t('joinLockedText')}</p>
          </section>
          <GroundRules rules={view.rules} />
          <LangSwitch />
        </main>
      </div>
    );
  }
  return (
    <div className="phone">
      <OfflineBanner />
      <main className="join">
        <p className="join__workshop">{view?.title ?? session.store.getState().code}</p>
        <h1>{t('joinHeading')}</h1>
        <form onSubmit={submit} className="stack">
          <label className="field">
            <span className="field__label">{t('joinName')}</span>
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} autoComplete="name" enterKeyHint="next" />
          </label>
          <label className="field">
            <span className="field__label">{t('joinOrganisation')}</span>
            <input
              className="input"
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              maxLength={80}
              autoComplete="organization"
              enterKeyHint="next"
            />
          </label>
          <label className="field">
            <span className="field__label">{t('joinTown')}</span>
            <input
              className="input"
              value={town}
              onChange={(e) => setTown(e.target.value)}
              maxLength={80}
              autoComplete="address-level2"
              enterKeyHint="go"
              aria-describedby="join-town-hint"
            />
            <span id="join-town-hint" className="field__hint">
              {t('joinTownHint')}
            </span>
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="btn btn--primary btn--block btn--big" disabled={busy || status !== 'online' || !name.trim()}>
            {busy ? t('joinJoining') : t('joinButton')}
          </button>
        </form>
        {view && <GroundRules rules={view.rules} />}
        <LangSwitch />
      </main>
    </div>
  );
}

/** Taken off the list by the facilitator (live, or while this phone was away): said kindly, with a way back. */
export function Removed() {
  const { t } = useI18n();
  const code = useFokus((s) => s.code);
  const title = useFokus((s) => s.view?.title);
  return (
    <div className="phone">
      <main className="join removed">
        {title && <p className="join__workshop">{title}</p>}
        <div className="stack" role="alert">
          <h1>{t('removedHeading')}</h1>
          <p>{t('removedText')}</p>
        </div>
        <button
          type="button"
          className="btn btn--block"
          onClick={() => {
            storage.remove(keys.token(code));
            location.reload();
          }}
        >
          {t('joinAgain')}
        </button>
        <LangSwitch />
      </main>
    </div>
  );
}
