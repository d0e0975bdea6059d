import { useI18n } from '../../i18n/index.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectOffset, selectStep, selectView } from '../../store/selectors.ts';
import { Timer } from '../../ui/timer.tsx';

export function TimerControls() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const offset = useFokus(selectOffset);
  if (!view) return null;
  const running = view.timer.startedAt !== null;
  return (
    <div className="timer-controls" role="group" aria-label={t('timer')}>
      <Timer timer={view.timer} offset={offset} className="timer-controls__clock" />
      <div className="timer-controls__buttons">
        <button type="button" className="btn btn--small" onClick={() => send({ type: running ? 'timer:pause' : 'timer:start' })}>
          {running ? `❚❚ ${t('timerPause')}` : `▶ ${t('timerStart')}`}
        </button>
        <button type="button" className="btn btn--small" onClick={() => send({ type: 'timer:extend', ms: 60_000 })}>
          {t('timerPlus1')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => send({ type: 'timer:extend', ms: 300_000 })}>
          {t('timerPlus5')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => send({ type: 'timer:reset' })}>
          {t('timerReset')}
        </button>
      </div>
      <PhaseButtons />
    </div>
  );
}

/** The timed parts of the current step ("2 min enskilt", "10 min diskussion"): each starts its own countdown. */
function PhaseButtons() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const step = useFokus(selectStep);
  const phases = step?.phases ?? [];
  if (!view || phases.length === 0) return null;
  const go = (phaseIndex: number) => send({ type: 'agenda:phase', phaseIndex });
  const next = view.phaseIndex + 1 < phases.length ? view.phaseIndex + 1 : null;
  return (
    <div className="phases" role="group" aria-label={t('phases')}>
      <ol className="phases__list">
        {phases.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step's phases are fixed; their place is who they are
          <li key={i}>
            <button
              type="button"
              className={`phase${i === view.phaseIndex ? ' phase--current' : ''}`}
              aria-current={i === view.phaseIndex ? 'step' : undefined}
              onClick={() => i !== view.phaseIndex && go(i)}
            >
              <span className="phase__n">{i + 1}</span>
              {t('phaseLabel', { n: p.minutes, title: p.title })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn--small phases__next" disabled={next === null} onClick={() => next !== null && go(next)}>
        {t('nextPhase')} →
      </button>
    </div>
  );
}
