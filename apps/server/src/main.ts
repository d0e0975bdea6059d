import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { SqliteStore } from './store/sqlite-store.ts';

// Bundled into apps/server/dist/main.js, run from source in development: the web build sits beside either.
const here = dirname(fileURLToPath(import.meta.url));
const config = configFromEnv(process.env, resolve(here, '../../web/dist'));
mkdirSync(config.dataDir, { recursive: true });
const store = new SqliteStore(join(config.dataDir, 'fokus.db'));
const fokus = await buildApp(config, store);

await fokus.app.listen({ port: config.port, host: config.host });
const address = fokus.app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
fokus.app.log.info(`Fokus is running on http://localhost:${port}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    fokus.app.log.info({ signal }, 'shutting down');
    void fokus.close().then(() => process.exit(0));
  });
}
