import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { storage } from '../../realtime/storage.ts';
import type { SeriesOverview } from './series-api.ts';
import { startNextTheme } from './series-api.ts';

// The plenary's console link holds its facilitator key, shown once by the server: this browser keeps it, like
// the organiser key, so a second click (or a reload) still opens the console.
const consoleKey = (seriesId: string) => `fokus:plenary-console:${seriesId}`;

/**
 * "Nästa tema": the vote across every room on the collected next-theme suggestions. Starts the plenary workshop
 * (once) and opens its console in a new tab; the links are for the rooms' projectors and the participants' phones.
 */
export function NextThemeCard({ series, organiserKey }: { series: SeriesOverview; organiserKey: string }) {
  const { t } = useI18n();
  const [started, setStarted] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const plenary = series.plenary;
  const code = plenary?.code ?? started;

  const start = async () => {
    setBusy(true);
    setProblem(null);
    // Opened within the click, so no popup blocker stops it; pointed at the console once the server answers.
    const tab = window.open('about:blank', '_blank');
    const made = await startNextTheme(series.seriesId, organiserKey);
    setBusy(false);
    if (!made) {
      tab?.close();
      setProblem(t('nextThemeFailed'));
      return;
    }
    setStarted(made.code);
    if (made.console) storage.set(consoleKey(series.seriesId), made.console);
    const link = made.console ?? storage.get(consoleKey(series.seriesId));
    if (link && tab) tab.location.href = link;
    else {
      tab?.close();
      if (!link) setProblem(t('nextThemeNoConsole'));
    }
  };

  return (
    <section className="o-next" aria-labelledby="o-next-title">
      <h2 id="o-next-title" className="o-next__title">
        {t('nextThemeTitle')}
      </h2>
      <p className="o-next__text">{code ? t('nextThemeRunning', { code }) : t('nextThemeIntro')}</p>
      {plenary && (
        <p className="o-next__meta">
          {t(`nextThemeVoting_${plenary.voting}`)} · {t('seriesPlenaryPeople', { n: plenary.participants })}
        </p>
      )}
      <div className="o-next__actions">
        <button type="button" className="btn btn--small btn--primary" onClick={() => void start()} disabled={busy}>
          {t('nextThemeStart')}
        </button>
        {code && (
          <>
            <a className="btn btn--small" href={`/s/${encodeURIComponent(code)}`} target="_blank" rel="noreferrer">
              {t('nextThemeScreen')}
            </a>
            <a className="btn btn--small" href={`/j/${encodeURIComponent(code)}`} target="_blank" rel="noreferrer">
              {t('nextThemeJoin')}
            </a>
          </>
        )}
      </div>
      {problem && (
        <p className="o-next__problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
