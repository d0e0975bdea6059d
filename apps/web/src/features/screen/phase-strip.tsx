import { formatClock } from '@fokus/core';
import type { AgendaStep, Timer as TimerState } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { Timer } from '../../ui/timer.tsx';

/**
 * The timed parts of a step ("2 min enskilt", "10 min diskussion"), each with its own countdown: the running part
 * counts down live, a finished part is ticked, a coming part shows its full time.
 */
export function PhaseStrip({
  step,
  phaseIndex,
  timer,
  offset,
  live = true,
  className = '',
}: {
  step: AgendaStep;
  phaseIndex: number;
  timer: TimerState;
  offset: number;
  /** False where the step's big timer already counts the running part down. */
  live?: boolean;
  className?: string;
}) {
  const { t } = useI18n();
  const phases = step.phases ?? [];
  if (phases.length === 0) return null;
  return (
    <ol className={`phases ${className}`} aria-label={t('phases')}>
      {phases.map((p, i) => {
        const state = i < phaseIndex ? 'done' : i === phaseIndex ? 'now' : 'next';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step's phases are fixed; their place is who they are
          <li key={i} className={`phase phase--${state}`} aria-current={state === 'now' ? 'step' : undefined}>
            <span className="phase__label">{t('phaseLabel', { n: p.minutes, title: p.title })}</span>{' '}
            {state === 'now' ? (
              live && <Timer timer={timer} offset={offset} className="phase__clock" />
            ) : (
              <span className="phase__clock">{state === 'done' ? '✓' : formatClock(p.minutes * 60_000)}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
