import { useState } from 'react';
import type { ParticipantView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { useSession } from '../../store/context.tsx';

/** The host corrects where someone comes from ("Umea" → "Umeå"): one field, Enter saves, Escape leaves. */
export function TownEdit({ person, onDone }: { person: ParticipantView; onDone: () => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const [draft, setDraft] = useState(person.town);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.trim() !== person.town) send({ type: 'participant:town', participantId: person.id, town: draft.trim() });
        onDone();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
    >
      {/* Visible: the line's name and organisation are hidden while the form is open. */}
      <label className="field__label" style={{ flexBasis: '100%' }} htmlFor={`town-${person.id}`}>
        {t('townEditNamed', { name: person.name })}
      </label>
      <input
        id={`town-${person.id}`}
        className="input input--small"
        value={draft}
        placeholder={t('town')}
        autoFocus
        maxLength={80}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="btn btn--small btn--primary">
        {t('save')}
      </button>
      <button type="button" className="btn btn--small" onClick={onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}
