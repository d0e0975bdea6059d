import { useEffect, useState } from 'react';
import { getWorkshop } from '../../lib/api.ts';
import { setWorkshopLang, useI18n } from '../../i18n/index.ts';
import { useOpenSession } from '../../realtime/use-session.ts';
import { SessionProvider, useFokus } from '../../store/context.tsx';
import { selectStep, selectView } from '../../store/selectors.ts';
import { LangSwitch } from '../../ui/lang-switch.tsx';
import { Notices } from '../../ui/notices.tsx';
import { OfflineBanner } from '../../ui/offline-banner.tsx';
import { Refusal } from '../../ui/refusal.tsx';
import { Brainstorm } from './brainstorm.tsx';
import { CodeTrouble } from './code-trouble.tsx';
import { JoinForm, Removed } from './join-form.tsx';
import { Lobby } from './lobby.tsx';
import { FocusList, PlanList, Results } from './results.tsx';
import { StepBar, StepPrompt } from './step-header.tsx';
import { DockSlotContext, StickySlotContext } from './sticky-slot.tsx';
import { Vote } from './vote.tsx';
import './phone.css';

/** The phone: /j/CODE. Joins once, then resumes with the token on every reload. */
export function ParticipantApp({ code }: { code: string }) {
  const { t } = useI18n();
  const [exists, setExists] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    getWorkshop(code)
      .then((w) => {
        if (!live) return;
        setExists(w !== null);
        if (w) setWorkshopLang(w.lang);
      })
      .catch(() => live && setExists(true)); // offline: let the socket try
    return () => {
      live = false;
    };
  }, [code]);
  const session = useOpenSession(code, 'participant', undefined, exists === true);
  if (exists === false) return <CodeTrouble code={code} />;
  if (!session)
    return (
      <main className="center-page" aria-busy="true">
        <p>{t('loading')}</p>
      </main>
    );
  return (
    <SessionProvider session={session}>
      <Phone />
    </SessionProvider>
  );
}

export function Phone() {
  const { t } = useI18n();
  const status = useFokus((s) => s.status);
  const refusal = useFokus((s) => s.refusal);
  const removed = useFokus((s) => s.removed);
  const greeted = useFokus((s) => s.greeted);
  const participantId = useFokus((s) => s.participantId);
  const code = useFokus((s) => s.code);
  const view = useFokus(selectView);
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);
  const [dock, setDock] = useState<HTMLDivElement | null>(null);

  if (status === 'refused' && refusal) {
    if (refusal.error === 'not_found' || refusal.error === 'workshop_deleted')
      return <CodeTrouble code={code} deleted={refusal.error === 'workshop_deleted'} />;
    return <Refusal error={refusal.error} />;
  }
  if (removed) return <Removed />;
  if (!greeted && !view) {
    return (
      <div className="phone">
        <OfflineBanner />
        <main className="center-page" aria-busy="true">
          <p>{t('loading')}</p>
        </main>
      </div>
    );
  }
  if (!participantId) return <JoinForm />;
  return (
    <div className="phone">
      <div className="phone__sticky">
        <OfflineBanner />
        <StepBar />
        <div ref={setSlot} />
      </div>
      <StepPrompt />
      <main className="phone__body">
        <StickySlotContext.Provider value={slot}>
          <DockSlotContext.Provider value={dock}>
            <StepBody />
          </DockSlotContext.Provider>
        </StickySlotContext.Provider>
      </main>
      <div ref={setDock} className="phone__dock" />
      <footer className="phone__footer">
        <LangSwitch />
      </footer>
      <Notices />
    </div>
  );
}

function StepBody() {
  const step = useFokus(selectStep);
  const view = useFokus(selectView);
  const tallies = useFokus((s) => s.tally?.tallies ?? null);
  const { t } = useI18n();
  if (!view || !step) return <p>{t('loading')}</p>;
  if (view.voting.status === 'open') return <Vote />;
  switch (step.kind) {
    case 'lobby':
      return <Lobby />;
    case 'brainstorm':
      return <Brainstorm />;
    case 'present':
    case 'reflect':
      return <Brainstorm readOnly />;
    case 'vote':
      if (tallies) return <Results />;
      return <p className="waiting">{view.voting.status === 'closed' ? `${t('votingClosed')} ${t('resultsHidden')}` : t('votingNotOpen')}</p>;
    case 'focus':
      return tallies ? <FocusList /> : <p className="waiting">{t('resultsHidden')}</p>;
    case 'plan':
      return <PlanList />;
  }
}
