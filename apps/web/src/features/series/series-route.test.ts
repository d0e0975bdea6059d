import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../lib/navigate.ts';

describe('the organiser routes', () => {
  it('reads the dashboard and the plenary, keeping the series id as written', () => {
    expect(parseRoute('/o/AbCdEf0123456789')).toEqual({ name: 'series', seriesId: 'AbCdEf0123456789', plenary: false });
    expect(parseRoute('/o/AbCd-f01234567_9/skarm')).toEqual({ name: 'series', seriesId: 'AbCd-f01234567_9', plenary: true });
  });
  it('refuses what is no series id or no organiser page', () => {
    expect(parseRoute('/o/short').name).toBe('not-found');
    expect(parseRoute('/o/AbCdEf0123456789/other').name).toBe('not-found');
    expect(parseRoute('/o/AbCdEf0123456789/skarm/x').name).toBe('not-found');
    expect(parseRoute('/o').name).toBe('not-found');
  });
});
