import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../apps/server/src/app.ts';
import type { FokusApp } from '../../apps/server/src/app.ts';
import type { BuildOptions } from '../../apps/server/src/app.ts';
import type { Config } from '../../apps/server/src/config.ts';
import { DEFAULT_RATE_LIMITS } from '../../apps/server/src/config.ts';
import { SqliteStore } from '../../apps/server/src/store/sqlite-store.ts';
import type { WorkshopStore } from '../../apps/server/src/store/store.ts';

export interface RunningServer {
  url: string;
  fokus: FokusApp;
  dataDir: string;
  stop(): Promise<void>;
}

/** A real server on a free loopback port with its own data folder. */
export async function startServer(
  dataDir = mkdtempSync(join(tmpdir(), 'fokus-test-')),
  options: BuildOptions & { logLevel?: Config['logLevel']; webDist?: string; config?: Partial<Config>; store?: WorkshopStore } = {},
): Promise<RunningServer> {
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    allowedOrigins: [],
    allowedHosts: [],
    publicUrl: null,
    trustProxy: false,
    rateLimits: DEFAULT_RATE_LIMITS,
    logLevel: options.logLevel ?? 'silent',
    webDist: options.webDist ?? null,
    ...options.config,
  };
  const fokus = await buildApp(config, options.store ?? new SqliteStore(join(dataDir, 'fokus.db')), options);
  await fokus.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = fokus.app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, fokus, dataDir, stop: () => fokus.close() };
}
