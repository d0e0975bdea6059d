import { describe, expect, it } from 'vitest';
import { ANSWER_MEMORY_MS, AnswerCache, RESEND_WINDOW_MS } from './answer-cache.ts';

describe('answers kept for resends', () => {
  it('forgets answers older than the resend window, so a long-lived room does not grow for ever', () => {
    let now = 0;
    const cache = new AnswerCache<string>(() => now, 1000);
    for (let i = 0; i < 100; i++) {
      cache.set(`op${i}`, `answer ${i}`);
      now += 50;
    }
    // The last answer came at 4950: what came from 3950 on is kept (21 answers), however many came before.
    expect(cache.size).toBe(21);
    expect(cache.get('op78')).toBeUndefined();
    expect(cache.get('op79')).toBe('answer 79');
    expect(cache.get('op99')).toBe('answer 99');
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
    now = 2000;
    cache.set('c', 'later');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('other');
  });

  it('keeps two minutes in memory by default; op records (the older answers) are kept a day', () => {
    let now = 0;
    const cache = new AnswerCache<number>(() => now);
    cache.set('a', 1);
    now = ANSWER_MEMORY_MS - 1;
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    now = ANSWER_MEMORY_MS + 1;
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(ANSWER_MEMORY_MS).toBe(2 * 60 * 1000);
    expect(RESEND_WINDOW_MS).toBe(24 * 60 * 60 * 1000);
  });
});
