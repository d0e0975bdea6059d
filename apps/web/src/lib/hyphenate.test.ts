import { beforeAll, describe, expect, it } from 'vitest';
import { SOFT_HYPHEN, hyphenate, hyphenateText, isHyphenationReady, loadHyphenation } from './hyphenate.ts';

const strip = (s: string) => s.replaceAll(SOFT_HYPHEN, '');
const breaks = (s: string) => s.split(SOFT_HYPHEN);

/** Hand-hyphenated references: every point where a Swedish dictionary allows a break. */
const SWEDISH: Record<string, string> = {
  Samverkansöverenskommelsefrågor: 'Sam-ver-kans-över-ens-kom-mel-se-frå-gor',
  Omvärldsbevakning: 'Om-världs-be-vak-ning',
  kompetensutveckling: 'kom-pe-tens-ut-veck-ling',
  Stadskärnefinansiering: 'Stads-kär-ne-fi-nan-si-e-ring',
  människorna: 'män-ni-skor-na',
  stadskärna: 'stads-kär-na',
  Fastighetsägare: 'Fas-tig-hets-äga-re',
};

function allowedBreaks(reference: string): Set<number> {
  const at = new Set<number>();
  let pos = 0;
  for (const part of reference.split('-').slice(0, -1)) {
    pos += part.length;
    at.add(pos);
  }
  return at;
}
function breakPositions(hyphenated: string): number[] {
  const out: number[] = [];
  let pos = 0;
  for (const part of breaks(hyphenated).slice(0, -1)) {
    pos += part.length;
    out.push(pos);
  }
  return out;
}

describe('hyphenate before the patterns arrive', () => {
  it('leaves text alone', () => {
    expect(isHyphenationReady('sv')).toBe(false);
    expect(hyphenate('Samverkansöverenskommelsefrågor', 'sv')).toBe('Samverkansöverenskommelsefrågor');
  });
});

describe('hyphenate (Swedish patterns)', () => {
  beforeAll(() => loadHyphenation('sv'));

  for (const [word, reference] of Object.entries(SWEDISH)) {
    it(`breaks ${word} only at Swedish-valid points`, () => {
      const out = hyphenate(word, 'sv');
      const at = breakPositions(out);
      expect(at.length, out).toBeGreaterThanOrEqual(word.length > 12 ? 2 : 1);
      const allowed = allowedBreaks(reference);
      for (const p of at) expect(allowed.has(p), `${breaks(out).join('|')} vs ${reference}`).toBe(true);
      for (const frag of breaks(out)) expect(frag.length, breaks(out).join('|')).toBeGreaterThanOrEqual(2);
      expect(strip(out)).toBe(word);
    });
  }

  it('keeps at least three letters after the last break', () => {
    expect(hyphenate('stadskärna', 'sv')).toBe(`stads${SOFT_HYPHEN}kärna`);
    expect(hyphenate('Framtidens stadskärna', 'sv')).toBe(`Fram${SOFT_HYPHEN}ti${SOFT_HYPHEN}dens stads${SOFT_HYPHEN}kärna`);
    expect(hyphenate('Vad krävs för tillväxt?', 'sv')).toBe('Vad krävs för tillväxt?');
  });

  it('does not break inside "sk" within a syllable', () => {
    expect(hyphenate('människorna', 'sv')).not.toContain(`s${SOFT_HYPHEN}k`);
    expect(hyphenate('Stadskärnefinansiering', 'sv')).not.toContain(`d${SOFT_HYPHEN}s`);
  });

  it('splits the long compound at its joints', () => {
    expect(breaks(hyphenate('Samverkansöverenskommelsefrågor', 'sv'))).toEqual(expect.arrayContaining(['kans', 'över']));
    expect(breaks(hyphenate('Omvärldsbevakning', 'sv'))[1]).toBe('världs');
  });

  it('leaves short words untouched', () => {
    for (const w of ['och', 'skola', 'arbete', 'Samtal', 'idéerna', 'tillväxt', 'människor']) expect(hyphenate(w, 'sv')).toBe(w);
  });

  it('keeps punctuation, spaces, line breaks and hyphens as they are', () => {
    const text = 'Kultur- och fritidsförvaltningen: "Omvärldsbevakning"!\n  Stadskärnefinansiering, (kompetensutveckling)? IT-säkerhetsfrågor…';
    const out = hyphenate(text, 'sv');
    expect(out).not.toBe(text);
    expect(strip(out)).toBe(text);
    expect(out.replace(/[\p{L}\u00AD]/gu, '')).toBe(text.replace(/\p{L}/gu, ''));
  });

  it('is idempotent and reversible', () => {
    const text = 'Samverkansöverenskommelsefrågor för Stadskärnefinansiering och Omvärldsbevakning';
    const once = hyphenate(text, 'sv');
    expect(hyphenate(once, 'sv')).toBe(once);
    expect(strip(once)).toBe(text);
  });

  it('keeps soft hyphens an author typed', () => {
    const typed = `Samverkans${SOFT_HYPHEN}överenskommelsefrågor`;
    expect(hyphenate(typed, 'sv')).toBe(typed);
  });

  it('handles empty text, digits and emoji', () => {
    expect(hyphenate('', 'sv')).toBe('');
    const text = '2023 🚀 Näringslivsutveckling 100 %';
    expect(strip(hyphenate(text, 'sv'))).toBe(text);
  });
});

describe('hyphenate (English patterns)', () => {
  it('breaks long English words too', async () => {
    await loadHyphenation('en');
    const out = hyphenate('Internationalization strategy', 'en');
    expect(out).toContain(SOFT_HYPHEN);
    expect(strip(out)).toBe('Internationalization strategy');
    for (const frag of breaks(out.split(' ')[0] ?? '')) expect(frag.length).toBeGreaterThanOrEqual(2);
  });
});

describe('hyphenateText fragments', () => {
  const fake = (marked: string) => () => marked;
  it('joins a lone consonant to the syllable before and a lone vowel to the one after', () => {
    expect(hyphenateText('abcefghijk', fake(`ab${SOFT_HYPHEN}c${SOFT_HYPHEN}e${SOFT_HYPHEN}fghijk`))).toBe(`abc${SOFT_HYPHEN}efghijk`);
  });
  it('never leaves a one-letter fragment at either end', () => {
    const out = hyphenateText('abcdefghij', fake(`a${SOFT_HYPHEN}bcdefgh${SOFT_HYPHEN}i${SOFT_HYPHEN}j`));
    for (const frag of breaks(out)) expect(frag.length).toBeGreaterThanOrEqual(2);
    expect(strip(out)).toBe('abcdefghij');
  });
  it('never leaves two letters alone at the end', () => {
    expect(hyphenateText('abcdefghij', fake(`abcd${SOFT_HYPHEN}efgh${SOFT_HYPHEN}ij`))).toBe(`abcd${SOFT_HYPHEN}efghij`);
  });
  it('ignores a hyphenator that changes the letters', () => {
    expect(hyphenateText('abcdefghij', fake('ABCDE'))).toBe('abcdefghij');
  });
});
