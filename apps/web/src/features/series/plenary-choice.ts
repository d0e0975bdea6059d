import { useCallback, useEffect, useState } from 'react';
import { storage } from '../../realtime/storage.ts';

/** What the plenary shows per room: the newest notes of any question, or one question's notes. */
export const LATEST = 'latest';

const storageKey = (seriesId: string) => `fokus:plenary:${seriesId}`;
const channelName = (seriesId: string) => `fokus-plenary-${seriesId}`;

/**
 * The question the plenary view shows, chosen on the dashboard. Kept in this browser only (localStorage, and a
 * BroadcastChannel for windows of the same browser): a laptop steers the projector window it opened itself.
 */
export function usePlenaryChoice(seriesId: string): [string, (choice: string) => void] {
  const [choice, setLocal] = useState(() => storage.get(storageKey(seriesId)) ?? LATEST);
  useEffect(() => {
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName(seriesId));
    if (channel) channel.onmessage = (e: MessageEvent<unknown>) => typeof e.data === 'string' && setLocal(e.data);
    // Where BroadcastChannel is missing, the storage event still reaches the other windows.
    const onStorage = (e: StorageEvent) => {
      if (e.key === storageKey(seriesId) && e.newValue) setLocal(e.newValue);
    };
    window.addEventListener('storage', onStorage);
    return () => {
      channel?.close();
      window.removeEventListener('storage', onStorage);
    };
  }, [seriesId]);
  const choose = useCallback(
    (next: string) => {
      setLocal(next);
      storage.set(storageKey(seriesId), next);
      if (typeof BroadcastChannel === 'undefined') return;
      const channel = new BroadcastChannel(channelName(seriesId));
      channel.postMessage(next);
      channel.close();
    },
    [seriesId],
  );
  return [choice, choose];
}
