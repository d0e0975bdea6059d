import { PerformanceObserver, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { Rooms } from '../rooms.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * `GET /api/metrics`: what this process has done, for the benchmark and for an operator on the machine itself:
 * commits and how full they were, the longest the event loop was blocked and how long it has been busy (wall time,
 * not CPU: /proc/PID/task/PID/stat has the main thread's CPU), the process's CPU, memory. Answered on loopback only (the
 * socket's own address, whatever a proxy says): it names no workshop, but it is no one else's business either.
 * `?reset=1` starts the event-loop and garbage-collection figures afresh (between a benchmark's phases).
 */
export function metricsRoute(app: FastifyInstance, rooms: Rooms): void {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  // Pauses of the garbage collector: which of the event loop's longest blocks were the heap's, not our code's.
  const gc = { count: 0, totalMs: 0, maxPauseMs: 0 };
  const pauses = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.count++;
      gc.totalMs += e.duration;
      gc.maxPauseMs = Math.max(gc.maxPauseMs, e.duration);
    }
  });
  pauses.observe({ entryTypes: ['gc'] });
  app.addHook('onClose', async () => {
    delay.disable();
    pauses.disconnect();
  });
  app.get('/api/metrics', async (req, reply) => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return reply.code(404).send({ error: 'not_found', message: 'no such route' });
    const cpu = process.cpuUsage();
    const body = {
      pid: process.pid,
      commits: { ...rooms.committer.stats },
      eventLoop: {
        maxBlockMs: delay.max / 1e6,
        p99DelayMs: delay.percentile(99) / 1e6,
        meanDelayMs: delay.mean / 1e6,
        busyMs: performance.eventLoopUtilization().active,
      },
      gc: { ...gc },
      cpu: { processMs: (cpu.user + cpu.system) / 1000 },
      memory: { rssMb: process.memoryUsage.rss() / 2 ** 20 },
      roomsLoaded: rooms.loaded,
    };
    if ((req.query as { reset?: string }).reset === '1') {
      delay.reset();
      Object.assign(gc, { count: 0, totalMs: 0, maxPauseMs: 0 });
      rooms.committer.stats.longestMs = 0;
    }
    return body;
  });
}
