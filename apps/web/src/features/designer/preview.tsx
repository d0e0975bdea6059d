import { useEffect, useMemo, useState } from 'react';
import type { WorkshopView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { SessionProvider, useFokus } from '../../store/context.tsx';
import { selectTally } from '../../store/selectors.ts';
import { Phone } from '../participant/participant-app.tsx';
import { Screen } from '../screen/screen-app.tsx';
import '../screen/screen.css';
import './preview.css';
import { previewMe, previewSession, previewTally, previewView } from './preview-state.ts';

/**
 * Steps through the agenda as the projector (a 1920×1080 picture, scaled down) and a 360 px phone will
 * show it: the real screen and phone components, each in a store of its own that nothing sends from.
 */
export function Preview({ view }: { view: WorkshopView }) {
  const { t } = useI18n();
  const tally = useFokus(selectTally);
  const [index, setIndex] = useState(view.stepIndex);
  const at = Math.min(index, view.agenda.length - 1);
  const screen = useMemo(() => previewSession('screen', view.code), [view.code]);
  const phone = useMemo(() => previewSession('participant', view.code), [view.code]);
  const name = t('designPreviewName');
  useEffect(() => {
    const shownTally = previewTally(view, tally);
    screen.store.setState({ view: previewView(view, at, 'screen'), tally: shownTally });
    phone.store.setState({ view: previewView(view, at, 'participant'), tally: shownTally, me: previewMe(name) });
  }, [view, tally, at, screen, phone, name]);
  const step = view.agenda[at];
  return (
    <section className="d-section d-preview" aria-labelledby="d-preview-h">
      <div className="d-section__head">
        <h2 id="d-preview-h" className="panel-title">
          {t('designTab_preview')}
        </h2>
        <div className="d-preview__nav">
          <button type="button" className="btn btn--small" disabled={at === 0} onClick={() => setIndex(at - 1)}>
            ← {t('designPreviewPrev')}
          </button>
          <label className="inline-field">
            <span className="visually-hidden">{t('designPreviewStep')}</span>
            <select className="input input--small d-preview__select" value={at} onChange={(e) => setIndex(Number(e.target.value))}>
              {view.agenda.map((s, i) => (
                <option key={s.id} value={i}>
                  {t('step', { n: i + 1, total: view.agenda.length })}: {s.title}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn--small" disabled={at >= view.agenda.length - 1} onClick={() => setIndex(at + 1)}>
            {t('designPreviewNext')} →
          </button>
        </div>
        <p className="muted d-preview__note">{t('designPreviewNote', { n: view.stepIndex + 1 })}</p>
      </div>
      <div className="d-preview__frames" data-preview-step={step?.id}>
        <figure className="d-preview__figure d-preview__figure--screen">
          <figcaption>{t('designPreviewScreen')}</figcaption>
          {/* inert: the preview is looked at, not used; nothing in it can be focused or clicked */}
          <div className="d-preview__screen" inert>
            <SessionProvider session={screen}>
              <Screen />
            </SessionProvider>
          </div>
        </figure>
        <figure className="d-preview__figure d-preview__figure--phone">
          <figcaption>{t('designPreviewPhone')}</figcaption>
          {/* Focusable so the phone's page scrolls from the keyboard too. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
          <div className="d-preview__phone" tabIndex={0} role="region" aria-label={t('designPreviewPhone')}>
            <div inert>
              <SessionProvider session={phone}>
                <Phone />
              </SessionProvider>
            </div>
          </div>
        </figure>
      </div>
    </section>
  );
}
