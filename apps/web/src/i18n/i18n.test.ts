import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { errorText, translate } from './index.ts';
import { sv } from './sv.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has the same keys in every language', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('uses the same placeholders in every language', () => {
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });

  it('leaves no empty string', () => {
    for (const [key, value] of [...Object.entries(sv), ...Object.entries(en)]) expect(value.trim(), key).not.toBe('');
  });

  it('fills in variables', () => {
    expect(translate(sv, 'dotsLeft', { left: 7, budget: 10 })).toBe('7 av 10 prickar kvar');
    expect(translate(en, 'dotsLeft', { left: 7, budget: 10 })).toBe('7 of 10 dots left');
  });

  it('words every error code and falls back for unknown ones', () => {
    expect(errorText('sv', 'budget_exhausted')).toBe('Du har inga prickar kvar.');
    expect(errorText('en', 'something_new')).toBe(en.error_internal);
  });
});
