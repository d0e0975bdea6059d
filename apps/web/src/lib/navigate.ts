import { useSyncExternalStore } from 'react';

const EVENT = 'fokus:navigate';

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('popstate', cb);
  window.addEventListener(EVENT, cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener(EVENT, cb);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

export type Route =
  | { name: 'start' }
  | { name: 'join'; code: string | null }
  | { name: 'screen'; code: string }
  | { name: 'facilitator'; code: string }
  | { name: 'report'; code: string }
  | { name: 'series'; seriesId: string; plenary: boolean }
  | { name: 'not-found' };

/** Series ids are 16 URL-safe characters, case kept (unlike join codes). */
const SERIES_ID = /^[A-Za-z0-9_-]{16}$/;

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'start' };
  const [head, raw] = parts;
  const code = raw ? decodeURIComponent(raw).toUpperCase() : null;
  if (head === 'j' && parts.length <= 2) return { name: 'join', code };
  if (head === 's' && code && parts.length === 2) return { name: 'screen', code };
  if (head === 'f' && code && parts.length === 2) return { name: 'facilitator', code };
  if (head === 'f' && code && parts.length === 3 && parts[2] === 'rapport') return { name: 'report', code };
  if (head === 'o' && raw && SERIES_ID.test(raw) && (parts.length === 2 || (parts.length === 3 && parts[2] === 'skarm'))) {
    return { name: 'series', seriesId: raw, plenary: parts.length === 3 };
  }
  return { name: 'not-found' };
}
