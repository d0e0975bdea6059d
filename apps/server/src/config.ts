import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const list = (raw: string) =>
  raw
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** An origin as browsers send it: scheme, host and port, nothing after. */
const originSchema = z.string().refine((raw) => {
  try {
    const u = new URL(raw);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.pathname === '/' && !u.search && !u.hash && !u.username && !u.password;
  } catch {
    return false;
  }
}, 'an origin is scheme://host[:port], e.g. https://fokus.example.se');

const hostnameSchema = z
  .string()
  .regex(/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i, 'a host name such as fokus.example.se');

/** An address or a subnet in CIDR notation (10.0.0.0/8, fd00::/8). */
const proxyAddressSchema = z.string().refine((raw) => {
  const [address = '', prefix, ...rest] = raw.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}, 'an IP address or subnet such as 10.0.0.0/8');

/** Who may set X-Forwarded-For/-Host/-Proto: nobody, everybody, the nearest N hops, or these addresses. */
export type TrustProxy = false | true | number | string[];

const trustProxySchema = z
  .string()
  .trim()
  .transform((raw, ctx): TrustProxy => {
    if (raw === '' || raw === 'false') return false;
    if (raw === 'true') return true;
    if (/^\d+$/.test(raw)) return Number(raw);
    const addresses = list(raw);
    for (const a of addresses) {
      const r = proxyAddressSchema.safeParse(a);
      if (!r.success) ctx.addIssue({ code: 'custom', message: `${a}: use true, a hop count, or IP addresses/subnets of your proxies` });
    }
    return addresses;
  });

/** Per IP address (a venue's phones may share one): sized so that 300 phones joining and voting in one minute pass. */
export interface RateLimitConfig {
  /** Commands, joins and syncs per minute, all sockets of the address together. */
  ipCommandsPerMinute: number;
  /** Joins per minute. */
  ipJoinsPerMinute: number;
  /** Look-ups of codes that do not exist, per 10 minutes (HTTP and handshake together); then every look-up waits. */
  ipBadCodesPer10Minutes: number;
  /** New workshops per 10 minutes. */
  ipCreatesPer10Minutes: number;
}

/** 300 phones joining (300) and placing 10 dots each (3,000) in the same minute use a third of these. */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  ipCommandsPerMinute: 10_000,
  ipJoinsPerMinute: 600,
  ipBadCodesPer10Minutes: 100,
  ipCreatesPer10Minutes: 20,
};

const perWindow = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

export const DEFAULT_RETENTION_DAYS = 180;
export const DEFAULT_ROOM_IDLE_MINUTES = 5;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… : the log lives in PostgreSQL instead of the embedded SQLite file under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'a PostgreSQL address such as postgres://fokus@db:5432/fokus' }).optional(),
  /** redis://… : several Fokus processes share events and sockets through this Redis. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'a Redis address such as redis://127.0.0.1:6379' }).optional(),
  /** The processes that share REDIS_URL and DATABASE_URL: another name on the same Redis is another cluster. */
  CLUSTER_NAME: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes')
    .default('fokus'),
  /** Comma-separated origins allowed to open a socket besides PUBLIC_URL (or, without it, the page's own origin). */
  ALLOWED_ORIGINS: z.string().default('').transform(list).pipe(z.array(originSchema)),
  /** Comma-separated host names this server answers for besides PUBLIC_URL's, loopback names and IP addresses. */
  ALLOWED_HOSTS: z.string().default('').transform(list).pipe(z.array(hostnameSchema)),
  TRUST_PROXY: trustProxySchema.default(false),
  /** Per IP address: commands a minute, joins a minute, wrong join codes and new workshops per 10 minutes. */
  RATE_IP_COMMANDS: perWindow(DEFAULT_RATE_LIMITS.ipCommandsPerMinute),
  RATE_IP_JOINS: perWindow(DEFAULT_RATE_LIMITS.ipJoinsPerMinute),
  RATE_IP_BAD_CODES: perWindow(DEFAULT_RATE_LIMITS.ipBadCodesPer10Minutes),
  RATE_IP_CREATES: perWindow(DEFAULT_RATE_LIMITS.ipCreatesPer10Minutes),
  /** The address phones reach this server at, for links and the QR code; defaults to the request's host. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'an http(s) address such as https://fokus.example.se' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Workshops nobody has written to for this many days are erased, with a log line. */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(DEFAULT_RETENTION_DAYS),
  /** A room no socket is connected to leaves memory after this many minutes; it loads again when used. */
  ROOM_IDLE_MINUTES: z.coerce
    .number()
    .min(0.1)
    .max(24 * 60)
    .default(DEFAULT_ROOM_IDLE_MINUTES),
  WEB_DIST: z.string().optional(),
  /** Milliseconds a commit waits to gather others (group commit); 0 commits each turn of the event loop. */
  COMMIT_WINDOW_MS: z.coerce.number().min(0).max(50).optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL instead of SQLite; null keeps the embedded default. */
  databaseUrl: string | null;
  /** Redis for running several processes; null is one process on its own. */
  redisUrl: string | null;
  /** Names this cluster's keys and stream in Redis. */
  clusterName?: string;
  /** Origins (scheme://host[:port]) besides PUBLIC_URL's that may open a socket. */
  allowedOrigins: string[];
  /** Host names besides PUBLIC_URL's that requests may name; loopback names and IP addresses always may. */
  allowedHosts: string[];
  publicUrl: string | null;
  trustProxy: TrustProxy;
  rateLimits: RateLimitConfig;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Days without a write before a workshop is erased (DEFAULT_RETENTION_DAYS when absent). */
  retentionDays?: number;
  /** Milliseconds a room without sockets stays in memory (DEFAULT_ROOM_IDLE_MINUTES when absent). */
  roomIdleMs?: number;
  /** The group commit's window (DEFAULT_COMMIT_WINDOW_MS when absent). */
  commitWindowMs?: number;
  /** Folder of the built web app; null serves no static files (tests). */
  webDist: string | null;
}

export function configFromEnv(env: NodeJS.ProcessEnv, defaultWebDist: string | null): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    clusterName: e.CLUSTER_NAME,
    allowedOrigins: e.ALLOWED_ORIGINS.map((o) => new URL(o).origin),
    allowedHosts: e.ALLOWED_HOSTS.map((h) => h.toLowerCase().replace(/\.$/, '')),
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, '') ?? null,
    trustProxy: e.TRUST_PROXY,
    rateLimits: {
      ipCommandsPerMinute: e.RATE_IP_COMMANDS,
      ipJoinsPerMinute: e.RATE_IP_JOINS,
      ipBadCodesPer10Minutes: e.RATE_IP_BAD_CODES,
      ipCreatesPer10Minutes: e.RATE_IP_CREATES,
    },
    logLevel: e.LOG_LEVEL,
    retentionDays: e.RETENTION_DAYS,
    roomIdleMs: Math.round(e.ROOM_IDLE_MINUTES * 60_000),
    ...(e.COMMIT_WINDOW_MS !== undefined ? { commitWindowMs: e.COMMIT_WINDOW_MS } : {}),
    webDist: e.WEB_DIST ?? defaultWebDist,
  };
}
