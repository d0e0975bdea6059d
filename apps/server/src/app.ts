import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.ts';
import { Rooms } from './rooms.ts';
import type { Clock } from './workshop-room.ts';
import type { WorkshopStore } from './store/store.ts';
import { workshopRoutes } from './http/workshop-routes.ts';
import { createSocketServer, socketOutput } from './realtime/socket-server.ts';
import type { FokusServer } from './realtime/socket-server.ts';
import { attachRealtime } from './realtime/connection.ts';
import { StorageUnavailableError, WorkshopUnavailableError } from './unavailable.ts';

export interface FokusApp {
  app: FastifyInstance;
  io: FokusServer;
  rooms: Rooms;
  close(): Promise<void>;
}

/** Builds the whole server from a config and a store, without listening: tests call this directly. */
export interface BuildOptions {
  clock?: Clock;
  /** Where log lines go (stdout by default). */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(config: Config, store: WorkshopStore, options: BuildOptions = {}): Promise<FokusApp> {
  const clock = options.clock ?? { now: () => Date.now() };
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Secrets travel in headers and URL fragments; neither may reach a log line.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    bodyLimit: 16 * 1024,
    trustProxy: true,
  });
  const io = createSocketServer(app.server, config.allowedOrigins);
  const rooms = new Rooms(store, socketOutput(io), clock, { log: app.log });
  attachRealtime(io, rooms, app.log);

  app.setErrorHandler((err: { statusCode?: number; message: string }, req, reply) => {
    if (err instanceof WorkshopUnavailableError) return reply.code(503).send({ error: 'unavailable', message: err.message });
    if (err instanceof StorageUnavailableError) {
      req.log.error({ err: err.cause }, 'store refused a write');
      return reply.code(503).send({ error: 'storage_unavailable', message: err.message });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply.code(status).send({ error: 'internal', message: 'something went wrong' });
    }
    return reply.code(status).send({ error: 'bad_request', message: err.message });
  });

  // Not ok while the store cannot write: a recent commit failed, or a probe write fails.
  app.get('/api/health', async (_req, reply) => {
    const health = await rooms.committer.health();
    return health.ok ? { ok: true } : reply.code(503).send({ ok: false, reason: `the store cannot write: ${health.reason}` });
  });
  workshopRoutes(app, rooms, config);

  if (config.webDist && existsSync(join(config.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: config.webDist, index: ['index.html'] });
    // The app's own routes (/, /j/CODE, /s/CODE, /f/CODE) all load the single page.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/socket.io')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send({ error: 'not_found', message: 'no such route' });
    });
  }

  return {
    app,
    io,
    rooms,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await app.close();
      await rooms.close();
      await store.close();
    },
  };
}
