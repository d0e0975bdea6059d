import { useState } from 'react';
import { LIMITS } from '@fokus/core';
import type { WorkshopView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { NumberField, FieldError } from './fields.tsx';
import type { Edit } from './use-undo.ts';

type Settings = WorkshopView['voting']['settings'];

/** Voting defaults (budget, cap per idea, anonymous, hidden until reveal) and the focus rule. */
export function VotingDefaults({ view, edit }: { view: WorkshopView; edit: Edit }) {
  const { t } = useI18n();
  const s = view.voting.settings;
  const [checkRefusal, setCheckRefusal] = useState<string | null>(null);
  const [focusRefusal, setFocusRefusal] = useState<string | null>(null);
  const configure = (settings: Partial<Settings>, done: (r: string | null) => void) => edit({ type: 'voting:configure', settings }, done);
  const focus = view.focus;
  return (
    <section className="d-section" aria-labelledby="d-voting-h">
      <div className="d-section__head">
        <h2 id="d-voting-h" className="panel-title">
          {t('designTab_voting')}
        </h2>
      </div>
      <div className="d-columns">
        <fieldset className="d-card d-fieldset">
          <legend className="panel-title">{t('voting')}</legend>
          <div className="d-row">
            <NumberField
              label={t('budget')}
              value={s.budget}
              min={1}
              max={LIMITS.budget}
              onCommit={(budget, done) => budget !== null && configure({ budget }, done)}
            />
            <NumberField
              label={t('cap')}
              value={s.capPerIdea}
              min={1}
              max={s.budget}
              emptyLabel={t('noCap')}
              onCommit={(capPerIdea, done) => configure({ capPerIdea }, done)}
            />
          </div>
          <label className="check">
            <input type="checkbox" checked={s.anonymous} onChange={(e) => configure({ anonymous: e.target.checked }, setCheckRefusal)} />
            <span>{t('anonymous')}</span>
          </label>
          <label className="check">
            <input type="checkbox" checked={s.hideResults} onChange={(e) => configure({ hideResults: e.target.checked }, setCheckRefusal)} />
            <span>{t('hideResults')}</span>
          </label>
          <FieldError message={checkRefusal} />
        </fieldset>
        <fieldset className="d-card d-fieldset">
          <legend className="panel-title">{t('designFocusRule')}</legend>
          <label className="check">
            <input
              type="radio"
              name="d-focus-mode"
              checked={focus.mode === 'threshold'}
              onChange={() => edit({ type: 'focus:suggest', mode: 'threshold', value: focus.value }, setFocusRefusal)}
            />
            <span>{t('designFocusThreshold')}</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="d-focus-mode"
              checked={focus.mode === 'top'}
              onChange={() => edit({ type: 'focus:suggest', mode: 'top', value: Math.max(1, focus.value) }, setFocusRefusal)}
            />
            <span>{t('designFocusTop')}</span>
          </label>
          <NumberField
            label={focus.mode === 'top' ? t('designFocusTopN') : t('designFocusMinDots')}
            value={focus.value}
            min={focus.mode === 'top' ? 1 : 0}
            max={1000}
            onCommit={(value, done) => value !== null && edit({ type: 'focus:suggest', mode: focus.mode, value }, done)}
          />
          <FieldError message={focusRefusal} />
        </fieldset>
      </div>
    </section>
  );
}
