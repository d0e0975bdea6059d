/** The configuration the server's in-process tests build their app with: no disk, no web, silent. Test-only. */
import type { Config } from './config.ts';
import { DEFAULT_RATE_LIMITS } from './config.ts';

export const TEST_CONFIG: Config = {
  port: 0,
  host: '127.0.0.1',
  dataDir: '/nonexistent',
  databaseUrl: null,
  redisUrl: null,
  allowedOrigins: [],
  allowedHosts: [],
  publicUrl: 'https://fokus.example',
  trustProxy: false,
  rateLimits: DEFAULT_RATE_LIMITS,
  logLevel: 'silent',
  webDist: null,
};
