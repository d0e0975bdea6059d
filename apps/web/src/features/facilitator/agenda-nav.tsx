import { useI18n } from '../../i18n/index.ts';
import { useHyphenated } from '../../lib/hyphenate.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';

export function AgendaNav() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  if (!view) return null;
  const go = (stepIndex: number) => send({ type: 'agenda:goto', stepIndex });
  return (
    <div className="agenda">
      <h2 className="panel-title">{t('agenda')}</h2>
      <ol className="agenda__list">
        {view.agenda.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              className={`agenda__step${i === view.stepIndex ? ' agenda__step--current' : ''}${i < view.stepIndex ? ' agenda__step--past' : ''}`}
              aria-current={i === view.stepIndex ? 'step' : undefined}
              onClick={() => i !== view.stepIndex && go(i)}
            >
              <span className="agenda__n">{i + 1}</span>
              <span className="agenda__text">
                <AgendaTitle title={s.title} lang={view.lang} />
                <span className="agenda__meta">
                  {t(`stepKind_${s.kind}`)} · {s.phases ? s.phases.map((p) => t('minutes', { n: p.minutes })).join(' + ') : t('minutes', { n: s.minutes })}
                </span>
              </span>
            </button>
            {i === view.stepIndex && s.phases && (
              <ol className="agenda__phases" aria-label={t('phases')}>
                {s.phases.map((p, pi) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a step's phases are fixed; their place is who they are
                  <li key={pi} aria-current={pi === view.phaseIndex ? 'step' : undefined}>
                    {t('phaseLabel', { n: p.minutes, title: p.title })}
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
      <div className="agenda__nav">
        <button type="button" className="btn btn--small" disabled={view.stepIndex === 0} onClick={() => go(view.stepIndex - 1)}>
          ← {t('prevStep')}
        </button>
        <button type="button" className="btn btn--small" disabled={view.stepIndex + 1 >= view.agenda.length} onClick={() => go(view.stepIndex + 1)}>
          {t('nextStep')} →
        </button>
      </div>
    </div>
  );
}

/** A step's title in a narrow sidebar: long Swedish words break with a hyphen ("Prioriterin-gar"). */
function AgendaTitle({ title, lang }: { title: string; lang: 'sv' | 'en' }) {
  return <span className="agenda__title">{useHyphenated(title, lang)}</span>;
}
