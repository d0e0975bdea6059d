import { lazy, Suspense, useEffect } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { useOpenSession } from '../../realtime/use-session.ts';
import { SessionProvider, useFokus, useSession } from '../../store/context.tsx';
import { selectStep, selectView } from '../../store/selectors.ts';
import { LangSwitch } from '../../ui/lang-switch.tsx';
import { Notices } from '../../ui/notices.tsx';
import { OfflineBanner } from '../../ui/offline-banner.tsx';
import { Refusal } from '../../ui/refusal.tsx';
import { AgendaNav } from './agenda-nav.tsx';
import { DeleteWorkshopPanel } from './delete-workshop.tsx';
import { ExportPanel, LinksPanel } from './export-links.tsx';
import { useFacilitatorKey } from './facilitator-key.ts';
import { FocusPanel } from './focus-panel.tsx';
import { GroupsPanel } from './groups-panel.tsx';
import { IdeasPanel } from './ideas-panel.tsx';
import { nextAction } from './next-action.ts';
import { ParticipantsPanel } from './participants-panel.tsx';
import { PlanPanel } from './plan-panel.tsx';
import { SaveDesignPanel } from './save-design.tsx';
import { StatusBar } from './status-bar.tsx';
import { TimerControls } from './timer-controls.tsx';
import { useShortcuts } from './use-shortcuts.ts';
import { VotingPanel } from './voting-panel.tsx';
import { usePreparing } from '../designer/use-preparing.ts';
import './console.css';
import { MissingKey } from '../../ui/missing-key.tsx';

// "Förbered" (and @dnd-kit with it) loads only when opened: the live console's first chunk stays small.
const DesignerView = lazy(() => import('../designer/designer-view.tsx'));

export default function ConsoleApp({ code }: { code: string }) {
  const key = useFacilitatorKey(code);
  const session = useOpenSession(code, 'facilitator', key ?? undefined, key !== null);
  if (!key) {
    return <MissingKey />;
  }
  if (!session) return null;
  return (
    <SessionProvider session={session}>
      <Console code={code} facilitatorKey={key} />
    </SessionProvider>
  );
}

function Console({ code, facilitatorKey }: { code: string; facilitatorKey: string }) {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const step = useFokus(selectStep);
  const refusal = useFokus((s) => s.refusal);
  const [preparing, setPreparing] = usePreparing();
  useEffect(() => {
    if (view) document.title = `${view.title} · ${t('console')}`;
  }, [view, t]);

  // While preparing, keys belong to the forms (and the arrows to reordering), never to the live room.
  useShortcuts({
    next: () => !preparing && view && view.stepIndex + 1 < view.agenda.length && send({ type: 'agenda:goto', stepIndex: view.stepIndex + 1 }),
    toggleTimer: () => !preparing && view && send({ type: view.timer.startedAt === null ? 'timer:start' : 'timer:pause' }),
    plusMinute: () => !preparing && send({ type: 'timer:extend', ms: 60_000 }),
    reveal: () => !preparing && view && send({ type: 'voting:reveal', revealed: !view.voting.revealed }),
  });

  if (refusal) return <Refusal error={refusal.error} />;
  if (!view || !step) {
    return (
      <main className="center-page" aria-busy="true">
        <p>{t('loading')}</p>
      </main>
    );
  }
  const action = nextAction(view);
  const kind = step.kind;
  // The current step's tools stand open; the rest wait one click away, named in the summary.
  const tools = [
    { label: 'links', now: kind === 'lobby', panel: <LinksPanel key="links" code={code} facilitatorKey={facilitatorKey} open={kind === 'lobby'} /> },
    { label: 'voting', now: kind === 'vote' || view.voting.status === 'open', panel: <VotingPanel key="voting" /> },
    { label: 'focus', now: kind === 'focus', panel: <FocusPanel key="focus" /> },
    { label: 'planHeading', now: kind === 'plan', panel: <PlanPanel key="plan" /> },
    { label: 'groups', now: kind === 'lobby' || kind === 'brainstorm' || kind === 'present', panel: <GroupsPanel key="groups" /> },
    { label: 'ideas', now: kind === 'brainstorm' || kind === 'present' || kind === 'reflect', panel: <IdeasPanel key="ideas" /> },
    // What leaves Fokus belongs to the end; deleting is rare and final: one click away, so the live tools keep the screen.
    {
      label: 'export',
      now: kind === 'focus' || kind === 'plan',
      panel: <ExportPanel key="export" code={code} facilitatorKey={facilitatorKey} />,
    },
    { label: 'saveDesign', now: false, panel: <SaveDesignPanel key="save-design" code={code} facilitatorKey={facilitatorKey} /> },
    { label: 'deleteWorkshop', now: false, panel: <DeleteWorkshopPanel key="delete" code={code} facilitatorKey={facilitatorKey} /> },
  ] as const;
  return (
    <div className="console">
      <OfflineBanner />
      <header className="console__top">
        <div className="console__title">
          <span className="brand__mark" aria-hidden="true" />
          <h1>{view.title}</h1>
          <span className="console__code">{view.code}</span>
        </div>
        <StatusBar />
        <button type="button" className="btn btn--small console__prepare" aria-pressed={preparing} onClick={() => setPreparing(!preparing)}>
          {t('prepare')}
        </button>
        <LangSwitch />
      </header>
      {preparing ? (
        <Suspense fallback={<p className="designer">{t('loading')}</p>}>
          <DesignerView onClose={() => setPreparing(false)} />
        </Suspense>
      ) : (
        <>
          <nav className="console__agenda" aria-label={t('agenda')}>
            <AgendaNav />
            <p className="shortcuts muted">{t('shortcuts')}</p>
          </nav>
          <main className="console__main">
            <section className="step-card" aria-labelledby="step-h">
              <div className="step-card__text">
                <p className="muted">
                  {t('step', { n: view.stepIndex + 1, total: view.agenda.length })} · {t(`stepKind_${kind}`)}
                </p>
                <h2 id="step-h">{step.title}</h2>
                <p className="step-card__prompt">{step.prompt}</p>
              </div>
              <div className="step-card__actions">
                <TimerControls />
                <button
                  type="button"
                  className="btn btn--primary btn--big next-action"
                  disabled={!action.command}
                  onClick={() => action.command && send(action.command)}
                >
                  {t(action.label)}
                </button>
              </div>
            </section>
            {tools.filter((tool) => tool.now).map((tool) => tool.panel)}
            <details className="more-tools">
              <summary>
                {t('moreTools')}:{' '}
                {tools
                  .filter((tool) => !tool.now)
                  .map((tool) => t(tool.label))
                  .join(' · ')}
              </summary>
              <div className="more-tools__body">{tools.filter((tool) => !tool.now).map((tool) => tool.panel)}</div>
            </details>
          </main>
          <aside className="console__people" aria-label={t('participants')}>
            <ParticipantsPanel />
          </aside>
        </>
      )}
      <Notices />
    </div>
  );
}
