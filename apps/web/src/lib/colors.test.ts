import { describe, expect, it } from 'vitest';
import { DIMENSION_COLORS } from './colors.ts';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return ((x ?? 0) + 0.05) / ((y ?? 0) + 0.05);
}

describe('dimension colours', () => {
  it('has at least six', () => expect(DIMENSION_COLORS.length).toBeGreaterThanOrEqual(6));
  for (const c of DIMENSION_COLORS) {
    it(`${c.fill} keeps contrast`, () => {
      expect(contrast(c.fill, '#0f172a')).toBeGreaterThanOrEqual(3);
      expect(contrast(c.fill, c.on)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c.ink, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    });
  }
});
