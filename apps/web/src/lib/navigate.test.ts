import { describe, expect, it } from 'vitest';
import { parseRoute } from './navigate.ts';

describe('parseRoute', () => {
  it.each([
    ['/', { name: 'start' }],
    ['/j/abc234', { name: 'join', code: 'ABC234' }],
    ['/j', { name: 'join', code: null }],
    ['/s/ABC234', { name: 'screen', code: 'ABC234' }],
    ['/f/ABC234', { name: 'facilitator', code: 'ABC234' }],
    ['/f/ABC234/rapport', { name: 'report', code: 'ABC234' }],
    ['/f/ABC234/other', { name: 'not-found' }],
    ['/x/y/z', { name: 'not-found' }],
  ])('%s', (path, route) => expect(parseRoute(path)).toEqual(route));
});
