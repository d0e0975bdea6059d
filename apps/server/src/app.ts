import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.ts';
import { Rooms } from './rooms.ts';
import type { Clock } from './workshop-room.ts';
import type { WorkshopStore } from './store/store.ts';
import { StoreConflictError } from './store/store.ts';
import { workshopRoutes } from './http/workshop-routes.ts';
import { erasureRoutes } from './http/erasure-routes.ts';
import { seriesRoutes } from './http/series-routes.ts';
import { metricsRoute } from './http/metrics-route.ts';
import { SeriesRegistry } from './series/registry.ts';
import { workshopSockets } from './realtime/workshop-sockets.ts';
import { lifecycleSettings, startLifecycle } from './retention.ts';
import type { Lifecycle } from './retention.ts';
import { createSocketServer, socketOutput } from './realtime/socket-server.ts';
import type { FokusServer } from './realtime/socket-server.ts';
import { attachRealtime } from './realtime/connection.ts';
import { joinCluster, newProcessName } from './cluster/redis-cluster.ts';
import { RateLimits } from './realtime/rate-limits.ts';
import type { PersonLimits } from './realtime/rate-limits.ts';
import { HOST_REFUSED, ORIGIN_REFUSED, originPolicy } from './http/origin-policy.ts';
import type { OriginPolicy } from './http/origin-policy.ts';
import { StorageUnavailableError, WorkshopUnavailableError } from './unavailable.ts';

export interface FokusApp {
  app: FastifyInstance;
  io: FokusServer;
  rooms: Rooms;
  /** Retention and idle-room sweeps (they run on their own; tests may run them now). */
  lifecycle: Lifecycle;
  close(): Promise<void>;
}

/** Builds the whole server from a config and a store, without listening: tests call this directly. */
export interface BuildOptions {
  clock?: Clock;
  /** Where log lines go (stdout by default). */
  logStream?: NodeJS.WritableStream;
  /** What one person may send (tests make it small). */
  personLimits?: PersonLimits;
}

