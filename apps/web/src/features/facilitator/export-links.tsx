import { useState } from 'react';
import type { ExportFormat } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { downloadWithKey, exportPath } from './download.ts';
import './export-links.css';

/** Every format of the documentation, in the order a secretary reaches for them. */
const FORMATS: readonly { format: ExportFormat; label: MessageKey }[] = [
  { format: 'docx', label: 'exportDocx' },
  { format: 'pdf', label: 'exportPdf' },
  { format: 'xlsx', label: 'exportXlsx' },
  { format: 'ics', label: 'exportIcs' },
  { format: 'csv', label: 'exportCsvExcel' },
  { format: 'plan.csv', label: 'exportPlanCsv' },
  { format: 'md', label: 'exportMd' },
  { format: 'json', label: 'exportJson' },
];

/** The export menu: each file fetched with the key and saved under the server's name ("Handlingsplan-2027-2026-11-20.docx"). */
interface ExportProps {
  code: string;
  facilitatorKey: string;
}

export function ExportPanel({ code, facilitatorKey }: ExportProps) {
  const { t } = useI18n();
  const { store } = useSession();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const get = (format: ExportFormat) => {
    setBusy(format);
    downloadWithKey(exportPath(code, format), facilitatorKey, `fokus-${code}.${format}`)
      .catch(() => store.getState().notify(t('exportFailed')))
      .finally(() => setBusy(null));
  };
  return (
    <section className="panel export" aria-labelledby="export-h">
      <div className="panel__head">
        <h2 id="export-h" className="panel-title">
          {t('export')}
        </h2>
        <a className="btn btn--small" href={`/f/${encodeURIComponent(code)}/rapport`} target="_blank" rel="noopener">
          {t('exportReport')}
        </a>
      </div>
      <p className="muted export__hint">{t('exportHint')}</p>
      <div className="export__formats">
        {FORMATS.map((f) => (
          <button
            key={f.format}
            type="button"
            className="btn btn--small"
            aria-busy={busy === f.format}
            disabled={busy === f.format}
            onClick={() => get(f.format)}
          >
            ⤓ {t(f.label)}
          </button>
        ))}
      </div>
    </section>
  );
}

export function LinksPanel({ code, facilitatorKey, open = false }: { code: string; facilitatorKey: string; open?: boolean }) {
  const { t } = useI18n();
  const locked = useFokus((s) => s.view?.joiningLocked ?? false);
  const origin = location.origin;
  const links = [
    // While joining is locked the phones' page says so; the console does not offer it as a way in.
    { label: t('linkPhones'), url: `${origin}/j/${code}`, closed: locked },
    { label: t('linkScreen'), url: `${origin}/s/${code}` },
    // The console is often mirrored on the projector: the key is copied, never shown.
    { label: t('linkFacilitator'), url: `${origin}/f/${code}#key=${facilitatorKey}`, shown: `${origin}/f/${code}#key=••••••••`, secret: true },
  ];
  return (
    <details className="panel links" open={open}>
      <summary className="panel-title">{t('links')}</summary>
      <ul className="links__list">
        {links.map((l) => (
          <li key={l.label}>
            <span className="links__label">{l.label}</span>
            <code className={`links__url${l.secret ? ' links__url--secret' : ''}`}>{l.shown ?? l.url}</code>
            <CopyButton text={l.url} />
            {l.closed && (
              <span className="tag tag--closed" title={t('phonesLocked')}>
                {t('joiningLocked')}
              </span>
            )}
            {!l.secret && !l.closed && (
              <a className="btn btn--small" href={l.url} target="_blank" rel="noopener">
                {t('open')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn btn--small"
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        })
      }
    >
      {copied ? t('copied') : t('copy')}
    </button>
  );
}
