import { useState } from 'react';
import { keys, storage } from '../../realtime/storage.ts';

/**
 * The facilitator key: from the URL fragment (then hidden) or from this browser's memory. The console and the
 * printable documentation page both read it here.
 */
export function useFacilitatorKey(code: string): string | null {
  const [key] = useState(() => {
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('key');
    if (fromHash) {
      storage.set(keys.facilitator(code), fromHash);
      // The console is often mirrored on the projector: keep the secret out of the address bar.
      history.replaceState(null, '', location.pathname);
      known.set(code, fromHash);
      return fromHash;
    }
    return storage.get(keys.facilitator(code));
  });
  return key;
}

// A browser that cannot store (private mode) still knows the key for this page's life.
const known = new Map<string, string>();

/** The key for a panel deep in the console (a plan row's calendar file), without passing it down. */
export function facilitatorKeyOf(code: string): string | null {
  return known.get(code) ?? storage.get(keys.facilitator(code));
}
