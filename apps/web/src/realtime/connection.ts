import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientCommand, ClientToServerEvents, JoinAck, Role, ServerToClientEvents, SyncAck } from '@fokus/protocol';
import { PROTOCOL_VERSION } from './protocol-version.ts';
import { currentLang, errorText, setWorkshopLang } from '../i18n/index.ts';
import type { FokusStore } from '../store/store.ts';
import { createFokusStore } from '../store/store.ts';
import { parseStoredQueue, unsent } from './command-queue.ts';
import type { CommandResult } from './sender.ts';
import { CommandSender } from './sender.ts';
import { newId } from './ids.ts';
import { keys, storage } from './storage.ts';

export type FokusSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Session {
  store: FokusStore;
  send: (command: ClientCommand, onResult?: (r: CommandResult) => void) => string;
  /** `town`: the town or municipality they come from ('' when not given). */
  join: (name: string, organisation: string, town?: string) => Promise<JoinAck>;
  sync: () => void;
  close: () => void;
}

export interface SessionOptions {
  code: string;
  role: Role;
  /** Facilitator key. */
  key?: string;
}

const ACK_TIMEOUT_MS = 8000;

/** Opens the typed socket for one role in one workshop and wires it to a fresh store. */
export function openSession({ code, role, key }: SessionOptions): Session {
  const isParticipant = role === 'participant';
  const store = createFokusStore({
    role,
    code,
    pending: isParticipant ? parseStoredQueue(storage.get(keys.pending(code)), Date.now()) : [],
  });

  const socket: FokusSocket = io({
    autoConnect: false,
    auth: (cb) => {
      const token = isParticipant ? (storage.get(keys.token(code)) ?? undefined) : undefined;
      cb({ v: PROTOCOL_VERSION, code, role, ...(token ? { token } : {}), ...(key ? { key } : {}) });
    },
  });

  const notifyError = (error: string) => store.getState().notify(errorText(currentLang(), error));
  const sender = new CommandSender(
    store,
    {
      isOpen: () => socket.connected && store.getState().status === 'online',
      emit: (env, done) =>
        socket.timeout(ACK_TIMEOUT_MS).emit('workshop:command', env, (err, res) => {
          // A phone's own slice comes in the answer to its command (no separate message follows it).
          if (!err && res.ok && res.me) st().receiveMe(res.me);
          done(err ? 'timeout' : res);
        }),
    },
    { onRefused: (error) => notifyError(error) },
  );

  // Participants keep unsent taps across reloads.
  const unsubscribePersist = isParticipant
    ? store.subscribe((s, prev) => {
        if (s.pending === prev.pending) return;
        const rest = unsent(s.pending);
        if (rest.length) storage.set(keys.pending(code), JSON.stringify(rest));
        else storage.remove(keys.pending(code));
      })
    : () => {};

  const st = () => store.getState();

  socket.on('connect', () => {
    st().setStatus('online');
    sender.flush();
  });
  socket.on('disconnect', (reason) => {
    sender.connectionLost();
    st().setStatus('offline');
    if (reason === 'io server disconnect' && !st().removed) socket.connect();
  });
  socket.on('connect_error', (err) => {
    const data = (err as Error & { data?: { error?: unknown; message?: unknown } }).data;
    if (!socket.active) {
      const error = typeof data?.error === 'string' ? data.error : 'unauthorized';
      // A participant whose token no longer works starts over with the join form.
      if (isParticipant && storage.get(keys.token(code)) && (error === 'unauthorized' || error === 'not_joined')) {
        storage.remove(keys.token(code));
        // Removed while this phone was away ('unauthorized' is only ever that for a phone): say so, politely.
        if (error === 'unauthorized') {
          storage.remove(keys.pending(code));
          st().setRemoved();
          return;
        }
        socket.connect();
        return;
      }
      st().refuse(error, typeof data?.message === 'string' ? data.message : err.message);
    } else {
      st().setStatus('offline');
    }
  });
  socket.on('session:hello', (msg) => st().setParticipant(msg.participantId));
  socket.on('workshop:view', (msg) => {
    st().receiveView(msg);
    setWorkshopLang(msg.view.lang);
  });
  socket.on('workshop:tally', (msg) => st().receiveTally(msg));
  socket.on('participant:me', (msg) => st().receiveMe(msg));
  // The workshop was erased: forget what this browser kept of it and say so instead of reconnecting.
  socket.on('workshop:deleted', () => {
    storage.remove(keys.token(code));
    storage.remove(keys.pending(code));
    storage.remove(keys.facilitator(code));
    st().refuse('workshop_deleted', 'this workshop was deleted');
    socket.disconnect();
  });
  socket.on('participant:removed', () => {
    storage.remove(keys.token(code));
    storage.remove(keys.pending(code));
    st().setRemoved();
    socket.disconnect();
  });

  const goOffline = () => {
    sender.connectionLost();
    st().setStatus('offline');
  };
  const goOnline = () => {
    if (socket.connected) {
      st().setStatus('online');
      sender.flush();
    } else if (!st().removed) socket.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  if (typeof navigator !== 'undefined' && navigator.onLine === false) st().setStatus('offline');

  socket.connect();

  return {
    store,
    send: (command, onResult) => sender.send(command, onResult),
    join: (name, organisation, town = '') =>
      new Promise<JoinAck>((resolve) => {
        // The phone makes its token and keeps it before asking: a join whose answer is lost is resent
        // with the same token and the server answers with the same participant, never a second one.
        const token = storage.get(keys.token(code)) ?? newId();
        storage.set(keys.token(code), token);
        socket.timeout(ACK_TIMEOUT_MS).emit('participant:join', { name, organisation, town, token }, (err, res) => {
          if (err) return resolve({ ok: false, error: 'internal', message: 'timeout' });
          if (res.ok) {
            storage.set(keys.token(code), res.token);
            st().setParticipant(res.participantId);
          } else if (res.error === 'unauthorized') {
            storage.remove(keys.token(code)); // the token belonged to someone removed: start afresh
          }
          resolve(res);
        });
      }),
    sync: () =>
      socket.timeout(ACK_TIMEOUT_MS).emit('workshop:sync', (err: Error | null, res: SyncAck) => {
        if (err || !res.ok) return;
        st().receiveView(res.view);
        st().receiveTally(res.tally);
        if (res.me) st().receiveMe(res.me);
      }),
    close: () => {
      unsubscribePersist();
      sender.dispose();
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
