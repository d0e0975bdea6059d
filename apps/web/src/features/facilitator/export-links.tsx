import { useState } from 'react';
import type { ExportFormat } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { downloadExport } from '../../lib/api.ts';
import { useFokus, useSession } from '../../store/context.tsx';

export function ExportPanel({ code, facilitatorKey, title }: { code: string; facilitatorKey: string; title: string }) {
  const { t } = useI18n();
  const { store } = useSession();
  const get = (format: ExportFormat) => downloadExport(code, facilitatorKey, format, title).catch(() => store.getState().notify(t('exportFailed')));
  return (
    <section className="panel panel--row" aria-labelledby="export-h">
      <h2 id="export-h" className="panel-title">
        {t('export')}
      </h2>
      <div className="row">
        <button type="button" className="btn btn--small" onClick={() => void get('md')}>
          ⤓ {t('exportMd')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => void get('csv')}>
          ⤓ {t('exportCsv')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => void get('json')}>
          ⤓ {t('exportJson')}
        </button>
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
