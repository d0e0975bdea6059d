import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { newId } from '../../realtime/ids.ts';
import { useSession } from '../../store/context.tsx';

/**
 * "Lägg till utan telefon": someone with a flat battery or no smartphone joins by name; the facilitator then
 * places their dots from their paper ballot. Folded away until needed: the people list keeps the space.
 */
export function AddPaperParticipant() {
  const { t, err } = useI18n();
  const { send } = useSession();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return setError(t('paperNameNeeded'));
    setError(null);
    const org = organisation.trim();
    send({ type: 'participant:add', participantId: newId(), name: n, ...(org ? { organisation: org } : {}) }, (r) => {
      if (!r.ok) setError(err(r.error));
    });
    setName('');
    setOrganisation('');
  };
  return (
    <details className="paper-add" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="btn btn--small btn--ghost">{t('paperAdd')}</summary>
      <form className="paper-add__form" onSubmit={submit} noValidate>
        <label className="paper-add__field" htmlFor={`${id}-name`}>
          {t('paperName')}
        </label>
        <input
          id={`${id}-name`}
          className="input input--small"
          value={name}
          maxLength={60}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <label className="paper-add__field" htmlFor={`${id}-org`}>
          {t('paperOrganisation')}
        </label>
        <input
          id={`${id}-org`}
          className="input input--small"
          value={organisation}
          maxLength={80}
          autoComplete="off"
          onChange={(e) => setOrganisation(e.target.value)}
        />
        {error && (
          <p id={`${id}-error`} className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--small btn--primary">
          {t('paperAddButton')}
        </button>
      </form>
    </details>
  );
}
