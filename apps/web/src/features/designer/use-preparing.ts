import { useCallback, useEffect, useState } from 'react';

const HASH = '#prepare';

/**
 * Whether the console shows "Förbered" instead of the live tools: `/f/CODE#prepare` opens it (a link
 * the facilitator can keep), and the toggle keeps the address in step so a reload stays where it was.
 */
export function usePreparing(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => location.hash === HASH);
  useEffect(() => {
    const sync = () => setOn(location.hash === HASH);
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);
  const set = useCallback((next: boolean) => {
    history.replaceState(null, '', next ? `${location.pathname}${HASH}` : location.pathname);
    setOn(next);
  }, []);
  return [on, set];
}
