import { useLayoutEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Shrinks an element's content until it fits without scrolling: sets --fit (a font scale) and, when one
 * column at a readable size is not enough, data-cols="2". Runs after every change of `deps`.
 */
export function useFit(ref: RefObject<HTMLElement | null>, deps: readonly unknown[], opts: { min?: number; twoColumnsBelow?: number } = {}): void {
  const min = opts.min ?? 0.5;
  const twoBelow = opts.twoColumnsBelow ?? 0.8;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const overflows = () => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
      const tryScales = (cols: '1' | '2', floor: number): boolean => {
        el.dataset.cols = cols;
        for (let scale = 1; scale >= floor - 1e-9; scale -= 0.05) {
          el.style.setProperty('--fit', scale.toFixed(2));
          if (!overflows()) return true;
        }
        return false;
      };
      if (tryScales('1', twoBelow)) return;
      if (tryScales('2', min)) return;
      tryScales('1', min);
    };
    fit();
    const ro = new ResizeObserver(() => fit());
    ro.observe(el);
    return () => ro.disconnect();
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the content depends on; ref and options are fixed per use
  }, deps);
}
