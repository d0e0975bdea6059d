import { useState } from 'react';
import { storage } from '../../realtime/storage.ts';

const storageKey = (seriesId: string) => `fokus:organiser:${seriesId}`;

// A browser that cannot store (private mode) still knows the key for this page's life.
const known = new Map<string, string>();

/**
 * The organiser key of a series: from the URL fragment (`#key=…`, then hidden: the dashboard is often on a
 * shared screen) or from this browser's memory, like the console's facilitator key.
 */
export function useOrganiserKey(seriesId: string): string | null {
  const [key] = useState(() => {
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('key');
    if (fromHash) {
      storage.set(storageKey(seriesId), fromHash);
      known.set(seriesId, fromHash);
      history.replaceState(null, '', location.pathname);
      return fromHash;
    }
    return known.get(seriesId) ?? storage.get(storageKey(seriesId));
  });
  return key;
}
