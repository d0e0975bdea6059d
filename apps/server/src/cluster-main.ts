import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { setupMaster } from '@socket.io/sticky';
import { serve, startFailed } from './serve.ts';

/**
 * `npm run start:cluster -- --processes 3`: several Fokus processes on this machine behind one port, for trying
 * the multi-process set-up. The primary only passes connections on, each Socket.IO session always to the same
 * worker (long-polling needs that); a worker that dies is replaced, and its phones reconnect to the others.
 * Every worker needs DATABASE_URL and REDIS_URL: they share nothing else.
 */
if (cluster.isPrimary) {
  const { values } = parseArgs({ options: { processes: { type: 'string', default: '3' } } });
  const processes = Number(values.processes);
  if (!Number.isInteger(processes) || processes < 1 || processes > 64) {
    console.error('--processes: a whole number from 1 to 64');
    process.exit(2);
  }
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    console.error('start:cluster needs DATABASE_URL (postgres://…) and REDIS_URL (redis://…): the processes share only those');
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  const front = createServer();
  setupMaster(front, { loadBalancingMethod: 'least-connection' });

  let stopping = false;
  const served = new WeakSet<object>();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    // One that never served cannot start (no database, a newer schema): starting more would fail the same way.
    if (!served.has(worker)) {
      console.error(JSON.stringify({ msg: 'a Fokus worker could not start (see above); stopping', pid: worker.process.pid, code }));
      process.kill(process.pid, 'SIGTERM');
      process.exitCode = 1;
      return;
    }
    console.error(JSON.stringify({ msg: 'a Fokus worker stopped; starting another', pid: worker.process.pid, code, signal }));
    cluster.fork();
  });
  // A new worker takes no connections until it can serve them: least-connection passes over one that "has" infinitely
  // many (a replacement, with none, would otherwise get every phone of the worker that died, and drop them).
  cluster.on('fork', (worker) => Object.assign(worker, { clientsCount: Number.POSITIVE_INFINITY }));
  let ready = 0;
  cluster.on('message', (worker, msg: { fokus?: string }) => {
    if (msg?.fokus !== 'ready') return;
    served.add(worker);
    Object.assign(worker, { clientsCount: 0 });
    if (++ready !== processes) return;
    front.listen(port, host, () =>
      console.log(JSON.stringify({ msg: `Fokus cluster of ${processes} processes on http://localhost:${port}`, pid: process.pid })),
    );
  });
  for (let i = 0; i < processes; i++) cluster.fork();

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      front.close();
      const workers = Object.values(cluster.workers ?? {});
      let left = workers.length;
      if (left === 0) process.exit();
      for (const w of workers) {
        w?.on('exit', () => {
          if (--left === 0) process.exit();
        });
        w?.process.kill('SIGTERM');
      }
    });
  }
} else {
  await serve({ stickyWorker: true }).catch(startFailed);
}
