import type { ClientCommand, WorkshopView } from '@fokus/protocol';
import type { MessageKey } from '../../i18n/index.ts';

export interface NextAction {
  label: MessageKey;
  command: ClientCommand | null;
}

/** The one obvious thing to do next, given where the workshop is. */
export function nextAction(view: WorkshopView): NextAction {
  const step = view.agenda[view.stepIndex];
  const { status, revealed, settings } = view.voting;
  if (status === 'open') return { label: 'action_closeVoting', command: { type: 'voting:close' } };
  if (step?.kind === 'vote') {
    if (status === 'idle') return { label: 'action_openVoting', command: { type: 'voting:open' } };
    if (status === 'closed' && settings.hideResults && !revealed) {
      return { label: 'action_reveal', command: { type: 'voting:reveal', revealed: true } };
    }
  }
  const timerUntouched = view.timer.startedAt === null && view.timer.elapsedMs === 0 && view.timer.durationMs > 0;
  if (timerUntouched && (step?.kind === 'brainstorm' || step?.kind === 'reflect' || step?.kind === 'present')) {
    return { label: 'action_startTimer', command: { type: 'timer:start' } };
  }
  // A step in timed parts: once this part's clock has run, the next part comes before the next step.
  if (!timerUntouched && view.phaseIndex + 1 < (step?.phases?.length ?? 0)) {
    return { label: 'action_nextPhase', command: { type: 'agenda:phase', phaseIndex: view.phaseIndex + 1 } };
  }
  if (view.stepIndex + 1 < view.agenda.length) {
    return { label: 'action_nextStep', command: { type: 'agenda:goto', stepIndex: view.stepIndex + 1 } };
  }
  return { label: 'action_finished', command: null };
}
