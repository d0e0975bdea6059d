import { useI18n } from '../../i18n/index.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectOffset, selectView } from '../../store/selectors.ts';
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
    </div>
  );
}
