import { describe, expect, it } from 'vitest';
import { RESERVED_IDS, copyRecord, emptyRecord, getOwn, hasOwn, mapRecord, recordFrom, withEntry, withoutEntries } from './records.ts';

describe('id-keyed records', () => {
  it('have no prototype, so "__proto__" is an ordinary key', () => {
    const rec = withEntry(emptyRecord<number>(), '__proto__', 1);
    expect(Object.getPrototypeOf(rec)).toBeNull();
    expect(Object.keys(rec)).toEqual(['__proto__']);
    // biome-ignore lint/suspicious/noProto: reading "__proto__" as an ordinary key is the point of this test
    expect(rec['__proto__']).toBe(1);
    expect(rec['constructor']).toBeUndefined();
  });

  it('read own properties only, also of a record parsed from JSON', () => {
    const parsed = JSON.parse('{"__proto__": {"dots": 1}, "a": 2}') as Record<string, unknown>;
    expect(getOwn(parsed, 'toString')).toBeUndefined();
    expect(getOwn(parsed, 'constructor')).toBeUndefined();
    expect(hasOwn(parsed, 'hasOwnProperty')).toBe(false);
    expect(getOwn(parsed, '__proto__')).toEqual({ dots: 1 });
    const copy = copyRecord(parsed);
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.keys(copy).sort()).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['dots']).toBeUndefined();
  });

  it('find nothing under a missing key, not the entry named "undefined"', () => {
    const rec = recordFrom([['undefined', 1]]);
    const malformed = JSON.parse('{"type":"idea.edited"}') as { ideaId: string };
    expect(getOwn(rec, malformed.ideaId)).toBeUndefined();
    expect(hasOwn(rec, malformed.ideaId)).toBe(false);
    expect(getOwn(rec, 'undefined')).toBe(1);
  });

  it('copy instead of changing what they are given', () => {
    const base = recordFrom([
      ['a', 1],
      ['b', 2],
    ]);
    const plus = withEntry(base, 'toString', 3);
    const minus = withoutEntries(plus, ['a', 'valueOf']);
    const doubled = mapRecord(minus, (n, key) => (key === 'b' ? n * 2 : n));
    expect(Object.entries(base)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(Object.entries(plus)).toEqual([
      ['a', 1],
      ['b', 2],
      ['toString', 3],
    ]);
    expect(Object.entries(minus)).toEqual([
      ['b', 2],
      ['toString', 3],
    ]);
    expect(Object.entries(doubled)).toEqual([
      ['b', 4],
      ['toString', 3],
    ]);
    for (const r of [plus, minus, doubled]) expect(Object.getPrototypeOf(r)).toBeNull();
    expect(getOwn(undefined, 'a')).toBeUndefined();
    expect(Object.keys(copyRecord(null))).toEqual([]);
  });

  it('the reserved names are every name a plain object answers to', () => {
    expect([...RESERVED_IDS].sort()).toEqual([...Object.getOwnPropertyNames(Object.prototype), 'prototype'].sort());
  });
});
