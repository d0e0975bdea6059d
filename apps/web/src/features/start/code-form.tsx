import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { CODE_PATTERN, HttpError, getWorkshop, normaliseCode } from '../../lib/api.ts';
import { navigate } from '../../lib/navigate.ts';

/**
 * Type the code from the screen and go to the phone page. A wrong code is said plainly, next to the field,
 * with what to do; the start page and the phone's "no such workshop" page both use it.
 */
export function CodeForm({ initial = '' }: { initial?: string }) {
  const { t, err } = useI18n();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = normaliseCode(code);
    if (!CODE_PATTERN.test(c)) return setError(t('codeInvalid'));
    setBusy(true);
    try {
      const found = await getWorkshop(c);
      if (found) navigate(`/j/${c}`);
      else setError(t('codeNotFound'));
    } catch (e) {
      setError(e instanceof HttpError && e.status === 429 ? err('rate_limited') : err('internal'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <label className="field">
        <span className="field__label">{t('startJoinCodeLabel')}</span>
        <input
          className="input input--code"
          value={code}
          onChange={(e) => {
            setCode(e.target.value.toUpperCase());
            setError(null);
          }}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={8}
          inputMode="text"
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
        />
        {error ? (
          <span id={`${id}-hint`} className="form-error code-error" role="alert">
            {error}
          </span>
        ) : (
          <span id={`${id}-hint`} className="field__hint">
            {t('startJoinCodeHint')}
          </span>
        )}
      </label>
      <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
        {t('startJoinButton')}
      </button>
    </form>
  );
}
