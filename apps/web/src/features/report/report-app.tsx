import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Documentation } from '@fokus/report';
import { documentBlocks, wordsFor } from '@fokus/report';
import { setWorkshopLang, useI18n } from '../../i18n/index.ts';
import { useFacilitatorKey } from '../facilitator/facilitator-key.ts';
import { BlockView } from './report-blocks.tsx';
import { asDocumentation, reportSections } from './report-sections.ts';
import './report.css';
import { MissingKey } from '../../ui/missing-key.tsx';

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; doc: Documentation };

/**
 * The printable documentation (`/f/CODE/rapport`): export.json, the model every format renders, laid out with the
 * same outline as the DOCX and PDF, for the browser's print to A4. Behind the facilitator key, like the console.
 */
export default function ReportApp({ code }: { code: string }) {
  const { t } = useI18n();
  const key = useFacilitatorKey(code);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const fetchDoc = useCallback(async () => {
    if (!key) return;
    setLoad({ state: 'loading' });
    try {
      const res = await fetch(`/api/workshops/${encodeURIComponent(code)}/export.json`, { headers: { authorization: `Bearer ${key}` } });
      const doc = res.ok ? asDocumentation(await res.json()) : null;
      setLoad(doc ? { state: 'ready', doc } : { state: 'failed' });
    } catch {
      setLoad({ state: 'failed' });
    }
  }, [code, key]);
  useEffect(() => {
    void fetchDoc();
  }, [fetchDoc]);

  if (!key) {
    return <MissingKey />;
  }
  return (
    <div className="report-page">
      <div className="report-tools" role="toolbar">
        <a className="btn btn--small" href={`/f/${encodeURIComponent(code)}`}>
          ← {t('reportBack')}
        </a>
        <button type="button" className="btn btn--small btn--primary" disabled={load.state !== 'ready'} onClick={() => window.print()}>
          {t('reportPrint')}
        </button>
      </div>
      {load.state === 'loading' && (
        <main className="center-page" aria-busy="true">
          <p>{t('loading')}</p>
        </main>
      )}
      {load.state === 'failed' && (
        <main className="center-page">
          <div className="card">
            <p role="alert">{t('reportFailed')}</p>
            <button type="button" className="btn" onClick={() => void fetchDoc()}>
              {t('reportRetry')}
            </button>
          </div>
        </main>
      )}
      {load.state === 'ready' && <Report doc={load.doc} />}
    </div>
  );
}

function Report({ doc }: { doc: Documentation }) {
  const w = wordsFor(doc.lang);
  const sections = useMemo(() => reportSections(doc, documentBlocks(doc)), [doc]);
  useEffect(() => {
    document.title = doc.title;
    // The buttons speak the document's language too, unless this device chose its own.
    setWorkshopLang(doc.lang);
  }, [doc.title, doc.lang]);
  return (
    <article className="report" lang={doc.lang}>
      {sections.map((s) => (
        <section key={s.id || 'front'} className={`report-section${s.pageBreak ? ' report-section--break' : ''}`} aria-labelledby={s.id || undefined}>
          {s.blocks.map((block, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the outline is built once per document, in order
            <BlockView key={i} block={block} w={w} sections={sections} anchor={i === 0 && s.id ? s.id : undefined} />
          ))}
        </section>
      ))}
      <footer className="report-footer report-muted">{w.generated(doc.generatedAt.slice(0, 10))}</footer>
    </article>
  );
}