export async function buildApp(config: Config, store: WorkshopStore, options: BuildOptions = {}): Promise<FokusApp> {
  const clock = options.clock ?? { now: () => Date.now() };
  const policy = originPolicy(config);
  // Among several processes every log line says which one wrote it (pino adds pid and hostname; a pid is reused).
  const processName = config.redisUrl ? newProcessName() : null;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(processName ? { base: { pid: process.pid, hostname: hostname(), process: processName } } : {}),
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Secrets travel in headers and URL fragments; neither may reach a log line, nor a query string someone pasted.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: {
        req: (req: { method: string; url: string; ip: string }) => ({ method: req.method, url: req.url.replace(/\?.*$/s, ''), remoteAddress: req.ip }),
      },
    },
    bodyLimit: 16 * 1024,
    // Forwarded addresses, hosts and schemes count only from the proxies TRUST_PROXY names.
    trustProxy: policy.trust,
  });
  const io = createSocketServer(app.server, policy);
  const clusterName = config.clusterName ?? 'fokus';
  const cluster = processName && config.redisUrl ? await joinCluster(io, { redisUrl: config.redisUrl, name: clusterName, processName }, app.log) : null;
  const limits = new RateLimits(config.rateLimits, options.personLimits, cluster ? { redis: cluster.redis, prefix: clusterName } : undefined);
  const rooms = new Rooms(store, socketOutput(io), clock, {
    log: app.log,
    ...(cluster ? { share: cluster.share } : {}),
    ...(config.commitWindowMs !== undefined ? { commitWindowMs: config.commitWindowMs } : {}),
  });
  cluster?.attach(rooms);
  attachRealtime(io, rooms, app.log, limits, policy);

  app.setErrorHandler((err: { statusCode?: number; message: string }, req, reply) => {
    if (err instanceof WorkshopUnavailableError) return reply.code(503).send({ error: 'unavailable', message: err.message });
    // Two processes changed the same thing at once (a series' revision): nothing of this request was kept.
    if (err instanceof StoreConflictError) return reply.code(409).send({ error: 'conflict', message: 'changed elsewhere at the same moment; try again' });
    if (err instanceof StorageUnavailableError) {
      req.log.error({ err: err.cause }, 'store refused a write');
      return reply.code(503).send({ error: 'storage_unavailable', message: err.message });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply.code(status).send({ error: 'internal', message: 'something went wrong' });
    }
    return reply.code(status).send({ error: status === 429 ? 'rate_limited' : 'bad_request', message: err.message });
  });

  await app.register(fastifyHelmet, { global: true, ...securityHeaders(config, policy) });
  // Before any route: a request naming a host we do not answer for is a DNS-rebinding page or a stray name.
  app.addHook('onRequest', async (req, reply) => {
    if (policy.hostOf(req.raw) === null) return reply.code(421).send({ error: 'bad_request', message: HOST_REFUSED });
    const origin = req.headers.origin;
    if (origin !== undefined && !SAFE_METHODS.has(req.method) && !policy.originAllowed(origin, req.raw)) {
      return reply.code(403).send({ error: 'forbidden', message: ORIGIN_REFUSED });
    }
  });
  // Used per route (workshop creation); the limits of sockets and code look-ups live in RateLimits.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, message: `too many requests from this address; try again in ${ctx.after}` }),
  });

  // Not ok while the store cannot write (a recent commit failed, or a probe write fails) or, among several
  // processes, Redis does not answer: a load balancer sends no one here meanwhile.
  app.get('/api/health', async (_req, reply) => {
    const [storage, link] = await Promise.all([rooms.committer.health(), cluster?.health() ?? { ok: true as const }]);
    if (!storage.ok) return reply.code(503).send({ ok: false, reason: `the store cannot write: ${storage.reason}` });
    if (!link.ok) return reply.code(503).send({ ok: false, reason: `redis does not answer: ${link.reason}` });
    return processName ? { ok: true, process: processName } : { ok: true };
  });
  workshopRoutes(app, rooms, config, limits, policy, clock);
  metricsRoute(app, rooms);
  erasureRoutes(app, rooms, workshopSockets(io));
  seriesRoutes(app, new SeriesRegistry(store, rooms, clock), config, clock, workshopSockets(io));
  const lifecycle = startLifecycle({ rooms, store, sockets: workshopSockets(io), clock, log: app.log, ...lifecycleSettings(config) });

  const webDist = config.webDist && existsSync(join(config.webDist, 'index.html')) ? config.webDist : null;
  if (webDist) await app.register(fastifyStatic, { root: webDist, index: ['index.html'] });
  // The app's own routes (/, /j/CODE, /s/CODE, /f/CODE) all load the single page. Anything else is a plain 404:
  // Fastify's own would log and echo the URL with its query string.
  app.setNotFoundHandler((req, reply) => {
    if (webDist && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/socket.io')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'not_found', message: 'no such route' });
  });

  return {
    app,
    io,
    rooms,
    lifecycle,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await app.close();
      await lifecycle.stop();
      await rooms.close();
      await cluster?.close();
      await store.close();
    },
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Helmet with a strict policy: the built web app is scripts, styles and a data: icon from our own origin,
 * and a socket back to it. React sets inline styles through the CSSOM, which style-src does not govern.
 */
function securityHeaders(config: Config, policy: OriginPolicy) {
  // 'self' covers ws(s) of the same host in current browsers; older Safari wants it spelled out.
  const sockets = (req: IncomingMessage): string => {
    const base = policy.baseUrl(req);
    if (!base) return "'self'";
    const host = new URL(base).host;
    return `ws://${host} wss://${host}`;
  };
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", sockets],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // No upgrade-insecure-requests: a phone on http://192.168.1.10:3000 has no https to upgrade to.
      },
    },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    // Only meaningful over https (PUBLIC_URL or a proxy); browsers ignore it on http.
    strictTransportSecurity: config.publicUrl?.startsWith('https:') ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  };
}
