import { useCallback, useEffect, useState } from 'react';
import { setWorkshopLang, useI18n } from '../../i18n/index.ts';
import { Dashboard } from './dashboard.tsx';
import { useOrganiserKey } from './organiser-key.ts';
import { Plenary } from './plenary.tsx';
import type { SeriesLoad } from './series-api.ts';
import { fetchSeries } from './series-api.ts';
import './series.css';

/** Rooms added, renamed or closed show up within this long; everything inside a room is live. */
const ROOMS_REFRESH_MS = 30_000;

/** `/o/SERIES`: the organiser's dashboard; `/o/SERIES/skarm`: the plenary projector. Both behind the organiser key. */
export default function SeriesApp({ seriesId, plenary }: { seriesId: string; plenary: boolean }) {
  const { t } = useI18n();
  const key = useOrganiserKey(seriesId);
  const [load, setLoad] = useState<SeriesLoad>({ state: 'loading' });
  const refresh = useCallback(async () => {
    if (!key) return;
    const next = await fetchSeries(seriesId, key);
    // A failed refresh keeps the rooms already shown: their sockets are still live.
    setLoad((prev) => (next.state === 'failed' && prev.state === 'ready' ? prev : next));
  }, [seriesId, key]);
  useEffect(() => {
    void refresh();
    const id = setInterval(() => void refresh(), ROOMS_REFRESH_MS);
    return () => clearInterval(id);
  }, [refresh]);
  const lang = load.state === 'ready' ? load.series.lang : null;
  useEffect(() => {
    if (lang) setWorkshopLang(lang);
  }, [lang]);

  if (!key) return <Message title={t('seriesMissingKey')} />;
  if (load.state === 'unauthorized') return <Message title={t('seriesWrongKey')} />;
  if (load.state === 'not-found') return <Message title={t('seriesNotFound')} />;
  if (load.state === 'failed') return <Message title={t('seriesFailed')} retry={() => void refresh()} />;
  if (load.state === 'loading') {
    return (
      <main className="center-page" aria-busy="true">
        <p>{t('loading')}</p>
      </main>
    );
  }
  return plenary ? <Plenary series={load.series} /> : <Dashboard series={load.series} organiserKey={key} />;
}

function Message({ title, retry }: { title: string; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <main className="center-page">
      <div className="card">
        <h1 role="alert">{title}</h1>
        {retry ? (
          <button type="button" className="btn" onClick={retry}>
            {t('reportRetry')}
          </button>
        ) : (
          <a className="btn" href="/">
            {t('appName')}
          </a>
        )}
      </div>
    </main>
  );
}
