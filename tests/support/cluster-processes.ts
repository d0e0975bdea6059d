import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, connect as netConnect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { createClient } from 'redis';

/**
 * Several real Fokus processes on one PostgreSQL database and one Redis, as issue 13 runs them: each test file
 * makes its own database and cluster name, and kills (SIGKILL) whatever it started.
 */

const root = resolve(import.meta.dirname, '../..');

/** The `test` database on the local PostgreSQL (as user postgres): where fresh databases are made. */
export const ADMIN_DATABASE_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Why these tests cannot run here, or null when PostgreSQL and Redis both answer. */
export async function clusterUnavailable(): Promise<string | null> {
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
    await admin.query('SELECT 1');
  } catch (err) {
    return `PostgreSQL at ${ADMIN_DATABASE_URL} unreachable (${(err as Error).message})`;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const pong = await redisPing(TEST_REDIS_URL);
  return pong ? null : `Redis at ${TEST_REDIS_URL} unreachable`;
}

/** One PING over a raw socket: no client library, so an absent Redis cannot leave a reconnect loop behind. */
function redisPing(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((done) => {
    const socket = netConnect({ host: u.hostname, port: Number(u.port || 6379) });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(2000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (b) => finish(b.toString().startsWith('+PONG')));
  });
}

/** A fresh database of its own (CREATE DATABASE via the `test` one); `drop` removes it, connections and all. */
export interface FreshDatabase {
  url: string;
  /** A pool on it, for reading the log directly. */
  pool: pg.Pool;
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<FreshDatabase> {
  const name = `fokus_cluster_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 3 });
  pool.on('error', () => undefined);
  return {
    url: url.toString(),
    pool,
    async drop() {
      await pool.end().catch(() => undefined);
      const a = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** A cluster name of its own, so parallel runs on one Redis never hear each other. */
export const newClusterName = (): string => `fokus-test-${randomBytes(5).toString('hex')}`;

/** Removes the Redis keys (stream, rate limits) a cluster name left behind. */
export async function dropClusterKeys(name: string): Promise<void> {
  const redis = createClient({ url: TEST_REDIS_URL });
  redis.on('error', () => undefined);
  await redis.connect();
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${name}:*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length > 0) await redis.del(keys);
  } finally {
    await redis.quit().catch(() => undefined);
  }
}

/** A free TCP port on loopback (for the cluster primary, which needs a port before it starts). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => done(port));
    });
  });
}

export interface ClusterEnv {
  databaseUrl: string;
  clusterName: string;
  redisUrl?: string;
}

/** Environment of a Fokus process in a test cluster: scripted phones all come from 127.0.0.1, so the per-address limits are lifted. */
export function clusterEnv(env: ClusterEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl ?? TEST_REDIS_URL,
    CLUSTER_NAME: env.clusterName,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_IP_COMMANDS: '1000000',
    RATE_IP_JOINS: '1000000',
    RATE_IP_BAD_CODES: '1000000',
    RATE_IP_CREATES: '1000000',
    WEB_DIST: join(tmpdir(), 'fokus-no-web'),
    DATA_DIR: join(tmpdir(), 'fokus-cluster-unused'),
    ...extra,
  };
}

/** A started process and what it printed (the last lines, for a failure message). */
export interface FokusProcess {
  proc: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];

/** SIGKILLs every process started through this module that is still running: for afterAll/afterEach. */
export function killStartedProcesses(): void {
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
}

/**
 * Spawns `args` under node in the repository root; resolves once a line of its output matches `ready`
 * (its match handed back), rejects if it exits or stays silent for `timeoutMs`.
 */
export async function spawnFokus(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 30_000,
): Promise<FokusProcess & { match: RegExpExecArray }> {
  const proc = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(proc);
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => proc.once('exit', (code, signal) => done({ code, signal })));
  const match = await new Promise<RegExpExecArray>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no ${ready} within ${timeoutMs} ms: ${out}`)), timeoutMs);
    const check = () => {
      const m = ready.exec(out);
      if (!m) return;
      clearTimeout(timer);
      proc.stdout?.off('data', check);
      proc.stderr?.off('data', check);
      done(m);
    };
    proc.stdout?.on('data', check);
    proc.stderr?.on('data', check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`exited (${code ?? signal}) before ready: ${out}`));
    });
  }).catch((err: unknown) => {
    proc.kill('SIGKILL');
    throw err;
  });
  return { proc, pid: proc.pid as number, output: () => out, exited, match };
}

/** One Fokus process from source (`apps/server/src/main.ts` under tsx) on its own port; resolves with its URL. */
export async function startFokusProcess(env: ClusterEnv): Promise<FokusProcess & { url: string }> {
  // LOG_LEVEL info: the ready line ("Fokus is running on …") is an info line.
  const p = await spawnFokus(
    ['--import', 'tsx', 'apps/server/src/main.ts'],
    clusterEnv(env, { PORT: '0', LOG_LEVEL: 'info' }),
    /running on http:\/\/localhost:(\d+)/,
  );
  return { ...p, url: `http://127.0.0.1:${p.match[1]}` };
}

/** The answer of /api/health: `process` names the process that answered, host:pid:suffix. */
export async function health(url: string): Promise<{ status: number; body: { ok: boolean; process?: string; reason?: string } }> {
  // A fresh connection each time (no keep-alive): behind the cluster's primary a connection stays with one worker.
  const res = await fetch(`${url}/api/health`, { headers: { connection: 'close' } });
  return { status: res.status, body: (await res.json()) as { ok: boolean; process?: string } };
}

/** Polls `check` every `everyMs` until it is true; the error names what was awaited. */
/**
 * Three processes at once on an empty database of their own (they race to migrate it, as a fresh deployment does)
 * and a cluster name of their own, for one describe block: started before its tests, killed, dropped and cleaned up
 * after, with every client the tests handed to `track`.
 */
export function threeProcesses(beforeAll: (fn: () => Promise<void>, timeout: number) => void, afterAll: (fn: () => Promise<void>, timeout: number) => void) {
  const cluster = {
    name: newClusterName(),
    db: null as FreshDatabase | null,
    procs: [] as (FokusProcess & { url: string })[],
    opened: [] as { close(): void }[],
    track<T extends { close(): void }>(c: T): T {
      cluster.opened.push(c);
      return c;
    },
    get pool(): FreshDatabase['pool'] {
      if (!cluster.db) throw new Error('the database is made before the tests run');
      return cluster.db.pool;
    },
  };
  beforeAll(async () => {
    const db = await freshDatabase();
    cluster.db = db;
    cluster.procs = await Promise.all([0, 1, 2].map(() => startFokusProcess({ databaseUrl: db.url, clusterName: cluster.name })));
  }, 60_000);
  afterAll(async () => {
    for (const c of cluster.opened) c.close();
    killStartedProcesses();
    await cluster.db?.drop();
    await dropClusterKeys(cluster.name);
  }, 30_000);
  return cluster;
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000, everyMs = 50): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
