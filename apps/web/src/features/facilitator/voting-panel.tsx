import { useEffect, useState } from 'react';
import type { VotingSettings } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectTally, selectView } from '../../store/selectors.ts';
import { ConfirmButton } from './confirm-button.tsx';

/** Budget, cap, anonymity (said in words), hidden results; open/close/reveal with live progress. */
export function VotingPanel() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const tally = useFokus(selectTally);
  const settings = view?.voting.settings;
  const [budget, setBudget] = useState(String(settings?.budget ?? 10));
  const [cap, setCap] = useState(settings?.capPerIdea === null || !settings ? '' : String(settings.capPerIdea));
  useEffect(() => {
    if (!settings) return;
    setBudget(String(settings.budget));
    setCap(settings.capPerIdea === null ? '' : String(settings.capPerIdea));
  }, [settings]);
  if (!view || !settings) return null;
  const { status, revealed } = view.voting;
  const configure = (patch: Partial<VotingSettings>) => send({ type: 'voting:configure', settings: patch });
  const done = tally?.done ?? 0;
  const total = tally?.participants ?? 0;
  return (
    <section className="panel" aria-labelledby="voting-h">
      <div className="panel__head">
        <h2 id="voting-h" className="panel-title">
          {t('voting')}
        </h2>
        <span className={`tag tag--${status}`}>{t(`status_${status}`)}</span>
        {revealed && <span className="tag tag--ok">{t('revealed')}</span>}
      </div>
      <div className="settings-grid">
        <label className="field">
          <span className="field__label">{t('budget')}</span>
          <input
            className="input input--num"
            type="number"
            min={1}
            max={100}
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            onBlur={() => {
              const n = Number(budget);
              if (Number.isInteger(n) && n >= 1 && n !== settings.budget) configure({ budget: n });
              else setBudget(String(settings.budget));
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('cap')}</span>
          <input
            className="input input--cap"
            type="number"
            min={1}
            max={settings.budget}
            placeholder={t('noCap')}
            value={cap}
            onChange={(e) => setCap(e.target.value)}
            onBlur={() => {
              const n = cap.trim() === '' ? null : Number(cap);
              if (n === null || (Number.isInteger(n) && n >= 1)) {
                if (n !== settings.capPerIdea) configure({ capPerIdea: n });
              } else setCap(settings.capPerIdea === null ? '' : String(settings.capPerIdea));
            }}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.anonymous} onChange={(e) => configure({ anonymous: e.target.checked })} />
          <span>{t('anonymous')}</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.hideResults} onChange={(e) => configure({ hideResults: e.target.checked })} />
          <span>{t('hideResults')}</span>
        </label>
      </div>
      {/* The mode is said in words, not only by a checkbox: the room was promised one or the other. */}
      <p className="vote-mode" role="status">
        <span className={`tag ${settings.anonymous ? 'tag--ok' : 'tag--closed'}`}>{settings.anonymous ? t('voteAnonymous') : t('voteNamed')}</span>{' '}
        <span className="muted">{settings.anonymous ? t('voteAnonymousExplained') : t('voteNamedExplained')}</span>
      </p>
      <div className="progress-line">
        <span>{t('doneProgress', { done, total })}</span>
        <meter min={0} max={Math.max(1, total)} value={done} aria-label={t('doneProgress', { done, total })} />
        <span>{t('dotsUsed', { used: tally?.dotsUsed ?? 0, total: tally?.dotsTotal ?? 0 })}</span>
      </div>
      <div className="row">
        {status !== 'open' ? (
          <button type="button" className="btn btn--small" onClick={() => send({ type: 'voting:open' })}>
            {t('action_openVoting')}
          </button>
        ) : (
          <button type="button" className="btn btn--small" onClick={() => send({ type: 'voting:close' })}>
            {t('action_closeVoting')}
          </button>
        )}
        <button type="button" className="btn btn--small" onClick={() => send({ type: 'voting:reveal', revealed: !revealed })}>
          {revealed ? t('action_hide') : t('action_reveal')}
        </button>
        <ConfirmButton label={t('resetVotes')} question={t('confirmResetVotes')} onConfirm={() => send({ type: 'voting:reset' })} />
      </div>
    </section>
  );
}
