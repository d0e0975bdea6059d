import { useI18n } from '../../i18n/index.ts';
import { useFokus } from '../../store/context.tsx';
import { selectOffset, selectStep, selectView } from '../../store/selectors.ts';
import { Timer } from '../../ui/timer.tsx';

/** Where are we, what do I do, how long: always at the top of the phone. */
export function StepHeader() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const step = useFokus(selectStep);
  const offset = useFokus(selectOffset);
  if (!view || !step) return null;
  const showTimer = view.timer.startedAt !== null || view.timer.elapsedMs > 0;
  return (
    <header className="step-header">
      <div className="step-header__row">
        <p className="step-header__meta">
          {t('step', { n: view.stepIndex + 1, total: view.agenda.length })} · {view.title}
        </p>
        {showTimer && <Timer timer={view.timer} offset={offset} className="step-header__timer" />}
      </div>
      <h1 className="step-header__title">{step.title}</h1>
      <p className="step-header__prompt">{step.prompt}</p>
    </header>
  );
}
