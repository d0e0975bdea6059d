import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupWorker } from '@socket.io/sticky';
import type { Server } from 'socket.io';
import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { openStore } from './store/open-store.ts';

/** A server that cannot start (no database, a newer schema, a bad setting) says why in one line, and exits. */
export function startFailed(err: unknown): never {
  console.error(`Fokus could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

/** How long a stopping process may take to finish pending commits before it exits anyway. */
const SHUTDOWN_LIMIT_MS = 15_000;

export interface ServeOptions {
  /** A worker of `npm run start:cluster`: its connections come from the primary (sticky by Socket.IO session). */
  stickyWorker?: boolean;
}

/**
 * Runs one Fokus process from the environment: the store DATABASE_URL names (else SQLite in DATA_DIR), Redis when
 * REDIS_URL is set, and a graceful stop on SIGTERM/SIGINT: its sockets are closed so phones reconnect to another
 * process, the commits already submitted finish, then it exits.
 */
export async function serve(options: ServeOptions = {}): Promise<void> {
  // Bundled into apps/server/dist, run from source in development: the web build sits beside either.
  const here = dirname(fileURLToPath(import.meta.url));
  const config = configFromEnv(process.env, resolve(here, '../../web/dist'));
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const store = await openStore(config);
  const fokus = await buildApp(config, store);
  const log = fokus.app.log;

  if (options.stickyWorker) {
    await fokus.app.ready();
    // The socket.io and Fastify type packages each bring their own http types; the server is the same object.
    setupWorker(fokus.io as unknown as Server);
    // The primary opens its port once every worker can take connections.
    process.send?.({ fokus: 'ready' });
    log.info('Fokus worker is serving connections from the cluster primary');
  } else {
    await fokus.app.listen({ port: config.port, host: config.host });
    const address = fokus.app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    log.info(`Fokus is running on http://localhost:${port}`);
  }

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      log.info({ signal }, 'shutting down: sockets close (phones reconnect to another process), pending commits finish');
      setTimeout(() => {
        log.error('pending commits did not finish in time; exiting');
        process.exit(1);
      }, SHUTDOWN_LIMIT_MS).unref();
      fokus.close().then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}
