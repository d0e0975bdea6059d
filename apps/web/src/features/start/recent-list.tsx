import { useEffect, useState } from 'react';
import type { WorkshopSummary } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { getWorkshop } from '../../lib/api.ts';
import { useHyphenated } from '../../lib/hyphenate.ts';
import { navigate } from '../../lib/navigate.ts';
import { ConfirmButton } from '../facilitator/confirm-button.tsx';
import { copyTitle, createFromDesign, deleteWorkshopAt, downloadDesign, fetchDesign, retitled } from './design-api.ts';
import type { RecentConsole } from './recent.ts';
import { facilitatorKeyOf, forgetConsole, readRecent, rememberConsole, retitleConsole } from './recent.ts';

type Found = { state: 'loading' } | { state: 'ok'; summary: WorkshopSummary } | { state: 'gone' } | { state: 'unknown' };

/**
 * "Dina workshoppar på den här datorn": every workshop this browser created or opened as facilitator, with its
 * title and participants as the server has them now, to open, copy, save as a design file or delete.
 */
export function RecentList() {
  const { t } = useI18n();
  // Looked up once, from the list as the page opened; a line removed later needs no new look-up.
  const [initial] = useState<RecentConsole[]>(() => readRecent());
  const [recent, setRecent] = useState(initial);
  const [found, setFound] = useState<Record<string, Found>>({});

  useEffect(() => {
    let live = true;
    for (const r of initial) {
      getWorkshop(r.code)
        .then((summary) => {
          if (!live) return;
          if (summary) retitleConsole(r.code, summary.title);
          setFound((f) => ({ ...f, [r.code]: summary ? { state: 'ok', summary } : { state: 'gone' } }));
        })
        .catch(() => live && setFound((f) => ({ ...f, [r.code]: { state: 'unknown' } })));
    }
    return () => {
      live = false;
    };
  }, [initial]);

  if (recent.length === 0) return null;
  const forget = (code: string) => {
    forgetConsole(code);
    setRecent((list) => list.filter((r) => r.code !== code));
  };
  return (
    <section className="card recent" aria-labelledby="recent-h">
      <h2 id="recent-h">{t('recentConsoles')}</h2>
      <p className="field__hint">{t('recentHint')}</p>
      <ul className="recent__list">
        {recent.map((r) => (
          <RecentRow key={r.code} entry={r} found={found[r.code] ?? { state: 'loading' }} onForget={() => forget(r.code)} />
        ))}
      </ul>
    </section>
  );
}

function RecentRow({ entry, found, onForget }: { entry: RecentConsole; found: Found; onForget: () => void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<null | 'copy' | 'save' | 'delete'>(null);
  const [error, setError] = useState<string | null>(null);
  const key = facilitatorKeyOf(entry.code);
  const title = found.state === 'ok' ? found.summary.title : entry.title;
  const titleLang = found.state === 'ok' ? found.summary.lang : lang;
  // Long compounds break where Swedish breaks them, not at the box's edge.
  const shownTitle = useHyphenated(title, titleLang === 'en' ? 'en' : 'sv');
  // The meeting day the server knows (the design's date, else the day it was made); offline, when this browser saw it.
  const day = found.state === 'ok' ? Date.parse(`${found.summary.date}T12:00:00`) : entry.at;
  const date = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(day);
  const gone = found.state === 'gone';

  const act = (what: 'copy' | 'save' | 'delete', run: (key: string) => Promise<void>) => {
    if (!key) return;
    setBusy(what);
    setError(null);
    run(key)
      .catch(() => setError(t(what === 'copy' ? 'recentCopyFailed' : what === 'save' ? 'recentSaveFailed' : 'deleteWorkshopFailed')))
      .finally(() => setBusy(null));
  };
  const copy = () =>
    act('copy', async (k) => {
      const file = await fetchDesign(entry.code, k);
      const copyName = copyTitle(file.design.title, t('copySuffix'));
      const res = await createFromDesign(retitled(file, copyName));
      if (!res.ok) throw new Error(res.message);
      rememberConsole(res.created.code, copyName, res.created.facilitatorKey);
      sessionStorage.setItem(`fokus:created:${res.created.code}`, '1');
      navigate(res.created.links.facilitator);
    });
  const save = () => act('save', async (k) => downloadDesign(await fetchDesign(entry.code, k)));
  const erase = () =>
    act('delete', async (k) => {
      await deleteWorkshopAt(entry.code, k);
      onForget();
    });

  return (
    <li className={`recent__item${gone ? ' recent__item--gone' : ''}`} aria-busy={busy !== null}>
      <div className="recent__head">
        <span className="recent__title" lang={titleLang}>
          {shownTitle}
        </span>
        {gone && <span className="tag">{t('recentGone')}</span>}
      </div>
      <p className="recent__meta muted">
        <span>{date}</span>
        <span className="recent__code">{entry.code}</span>
        {found.state === 'ok' && <span>{t('recentParticipants', { n: found.summary.participants })}</span>}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="recent__actions">
        {gone || !key ? (
          <button type="button" className="btn btn--small" onClick={onForget}>
            {t('recentForget')}
          </button>
        ) : (
          <>
            <a className="btn btn--small btn--primary" href={`/f/${entry.code}`}>
              {t('recentOpen')}
            </a>
            <button type="button" className="btn btn--small" disabled={busy !== null} onClick={copy}>
              {busy === 'copy' ? t('startCreating') : t('recentCopy')}
            </button>
            <button type="button" className="btn btn--small" disabled={busy !== null} onClick={save}>
              {t('saveDesign')}
            </button>
            <ConfirmButton label={t('recentDelete')} ariaLabel={t('recentDeleteNamed', { title })} question={t('confirmDeleteWorkshop')} onConfirm={erase} />
          </>
        )}
      </div>
    </li>
  );
}
