import type { HyphenLang } from '../../lib/hyphenate.ts';
import { hyphenate, useHyphenated } from '../../lib/hyphenate.ts';

/**
 * Soft hyphens for many texts in one component: subscribes once (re-rendering when the patterns arrive) and
 * returns the hyphenating function. The workshop's language decides the patterns: ideas are written in it.
 */
export function useHyphenator(lang: HyphenLang): (text: string) => string {
  useHyphenated('', lang);
  return (text) => hyphenate(text, lang);
}
