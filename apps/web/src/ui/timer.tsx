import { formatClock, remainingMs } from '@fokus/core';
import type { Timer as TimerState } from '@fokus/core';
import { useI18n } from '../i18n/index.ts';
import { useNow } from './use-now.ts';

interface Props {
  timer: TimerState;
  /** serverNow - Date.now() at the last view. */
  offset: number;
  className?: string;
}

/** The step's countdown, in server time; "−0:42" once overrun. */
export function Timer({ timer, offset, className }: Props) {
  const { t } = useI18n();
  const running = timer.startedAt !== null;
  const now = useNow(250, running);
  const ms = remainingMs(timer, now + offset);
  const state = ms < 0 ? 'over' : running ? (ms <= 60_000 ? 'low' : 'running') : 'paused';
  return (
    <div className={`timer timer--${state} ${className ?? ''}`} role="timer" aria-label={t('timeLeft')}>
      <span className="timer__clock">{formatClock(ms)}</span>
      {!running && <span className="timer__paused">{t('timerPaused')}</span>}
    </div>
  );
}
