import { useI18n } from '../../i18n/index.ts';
import { useFokus } from '../../store/context.tsx';
import { selectTally, selectView } from '../../store/selectors.ts';

/**
 * While voting: how many are done and how many dots are placed (with anonymous voting in steps of three or
 * more people), and whether voting is anonymous. Never the tallies while hidden.
 */
export function VoteProgress() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const tally = useFokus(selectTally);
  if (!view) return null;
  const total = tally?.participants ?? 0;
  const done = tally?.done ?? 0;
  const used = tally?.dotsUsed ?? 0;
  const dotsTotal = tally?.dotsTotal ?? 0;
  const status = view.voting.status;
  return (
    <section className="progress">
      <p className="progress__status">{status === 'open' ? t('votingIsOpen') : status === 'closed' ? t('votingClosed') : t('votingNotOpen')}</p>
      <p className="progress__hint">{view.voting.settings.anonymous ? t('voteAnonymous') : t('voteNamed')}</p>
      <p className="progress__big">{t('doneProgress', { done, total })}</p>
      <div
        className="progress__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label={t('doneProgress', { done, total })}
      >
        <span style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
      </div>
      <p className="progress__dots">{t('dotsUsed', { used, total: dotsTotal })}</p>
      <div className="progress__dotbar" aria-hidden="true">
        <span style={{ width: `${dotsTotal ? (used / dotsTotal) * 100 : 0}%` }} />
      </div>
      {status !== 'open' && view.voting.settings.hideResults && !view.voting.revealed && <p className="progress__hint">{t('resultsHidden')}</p>}
    </section>
  );
}
