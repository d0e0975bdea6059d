import { useHyphenated } from '../../lib/hyphenate.ts';
import { useFokus } from '../../store/context.tsx';

/**
 * An idea's words in the workshop's language, with soft hyphens once the patterns have loaded, so a
 * long compound ("Samverkansöverenskommelsefrågor") breaks with a hyphen instead of widening its card.
 */
export function IdeaText({ text, className }: { text: string; className?: string }) {
  const lang = useFokus((s) => s.view?.lang ?? 'sv');
  const shown = useHyphenated(text, lang);
  return (
    <span className={className} lang={lang}>
      {shown}
    </span>
  );
}
