import { useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

/**
 * FLIP: children marked with data-flip="key" glide from where they were to where they are after each
 * render, so a re-ranked list moves instead of jumping.
 */
export function useFlip(ref: RefObject<HTMLElement | null>): void {
  const last = useRef(new Map<string, DOMRect>());
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const next = new Map<string, DOMRect>();
    root.querySelectorAll<HTMLElement>('[data-flip]').forEach((node) => {
      const key = node.dataset.flip;
      if (!key) return;
      const rect = node.getBoundingClientRect();
      next.set(key, rect);
      const before = last.current.get(key);
      if (!before || reduce) return;
      const dx = before.left - rect.left;
      const dy = before.top - rect.top;
      if (Math.abs(dx) < 1 && Math.abs(dy) < 1) return;
      node.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'translate(0, 0)' }], {
        duration: 700,
        easing: 'cubic-bezier(0.2, 0.7, 0.2, 1)',
      });
    });
    last.current = next;
  });
}
