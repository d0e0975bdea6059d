import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  next: () => void;
  toggleTimer: () => void;
  plusMinute: () => void;
  reveal: () => void;
}

/** True when a key press belongs to a text field, so shortcuts stay out of the way of typing. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** N/→ next step · Space start/pause · + one minute · R reveal. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      const h = ref.current;
      if (e.key === 'n' || e.key === 'N' || e.key === 'ArrowRight') h.next();
      else if (e.key === ' ') {
        if (e.target instanceof HTMLButtonElement) return; // Space presses a focused button
        h.toggleTimer();
      } else if (e.key === '+') h.plusMinute();
      else if (e.key === 'r' || e.key === 'R') h.reveal();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
