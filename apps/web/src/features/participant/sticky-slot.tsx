import { createContext, useContext } from 'react';

/** The element inside the phone's sticky top bar where a step may put its own always-visible line. */
export const StickySlotContext = createContext<HTMLElement | null>(null);
export const useStickySlot = () => useContext(StickySlotContext);
