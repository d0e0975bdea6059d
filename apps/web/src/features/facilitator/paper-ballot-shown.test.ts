import { describe, expect, it } from 'vitest';
import type { Expectations } from './paper-ballot-shown.ts';
import { SETTLE_MS, answered, clicked, settled, shownBallot } from './paper-ballot-shown.ts';

const none: Expectations = new Map();
const shown = (server: Record<string, number>, e: Expectations, ideaId = 'i1') => shownBallot(server, e)[ideaId] ?? 0;

describe('the paper ballot while clicks are on their way', () => {
  it('counts a dot once when the view arrives before the ack', () => {
    let e = clicked(none, {}, 'i1', 1);
    expect(shown({}, e)).toBe(1);
    // The view with the dot comes first: still one, not two.
    e = settled(e, { i1: 1 }, 100);
    expect(shown({ i1: 1 }, e)).toBe(1);
    e = answered(e, 'i1', true, 120);
    e = settled(e, { i1: 1 }, 120);
    expect(e.size).toBe(0);
    expect(shown({ i1: 1 }, e)).toBe(1);
  });

  it('keeps the dot shown when the ack arrives before the view', () => {
    let e = clicked(none, {}, 'i1', 1);
    e = answered(e, 'i1', true, 50);
    e = settled(e, {}, 60);
    expect(shown({}, e)).toBe(1);
    e = settled(e, { i1: 1 }, 300);
    expect(e.size).toBe(0);
  });

  it('three quick clicks show three while views catch up one by one', () => {
    let e = clicked(none, {}, 'i1', 1);
    e = clicked(e, {}, 'i1', 1);
    e = clicked(e, { i1: 1 }, 'i1', 1);
    for (const server of [{ i1: 1 }, { i1: 2 }]) {
      e = settled(e, server, 10);
      expect(shown(server, e)).toBe(3);
    }
    e = answered(answered(answered(e, 'i1', true, 20), 'i1', true, 21), 'i1', true, 22);
    e = settled(e, { i1: 3 }, 30);
    expect(e.size).toBe(0);
  });

  it('a refusal shows the server’s figure again', () => {
    let e = clicked(none, { i1: 2 }, 'i1', 1);
    expect(shown({ i1: 2 }, e)).toBe(3);
    e = answered(e, 'i1', false, 10);
    expect(shown({ i1: 2 }, e)).toBe(2);
  });

  it('takes back a dot, never below zero', () => {
    let e = clicked(none, { i1: 1 }, 'i1', -1);
    expect(shown({ i1: 1 }, e)).toBe(0);
    e = clicked(e, { i1: 1 }, 'i1', -1);
    expect(shown({ i1: 1 }, e)).toBe(0);
  });

  it('lets a target go that the server never reaches, a while after its last answer', () => {
    let e = answered(clicked(none, {}, 'i1', 1), 'i1', true, 1000);
    e = settled(e, {}, 1000 + SETTLE_MS - 1);
    expect(shown({}, e)).toBe(1);
    e = settled(e, {}, 1000 + SETTLE_MS);
    expect(shown({}, e)).toBe(0);
  });

  it('leaves other ideas as the server has them', () => {
    const e = clicked(none, { i1: 1, i2: 4 }, 'i1', 1);
    expect(shownBallot({ i1: 1, i2: 4 }, e)).toEqual({ i1: 2, i2: 4 });
  });
});
