import { LIMITS, PLAN_YEAR_RANGE } from '@fokus/core';
import type { WorkshopView } from '@fokus/protocol';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { FieldError, NumberField, TextField } from './fields.tsx';
import type { Edit } from './use-undo.ts';

/** The workshop itself: title, language, plan year ("Fokus år 2027"), place, date and start time. */
export function WorkshopFields({ view, edit }: { view: WorkshopView; edit: Edit }) {
  const { t } = useI18n();
  const langId = useId();
  return (
    <section className="d-section" aria-labelledby="d-workshop-h">
      <div className="d-section__head">
        <h2 id="d-workshop-h" className="panel-title">
          {t('designTab_workshop')}
        </h2>
      </div>
      <div className="d-card d-card__grid d-card__grid--workshop">
        <TextField
          label={t('designTitle')}
          value={view.title}
          maxLength={LIMITS.title}
          required
          className="d-wide"
          onCommit={(title, done) => edit({ type: 'workshop:update', title }, done)}
        />
        <div className="field d-field">
          <label className="field__label" htmlFor={langId}>
            {t('designLang')}
          </label>
          <select
            id={langId}
            className="input input--small"
            value={view.lang}
            onChange={(e) => edit({ type: 'workshop:update', lang: e.target.value === 'en' ? 'en' : 'sv' })}
          >
            <option value="sv">Svenska</option>
            <option value="en">English</option>
          </select>
        </div>
        <NumberField
          label={t('designPlanYear')}
          value={view.planYear}
          min={PLAN_YEAR_RANGE.min}
          max={PLAN_YEAR_RANGE.max}
          hint={t('designPlanYearHint', { year: view.planYear })}
          onCommit={(planYear, done) => planYear !== null && edit({ type: 'workshop:update', planYear }, done)}
        />
        <TextField
          label={t('designPlace')}
          value={view.place}
          maxLength={LIMITS.place}
          onCommit={(place, done) => edit({ type: 'workshop:update', place }, done)}
        />
        <PickerField label={t('designDate')} type="date" value={view.date} onPick={(date, done) => edit({ type: 'workshop:update', date }, done)} />
        <PickerField
          label={t('designStartTime')}
          type="time"
          value={view.startTime}
          onPick={(startTime, done) => edit({ type: 'workshop:update', startTime }, done)}
        />
      </div>
    </section>
  );
}

/**
 * A browser picker (date or time) that sends what it gives: 'YYYY-MM-DD' / 'HH:MM', or '' when cleared, which
 * is what the command takes. A refusal stays under the field until the next pick.
 */
function PickerField({
  label,
  type,
  value,
  onPick,
}: {
  label: string;
  type: 'date' | 'time';
  value: string;
  onPick: (value: string, done: (refusal: string | null) => void) => void;
}) {
  const id = useId();
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <div className="field d-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input input--small"
        type={type}
        value={value}
        aria-invalid={refusal ? true : undefined}
        onChange={(e) => {
          setRefusal(null);
          if (e.target.value !== value) onPick(e.target.value, setRefusal);
        }}
      />
      <FieldError message={refusal} />
    </div>
  );
}
