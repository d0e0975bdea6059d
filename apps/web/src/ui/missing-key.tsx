import { useI18n } from '../i18n/index.ts';

/** The page a facilitator link without its key opens (console, documentation): it says so and offers the start page. */
export function MissingKey() {
  const { t } = useI18n();
  return (
    <main className="center-page">
      <div className="card">
        <h1>{t('missingKey')}</h1>
        <a className="btn" href="/">
          {t('appName')}
        </a>
      </div>
    </main>
  );
}
