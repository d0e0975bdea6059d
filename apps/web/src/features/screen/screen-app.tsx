import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { useOpenSession } from '../../realtime/use-session.ts';
import { SessionProvider, useFokus } from '../../store/context.tsx';
import { selectOffset, selectStep, selectView } from '../../store/selectors.ts';
import { OfflineBanner } from '../../ui/offline-banner.tsx';
import { Refusal } from '../../ui/refusal.tsx';
import { Timer } from '../../ui/timer.tsx';
import { useWakeLock } from '../../ui/use-wake-lock.ts';
import { BoardColumns } from './board-columns.tsx';
import { FocusBoards } from './focus-boards.tsx';
import { Lobby } from './lobby.tsx';
import { PhaseStrip } from './phase-strip.tsx';
import { PlanTable } from './plan-table.tsx';
import { Reflection } from './reflection.tsx';
import { ResultsBars } from './results-bars.tsx';
import { VoteProgress } from './vote-progress.tsx';
import './screen.css';

/** The projector: /s/CODE. Dark, calm, read from ten metres; never scrolls. */
export default function ScreenApp({ code }: { code: string }) {
  const session = useOpenSession(code, 'screen');
  useWakeLock(true);
  useEffect(() => {
    document.documentElement.classList.add('screen-mode');
    return () => document.documentElement.classList.remove('screen-mode');
  }, []);
  if (!session) return null;
  return (
    <SessionProvider session={session}>
      <Screen />
    </SessionProvider>
  );
}

export function Screen() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const step = useFokus(selectStep);
  const refusal = useFokus((s) => s.refusal);
  const tallies = useFokus((s) => s.tally?.tallies ?? null);
  if (refusal) return <Refusal error={refusal.error} />;
  if (!view || !step) {
    return (
      <main className="screen screen--loading" aria-busy="true">
        <p>{t('loading')}</p>
      </main>
    );
  }
  let scene: ReactNode;
  if (step.kind === 'lobby') scene = <Lobby />;
  else if (view.voting.status === 'open') scene = <VoteProgress />;
  else if (step.kind === 'vote') scene = tallies ? <ResultsBars /> : <VoteProgress />;
  else if (step.kind === 'focus') scene = tallies ? <FocusBoards /> : <VoteProgress />;
  else if (step.kind === 'plan') scene = <PlanTable />;
  else if (step.kind === 'reflect') scene = <Reflection />;
  else scene = <BoardColumns />;
  return (
    <div className={`screen screen--${step.kind}`} data-step={step.kind}>
      <OfflineBanner />
      {step.kind !== 'lobby' && step.kind !== 'reflect' && <ScreenHeader />}
      <main className="screen__scene">{scene}</main>
      <FullscreenButton />
    </div>
  );
}

/** One compact band (step, title, prompt, timer, join code) so the board below gets the height. */
function ScreenHeader() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const step = useFokus(selectStep);
  const offset = useFokus(selectOffset);
  if (!view || !step) return null;
  return (
    <header className="screen-header">
      <div className="screen-header__id">
        <p className="screen-header__meta">{t('step', { n: view.stepIndex + 1, total: view.agenda.length })}</p>
        <h1 className="screen-header__title">{step.title}</h1>
        <PhaseStrip step={step} phaseIndex={view.phaseIndex} timer={view.timer} offset={offset} live={false} className="phases--header" />
      </div>
      <p className="screen-header__prompt">{step.prompt}</p>
      <div className="screen-header__side">
        <Timer timer={view.timer} offset={offset} className="screen-timer" />
        <p className="screen-header__code">
          {location.host}/j · <strong>{view.code}</strong>
        </p>
      </div>
    </header>
  );
}

/** Shown for a few seconds after the mouse moves, so it never sits on top of the board while the room reads. */
function FullscreenButton() {
  const { t } = useI18n();
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  const [awake, setAwake] = useState(false);
  useEffect(() => {
    const on = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  useEffect(() => {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      setAwake(true);
      clearTimeout(timeout);
      timeout = setTimeout(() => setAwake(false), 3000);
    };
    document.addEventListener('pointermove', wake);
    document.addEventListener('keydown', wake);
    return () => {
      clearTimeout(timeout);
      document.removeEventListener('pointermove', wake);
      document.removeEventListener('keydown', wake);
    };
  }, []);
  if (!document.fullscreenEnabled) return null;
  return (
    <button
      type="button"
      className={`fullscreen-btn${awake ? ' fullscreen-btn--awake' : ''}`}
      onClick={() => void (full ? document.exitFullscreen() : document.documentElement.requestFullscreen())}
    >
      {full ? t('exitFullscreen') : t('fullscreen')}
    </button>
  );
}
