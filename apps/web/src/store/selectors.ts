import type { AgendaStep } from '@fokus/core';
import type { FokusState } from './store.ts';

export const selectView = (s: FokusState) => s.view;
export const selectTally = (s: FokusState) => s.tally;
export const selectMe = (s: FokusState) => s.me;
export const selectPending = (s: FokusState) => s.pending;
export const selectStatus = (s: FokusState) => s.status;
export const selectOffset = (s: FokusState) => s.serverOffset;
export const selectStep = (s: FokusState): AgendaStep | null => s.view?.agenda[s.view.stepIndex] ?? null;
export const selectUnsentCount = (s: FokusState) => s.pending.filter((p) => p.ackedVersion === undefined).length;
