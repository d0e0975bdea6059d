import { useEffect, useSyncExternalStore } from 'react';

/**
 * Soft hyphens (U+00AD) for idea texts. Chromium has no Swedish hyphenation dictionary offline, so
 * `hyphens: auto` does nothing for "Samverkansöverenskommelsefrågor"; the `hyphen` package's TeX
 * patterns mark the break points and the browser breaks there only when it must.
 *
 * The patterns (~19 KB gzipped for Swedish) load lazily: `hyphenate` returns the text unchanged
 * until `loadHyphenation(lang)` has resolved, and `useHyphenated` re-renders once they arrive.
 *
 * Stable API (the projector imports it): SOFT_HYPHEN, HyphenLang, loadHyphenation,
 * isHyphenationReady, hyphenate, useHyphenated.
 */

export const SOFT_HYPHEN = '\u00AD';
export type HyphenLang = 'sv' | 'en';

type WordHyphenator = (word: string) => string;

/**
 * Words shorter than this fit the narrowest column we draw (a vote card on a 320 px phone holds about 11 bold
 * letters); hyphenating them would only make the browser break "till-växt" where a line break would do.
 */
const MIN_WORD = 10;
/** No fragment shorter than this on either side of a break (TeX's left/righthyphenmin for Swedish). */
const MIN_FRAGMENT = 2;
/** The last piece carries one letter more: "stads-kärna", never "stadskär-na" with two letters alone on a line. */
const MIN_LAST_FRAGMENT = 3;

const hyphenators = new Map<HyphenLang, WordHyphenator>();
const loading = new Map<HyphenLang, Promise<void>>();
const listeners = new Set<() => void>();
let version = 0;

async function importPatterns(lang: HyphenLang): Promise<WordHyphenator> {
  // Each language is its own lazy chunk; CommonJS modules arrive as `default` (or as the namespace).
  const mod = lang === 'sv' ? await import('hyphen/sv') : await import('hyphen/en-us');
  const api = mod.default ?? mod;
  return (word) => api.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: MIN_WORD });
}

/** Loads a language's patterns once; later calls share the same promise. */
export function loadHyphenation(lang: HyphenLang): Promise<void> {
  let pending = loading.get(lang);
  if (!pending) {
    pending = importPatterns(lang).then(
      (h) => {
        hyphenators.set(lang, h);
        version++;
        for (const l of listeners) l();
      },
      () => {
        loading.delete(lang); // offline while loading: plain text now, try again on the next render
      },
    );
    loading.set(lang, pending);
  }
  return pending;
}

export function isHyphenationReady(lang: HyphenLang): boolean {
  return hyphenators.has(lang);
}

/**
 * The text with soft hyphens at valid break points of its long words, or unchanged while the
 * patterns are not loaded. Idempotent; removing every U+00AD gives back the input.
 */
export function hyphenate(text: string, lang: HyphenLang = 'sv'): string {
  const h = hyphenators.get(lang);
  return h ? hyphenateText(text, h) : text;
}

/** Plain text on the first render, hyphenated once the patterns are in. */
export function useHyphenated(text: string, lang: HyphenLang = 'sv'): string {
  useSyncExternalStore(subscribe, getVersion, getVersion);
  useEffect(() => {
    if (!hyphenators.has(lang)) void loadHyphenation(lang);
  }, [lang]);
  return hyphenate(text, lang);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function getVersion(): number {
  return version;
}

// A word: letters and combining marks, possibly with soft hyphens someone already put there.
const WORD = /[\p{L}\p{M}\u00AD]+/gu;

/** Exported for the unit test: hyphenates every long word of `text` with `hyphenateWord`. */
export function hyphenateText(text: string, hyphenateWord: WordHyphenator): string {
  return text.replace(WORD, (word) => {
    if (word.includes(SOFT_HYPHEN) || word.length < MIN_WORD) return word; // already done, or short
    const marked = hyphenateWord(word);
    if (marked.replaceAll(SOFT_HYPHEN, '') !== word) return word; // the library changed letters: keep ours
    return tidyFragments(marked.split(SOFT_HYPHEN)).join(SOFT_HYPHEN);
  });
}

const VOWEL = /^[aeiouyåäöéü]$/iu;

/**
 * The patterns sometimes leave one-letter fragments ("Samverkan-s-ö-ver…", "Fastig-hets-ä-ga-re").
 * A lone consonant is the end of the syllable before it (the linking s of a compound); a lone vowel
 * starts the next one. Then any fragment still shorter than MIN_FRAGMENT joins its neighbour, and a short
 * last one joins the one before it.
 */
function tidyFragments(fragments: string[]): string[] {
  const out: string[] = [];
  let carry = '';
  fragments.forEach((raw, i) => {
    const frag = carry + raw;
    carry = '';
    const last = i === fragments.length - 1;
    if (frag.length >= MIN_FRAGMENT) {
      out.push(frag);
    } else if (!last && (VOWEL.test(frag) || out.length === 0)) {
      carry = frag;
    } else if (out.length > 0) {
      out[out.length - 1] += frag;
    } else {
      out.push(frag);
    }
  });
  if (carry) out.push(carry);
  const last = out[out.length - 1];
  if (out.length > 1 && last !== undefined && last.length < MIN_LAST_FRAGMENT) {
    out.pop();
    out[out.length - 1] += last;
  }
  return out;
}
