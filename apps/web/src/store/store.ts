import { createStore } from 'zustand/vanilla';
import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { MeMessage, MeView, Role, TallyMessage, TallyView, ViewMessage, WorkshopView } from '@fokus/protocol';
import { applyTally } from '@fokus/protocol/tally-changes';
import type { PendingCommand } from '../realtime/command-queue.ts';
import { acked, confirmedUpTo, enqueue, rejected } from '../realtime/command-queue.ts';

/** What the server has confirmed: never edited by the UI, only replaced by newer messages. */
export interface ServerSlice {
  view: WorkshopView | null;
  tally: TallyView | null;
  me: MeView | null;
  /** Highest version seen in any confirmed message. */
  version: number;
  /** serverNow - Date.now() at receipt: add it to Date.now() to get server time. */
  serverOffset: number;
  participantId: string | null;
  /** The server has said hello on this connection (so participantId is known). */
  greeted: boolean;
  removed: boolean;
  receiveView: (msg: ViewMessage, receivedAt?: number) => void;
  receiveTally: (msg: TallyMessage) => void;
  receiveMe: (msg: MeMessage) => void;
  setParticipant: (participantId: string | null) => void;
  setRemoved: () => void;
}

/** Commands sent (or waiting to be sent) but not yet visible in confirmed state. */
export interface PendingSlice {
  pending: PendingCommand[];
  addPending: (entry: PendingCommand) => void;
  ackPending: (opId: string, version: number) => void;
  rejectPending: (opId: string) => void;
}

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface ConnectionSlice {
  role: Role;
  code: string;
  status: ConnectionStatus;
  refusal: { error: string; message: string } | null;
  setStatus: (status: ConnectionStatus) => void;
  refuse: (error: string, message: string) => void;
}

export interface Notice {
  id: number;
  text: string;
  tone: 'error' | 'info';
}

export interface NoticeSlice {
  notices: Notice[];
  notify: (text: string, tone?: Notice['tone']) => void;
  dismiss: (id: number) => void;
}

export type FokusState = ServerSlice & PendingSlice & ConnectionSlice & NoticeSlice;
export type FokusStore = StoreApi<FokusState>;
type Slice<T> = StateCreator<FokusState, [], [], T>;

const serverSlice: Slice<ServerSlice> = (set) => ({
  view: null,
  tally: null,
  me: null,
  version: 0,
  serverOffset: 0,
  participantId: null,
  greeted: false,
  removed: false,
  receiveView: (msg, receivedAt = Date.now()) =>
    set((s) => {
      if (s.view && msg.version < s.version && msg.view.id === s.view.id) return {};
      const version = Math.max(s.version, msg.version);
      return { view: msg.view, version, serverOffset: msg.serverNow - receivedAt, pending: confirmedUpTo(s.pending, version) };
    }),
  // The facilitator's ballots may come as changes only (a hall's every ballot ten times a second is too much).
  receiveTally: (msg) => set((s) => ({ tally: applyTally(s.tally, msg.tally) })),
  receiveMe: (msg) =>
    set((s) => {
      const version = Math.max(s.version, msg.version);
      return { me: msg.me, version, pending: confirmedUpTo(s.pending, version) };
    }),
  setParticipant: (participantId) => set({ participantId, greeted: true }),
  setRemoved: () => set({ removed: true, pending: [] }),
});

const pendingSlice: Slice<PendingSlice> = (set) => ({
  pending: [],
  addPending: (entry) => set((s) => ({ pending: enqueue(s.pending, entry) })),
  ackPending: (opId, version) => set((s) => ({ pending: acked(s.pending, opId, version, s.version) })),
  rejectPending: (opId) => set((s) => ({ pending: rejected(s.pending, opId) })),
});

const connectionSlice =
  (role: Role, code: string): Slice<ConnectionSlice> =>
  (set) => ({
    role,
    code,
    status: 'connecting',
    refusal: null,
    setStatus: (status) => set((s) => (s.status === 'refused' && status !== 'online' ? {} : { status, refusal: status === 'online' ? null : s.refusal })),
    refuse: (error, message) => set({ status: 'refused', refusal: { error, message } }),
  });

let noticeSeq = 0;
const noticeSlice: Slice<NoticeSlice> = (set) => ({
  notices: [],
  notify: (text, tone = 'error') => set((s) => ({ notices: [...s.notices.slice(-2), { id: ++noticeSeq, text, tone }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});

export interface StoreInit {
  role: Role;
  code: string;
  pending?: PendingCommand[];
}

/** One store per session (role + workshop); tests make a fresh one each. */
export function createFokusStore(init: StoreInit): FokusStore {
  return createStore<FokusState>()((...a) => ({
    ...serverSlice(...a),
    ...pendingSlice(...a),
    ...connectionSlice(init.role, init.code)(...a),
    ...noticeSlice(...a),
    ...(init.pending ? { pending: init.pending } : {}),
  }));
}
