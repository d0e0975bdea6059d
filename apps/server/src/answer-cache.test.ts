import { describe, expect, it } from 'vitest';
import { ANSWER_MEMORY_MS, AnswerCache, RESEND_WINDOW_MS } from './answer-cache.ts';

describe('answers kept for resends', () => {
  it('keeps every answer for a window and forgets the older ones, so a long-lived room does not grow for ever', () => {
    let now = 0;
    const cache = new AnswerCache<string>(() => now, 1000);
    for (let i = 0; i < 100; i++) {
      cache.set(`op${i}`, `answer ${i}`);
      now += 50;
    }
    // It is 5000: every answer from the last window (4000 on) is kept; none from two windows before (3000) is.
    for (let i = 80; i < 100; i++) expect(cache.get(`op${i}`)).toBe(`answer ${i}`);
    for (let i = 0; i <= 59; i++) expect(cache.get(`op${i}`)).toBeUndefined();
    // Two windows of answers at most (20 a window), however many came before.
    expect(cache.size).toBeLessThanOrEqual(40);
  });

  it('keeps an answer set again for a full window from then', () => {
    let now = 0;
    const cache = new AnswerCache<string>(() => now, 1000);
    cache.set('a', 'first');
    now = 900;
    cache.set('a', 'again');
    now = 1800;
    cache.set('b', 'other');
    expect(cache.get('a')).toBe('again');
    now = 2900;
    cache.set('c', 'later');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('other');
    expect(cache.get('c')).toBe('later');
  });

  it('forgets everything in a room that was quiet for two windows', () => {
    let now = 0;
    const cache = new AnswerCache<string>(() => now, 1000);
    cache.set('a', 'first');
    now = 999;
    cache.set('b', 'second');
    now = 2999;
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps two minutes in memory by default; op records (the older answers) are kept a day', () => {
    let now = 0;
    const cache = new AnswerCache<number>(() => now);
    cache.set('a', 1);
    now = ANSWER_MEMORY_MS - 1;
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    now = ANSWER_MEMORY_MS + 1;
    expect(cache.get('a')).toBe(1);
    now = 2 * ANSWER_MEMORY_MS + 1;
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(ANSWER_MEMORY_MS).toBe(2 * 60 * 1000);
    expect(RESEND_WINDOW_MS).toBe(24 * 60 * 60 * 1000);
  });
});
