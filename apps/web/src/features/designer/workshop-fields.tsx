import { LIMITS, PLAN_YEAR_RANGE } from '@fokus/core';
import type { WorkshopView } from '@fokus/protocol';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { NumberField, TextField } from './fields.tsx';
import type { Edit } from './use-undo.ts';

/** The workshop itself: title, language, plan year ("Fokus år 2027"), place and date. */
export function WorkshopFields({ view, edit }: { view: WorkshopView; edit: Edit }) {
  const { t } = useI18n();
  const langId = useId();
  const dateId = useId();
  const [dateRefusal, setDateRefusal] = useState<string | null>(null);
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
        <div className="field d-field">
          <label className="field__label" htmlFor={dateId}>
            {t('designDate')}
          </label>
          <input
            id={dateId}
            className="input input--small"
            type="date"
            value={view.date}
            aria-invalid={dateRefusal ? true : undefined}
            onChange={(e) => {
              setDateRefusal(null);
              // The picker gives 'YYYY-MM-DD' or '' (cleared): both are what the command takes.
              if (e.target.value !== view.date) edit({ type: 'workshop:update', date: e.target.value }, setDateRefusal);
            }}
          />
          {dateRefusal && (
            <p className="d-error" role="alert">
              {dateRefusal}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
