import { useEffect, useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Where one paged list stands: 1-based page and page count. */
export interface PageInfo {
  page: number;
  pages: number;
}

export interface PagedFitOptions {
  /** The smallest font scale (--fit) before paging starts: the floor keeps text readable from the back. */
  floor: number;
  /** How long each page stays up. */
  intervalMs?: number;
}

const SINGLE: PageInfo = { page: 1, pages: 1 };

/**
 * Fits every list marked `data-fit` inside `root` without scrolling, measured in the browser with the real fonts:
 * one font scale (--fit on root) for all lists, the largest at which all fit, never below `floor`. A list that does
 * not fit at the floor is split into pages by its items' measured heights; the pages turn on their own every
 * `intervalMs`. Items off the current page get the `hidden` attribute; each list carries data-page and data-pages
 * (1-based), so a test can wait for the turn.
 */
export function usePagedFit(root: RefObject<HTMLElement | null>, opts: PagedFitOptions): PageInfo[] {
  const { floor, intervalMs = 9000 } = opts;
  const [info, setInfo] = useState<PageInfo[]>([]);
  const [tick, setTick] = useState(0);
  const [resized, setResized] = useState(0);

  // Runs after every render: new ideas, a turned page and a resize all change what fits.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const next = layout(el, floor, tick);
    setInfo((prev) => (same(prev, next) ? prev : next));
  });

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const bump = () => setResized((n) => n + 1);
    const ro = new ResizeObserver(bump);
    ro.observe(el);
    void document.fonts?.ready.then(bump);
    return () => ro.disconnect();
  }, [root]);
  void resized;

  const paging = info.some((i) => i.pages > 1);
  useEffect(() => {
    if (!paging) return;
    const id = setInterval(() => setTick((t) => t + 1), intervalMs);
    return () => clearInterval(id);
  }, [paging, intervalMs]);

  return info;
}

function same(a: PageInfo[], b: PageInfo[]): boolean {
  return a.length === b.length && a.every((x, i) => x.page === b[i]?.page && x.pages === b[i]?.pages);
}

function layout(root: HTMLElement, floor: number, tick: number): PageInfo[] {
  const lists = [...root.querySelectorAll<HTMLElement>('[data-fit]')];
  const items = (list: HTMLElement) => [...list.children].filter((c): c is HTMLElement => c instanceof HTMLElement);
  for (const list of lists) for (const item of items(list)) item.hidden = false;
  const overflows = (list: HTMLElement) => items(list).some((item) => outside(list, item));
  const fitsAt = (scale: number) => {
    root.style.setProperty('--fit', String(scale));
    return !lists.some(overflows);
  };

  let pagesOf: number[][] = [];
  if (!fitsAt(1)) {
    if (fitsAt(floor)) {
      // The largest scale that fits, to within half a percent.
      let lo = floor;
      let hi = 1;
      while (hi - lo > 0.005) {
        const mid = (lo + hi) / 2;
        if (fitsAt(mid)) lo = mid;
        else hi = mid;
      }
      fitsAt(lo);
    } else {
      pagesOf = lists.map((list) => (overflows(list) ? paginate(list, items(list)) : []));
    }
  }

  return lists.map((list, i) => {
    const assigned = pagesOf[i] ?? [];
    const pages = assigned.length === 0 ? 1 : (assigned[assigned.length - 1] ?? 0) + 1;
    const page = tick % pages;
    items(list).forEach((item, k) => {
      item.hidden = (assigned[k] ?? 0) !== page;
    });
    list.dataset.page = String(page + 1);
    list.dataset.pages = String(pages);
    return pages === 1 ? SINGLE : { page: page + 1, pages };
  });
}

/**
 * Whether an item reaches past the list's bottom or its text past its own box. Layout boxes, not scroll sizes: an
 * item gliding in (translateY) or re-ranking (FLIP) is transformed for a moment, and a transform would count as
 * overflow in scrollHeight and shrink the text for nothing. Lists are `position: relative`, their items' offsetParent.
 */
function outside(list: HTMLElement, item: HTMLElement): boolean {
  return bottomOf(item) > list.getBoundingClientRect().height + 0.5 || item.scrollWidth > item.clientWidth + 1;
}

/** offsetTop is whole pixels; the height, fractional (at 720p everything is), is not moved by a translate. */
function bottomOf(item: HTMLElement): number {
  return item.offsetTop + item.getBoundingClientRect().height;
}

/** Page number per item: a new page starts where an item would cross the list's bottom edge. */
function paginate(list: HTMLElement, items: HTMLElement[]): number[] {
  const height = list.getBoundingClientRect().height;
  let page = 0;
  let start: number | null = null;
  return items.map((item) => {
    const top = item.offsetTop;
    if (start === null) start = top;
    else if (bottomOf(item) - start > height + 0.5) {
      page++;
      start = top;
    }
    return page;
  });
}
