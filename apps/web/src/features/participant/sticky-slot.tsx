import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** The element inside the phone's sticky top bar where a step may put its own always-visible line. */
export const StickySlotContext = createContext<HTMLElement | null>(null);
export const useStickySlot = () => useContext(StickySlotContext);

/** The dock at the bottom of the phone, in the thumb zone: where a step puts its primary action. */
export const DockSlotContext = createContext<HTMLElement | null>(null);

/** Puts its children in the bottom dock (in place until the dock exists). */
export function Docked({ children }: { children: ReactNode }) {
  const dock = useContext(DockSlotContext);
  return dock ? createPortal(children, dock) : children;
}
