import { useI18n } from '../i18n/index.ts';

/** Shown when the server refuses the connection itself (bad key, unknown code, old app). */
export function Refusal({ error }: { error: string }) {
  const { t, err } = useI18n();
  return (
    <main className="center-page">
      <div className="card">
        <h1>{error === 'not_found' ? t('codeNotFound') : error === 'unauthorized' ? t('wrongKey') : err(error)}</h1>
        <p>
          <a className="btn" href="/">
            {t('appName')}
          </a>{' '}
          {error === 'version_mismatch' && (
            <button type="button" className="btn btn--primary" onClick={() => location.reload()}>
              {t('reload')}
            </button>
          )}
        </p>
      </div>
    </main>
  );
}
