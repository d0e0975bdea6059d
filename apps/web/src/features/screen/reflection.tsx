import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { useFokus } from '../../store/context.tsx';
import { selectOffset, selectStep, selectView } from '../../store/selectors.ts';
import { Timer } from '../../ui/timer.tsx';
import { PhaseStrip } from './phase-strip.tsx';
import { useHyphenator } from './use-hyphenator.ts';

/**
 * "Gemensam fundering": the question in large type with its countdown (or its timed parts, "2 min enskilt" then
 * "10 min diskussion", each with its own), and the dimensions it asks about, each with its purpose and how many ideas
 * it holds, so the room can weigh them.
 */
export function Reflection() {
  const { t, lang } = useI18n();
  const view = useFokus(selectView);
  const step = useFokus(selectStep);
  const offset = useFokus(selectOffset);
  const hy = useHyphenator(view?.lang ?? lang);
  if (!view || !step) return null;
  const counts = new Map<string, number>();
  for (const i of view.ideas) if (!i.hidden) counts.set(i.boardId, (counts.get(i.boardId) ?? 0) + 1);
  return (
    <section className="reflect">
      <div className="reflect__top">
        <div className="reflect__text">
          <p className="screen-header__meta">
            {t('step', { n: view.stepIndex + 1, total: view.agenda.length })} · {step.title}
          </p>
          <h1 className="reflect__prompt">{step.prompt}</h1>
        </div>
        {step.phases && step.phases.length > 0 ? (
          <PhaseStrip step={step} phaseIndex={view.phaseIndex} timer={view.timer} offset={offset} className="phases--big" />
        ) : (
          <Timer timer={view.timer} offset={offset} className="reflect__timer" />
        )}
      </div>
      {view.boards.length > 0 && (
        <ul className="reflect__dims" style={{ gridTemplateColumns: `repeat(${Math.min(view.boards.length, 6)}, minmax(0, 1fr))` }}>
          {view.boards.map((b, i) => (
            <li key={b.id} className="reflect__dim" style={dimensionStyle(i, b.color)}>
              <h2 className="reflect__dim-title">{hy(b.title)}</h2>
              {b.purpose && <p className="reflect__dim-purpose">{hy(b.purpose)}</p>}
              <p className="reflect__dim-count">{t('ideasCount', { n: counts.get(b.id) ?? 0 })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
