import { useEffect, useState } from 'react';
import type { Role } from '@fokus/protocol';
import type { Session } from './connection.ts';
import { openSession } from './connection.ts';

/** Opens a session for as long as the component is mounted (StrictMode-safe: closed in cleanup). */
export function useOpenSession(code: string, role: Role, key?: string, enabled = true): Session | null {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const s = openSession({ code, role, ...(key ? { key } : {}) });
    setSession(s);
    return () => {
      s.close();
      setSession(null);
    };
  }, [code, role, key, enabled]);
  return session;
}
