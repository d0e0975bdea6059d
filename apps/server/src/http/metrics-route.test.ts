import { afterEach, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { FokusApp } from '../app.ts';
import { MemoryStore } from '../store/memory-store.ts';
import { TEST_CONFIG } from '../test-config.ts';

let fokus: FokusApp | null = null;
afterEach(async () => {
  await fokus?.close();
  fokus = null;
});

interface Metrics {
  commits: { commits: number; writes: number; events: number; largest: number; longestMs: number };
  eventLoop: { maxBlockMs: number; busyMs: number };
  cpu: { processMs: number };
  roomsLoaded: number;
}

it('counts commits for a caller on the machine itself, and is no route for anyone else', async () => {
  fokus = await buildApp(TEST_CONFIG, new MemoryStore());
  const created = await fokus.app.inject({ method: 'POST', url: '/api/workshops', payload: { template: 'handlingsplan', lang: 'sv' } });
  expect(created.statusCode).toBe(201);
  const res = await fokus.app.inject({ url: '/api/metrics', remoteAddress: '127.0.0.1' });
  expect(res.statusCode).toBe(200);
  const metrics = res.json<Metrics>();
  // Creating a workshop writes through the store directly; no command has been committed yet.
  expect(metrics.commits).toEqual({ commits: 0, writes: 0, events: 0, largest: 0, longestMs: 0 });
  expect(metrics.roomsLoaded).toBe(1);
  expect(metrics.cpu.processMs).toBeGreaterThan(0);
  expect(metrics.eventLoop.busyMs).toBeGreaterThan(0);
  expect(Number.isFinite(metrics.eventLoop.maxBlockMs)).toBe(true);
  const outside = await fokus.app.inject({ url: '/api/metrics', remoteAddress: '10.1.2.3', headers: { 'x-forwarded-for': '127.0.0.1' } });
  expect(outside.statusCode).toBe(404);
});

it('counts the garbage collector’s pauses, and starts them afresh on reset', async () => {
  fokus = await buildApp(TEST_CONFIG, new MemoryStore());
  const gcOf = async (query = '') =>
    (await fokus?.app.inject({ url: `/api/metrics${query}`, remoteAddress: '127.0.0.1' }))?.json<{
      gc: { count: number; totalMs: number; maxPauseMs: number };
    }>().gc;
  await gcOf('?reset=1');
  // Enough short-lived garbage for the young generation to be collected a few times.
  let keep = 0;
  for (let i = 0; i < 200; i++) keep += Array.from({ length: 20_000 }, (_, j) => ({ j })).length;
  expect(keep).toBe(4_000_000);
  await new Promise((r) => setTimeout(r, 50)); // the observer hears of pauses asynchronously
  const gc = await gcOf('?reset=1');
  expect(gc?.count).toBeGreaterThan(0);
  expect(gc?.maxPauseMs).toBeGreaterThan(0);
  expect(gc?.totalMs).toBeGreaterThanOrEqual(gc?.maxPauseMs ?? Number.POSITIVE_INFINITY);
  expect((await gcOf())?.count).toBeLessThan(gc?.count ?? 0);
});

it('reports the longest commit since the last reset (a benchmark phase’s own)', async () => {
  fokus = await buildApp(TEST_CONFIG, new MemoryStore());
  const longestOf = async (query = '') =>
    (await fokus?.app.inject({ url: `/api/metrics${query}`, remoteAddress: '127.0.0.1' }))?.json<Metrics>().commits.longestMs;
  fokus.rooms.committer.stats.longestMs = 25;
  expect(await longestOf('?reset=1')).toBe(25);
  expect(await longestOf()).toBe(0);
});
