import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { navigate } from '../../lib/navigate.ts';
import { createFromDesign } from './design-api.ts';
import { rememberConsole } from './recent.ts';

/** Largest design file read: a full design is a few tens of kB; the server refuses far less than this anyway. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * "Ny workshop från fil": a design file saved with "Spara som mall" (or written by hand) becomes a new workshop.
 * A file the server refuses is named by its first wrong field, and nothing is created.
 */
export function FromFile() {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const read = async (file: File) => {
    setError(null);
    if (file.size > MAX_FILE_BYTES) return setError(t('fromFileTooBig'));
    let design: unknown;
    try {
      design = JSON.parse(await file.text());
    } catch {
      return setError(t('fromFileNotJson', { name: file.name }));
    }
    setBusy(true);
    try {
      const res = await createFromDesign(design);
      if (!res.ok) {
        setError(res.status === 400 ? t('fromFileRefused', { message: res.message }) : t('startCreateFailed'));
        return;
      }
      const title = typeof design === 'object' && design !== null ? titleIn(design) : null;
      rememberConsole(res.created.code, title ?? res.created.code, res.created.facilitatorKey);
      sessionStorage.setItem(`fokus:created:${res.created.code}`, '1');
      navigate(res.created.links.facilitator);
    } catch {
      setError(t('startCreateFailed'));
    } finally {
      setBusy(false);
      // The same file may be chosen again after it is fixed.
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="from-file">
      <label className="btn btn--block from-file__button" aria-busy={busy}>
        <input
          ref={input}
          id={id}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          disabled={busy}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void read(file);
          }}
        />
        {busy ? t('startCreating') : t('fromFileButton')}
      </label>
      {error ? (
        <p id={`${id}-error`} className="form-error from-file__error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field__hint">
          {t('fromFileHint')}
        </p>
      )}
    </div>
  );
}

/** The title inside a design file or a bare design, for the recent list. */
function titleIn(v: object): string | null {
  const inner = 'design' in v && typeof v.design === 'object' && v.design !== null ? v.design : v;
  return 'title' in inner && typeof inner.title === 'string' ? inner.title : null;
}
