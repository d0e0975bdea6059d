import type { IdeaView } from '@fokus/protocol';

/** Lower case the Swedish way (Å, Ä, Ö fold to å, ä, ö; nothing else is folded: "a" never finds "ä"). */
const fold = (s: string): string => s.toLocaleLowerCase('sv');

/**
 * The moderation search: every word of the query must appear in the idea's text, details or the texts merged
 * into it; "#12" (or "12" alone) also finds theme number 12. An empty query matches everything.
 */
export function ideaMatcher(query: string): (idea: IdeaView) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  return (idea) => {
    const haystack = fold([idea.text, idea.details, ...idea.merged].join('\n'));
    return words.every((w) => haystack.includes(w) || w.replace(/^#/, '') === String(idea.seq));
  };
}
