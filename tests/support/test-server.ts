import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../apps/server/src/app.ts';
import type { FokusApp } from '../../apps/server/src/app.ts';
import type { BuildOptions } from '../../apps/server/src/app.ts';
import type { Config } from '../../apps/server/src/config.ts';
import type { RateLimitConfig } from '../../apps/server/src/config.ts';
import type { PersonLimits } from '../../apps/server/src/realtime/rate-limits.ts';
import { SqliteStore } from '../../apps/server/src/store/sqlite-store.ts';
import type { WorkshopStore } from '../../apps/server/src/store/store.ts';

/**
 * Scripted clients send from one address far faster than people do: rate limits are lifted unless a test asks for
 * them (tests/security/rate-limits.test.ts passes the production ones).
 */
const LIFTED: RateLimitConfig = { ipCommandsPerMinute: 1e9, ipJoinsPerMinute: 1e9, ipBadCodesPer10Minutes: 1e9, ipCreatesPer10Minutes: 1e9 };
const LIFTED_PERSON: PersonLimits = { participant: { points: 1e9, seconds: 1 }, facilitator: { points: 1e9, seconds: 1 } };

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
    databaseUrl: null,
    redisUrl: null,
    allowedOrigins: [],
    allowedHosts: [],
    publicUrl: null,
    trustProxy: false,
    rateLimits: LIFTED,
    logLevel: options.logLevel ?? 'silent',
    webDist: options.webDist ?? null,
    ...options.config,
  };
  const fokus = await buildApp(config, options.store ?? new SqliteStore(join(dataDir, 'fokus.db')), { personLimits: LIFTED_PERSON, ...options });
  await fokus.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = fokus.app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, fokus, dataDir, stop: () => fokus.close() };
}
