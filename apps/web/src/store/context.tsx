import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Session } from '../realtime/connection.ts';
import type { FokusState } from './store.ts';

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Reads the session's store with a small selector; return stable values (slices, primitives). */
export function useFokus<T>(selector: (s: FokusState) => T): T {
  return useStore(useSession().store, selector);
}
