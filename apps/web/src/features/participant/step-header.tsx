import { useI18n } from '../../i18n/index.ts';
import { useFokus } from '../../store/context.tsx';
import { selectOffset, selectStep, selectView } from '../../store/selectors.ts';
import { Timer } from '../../ui/timer.tsx';

/** Where are we and how long: the sticky line at the top of the phone. */
export function StepBar() {
  const view = useFokus(selectView);
  const step = useFokus(selectStep);
  const offset = useFokus(selectOffset);
  if (!view || !step) return null;
  const showTimer = view.timer.startedAt !== null || view.timer.elapsedMs > 0;
  return (
    <div className="step-bar">
      <h1 className="step-bar__title">{step.title}</h1>
      {showTimer && <Timer timer={view.timer} offset={offset} className="step-bar__timer" />}
    </div>
  );
}

/** What do I do now: the step's prompt, under the sticky bar. */
export function StepPrompt() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const step = useFokus(selectStep);
  if (!view || !step) return null;
  const phase = step.phases?.[view.phaseIndex];
  return (
    <header className="step-prompt">
      <p className="step-prompt__meta">
        {t('step', { n: view.stepIndex + 1, total: view.agenda.length })} · {view.title}
      </p>
      {phase && (
        <p className="step-prompt__phase">
          <strong>{t('phaseLabel', { n: phase.minutes, title: phase.title })}</strong> ·{' '}
          {t('phaseOf', { n: view.phaseIndex + 1, total: step.phases?.length ?? 1 })}
        </p>
      )}
      {step.prompt && <p className="step-prompt__text">{step.prompt}</p>}
    </header>
  );
}
