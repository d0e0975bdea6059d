/**
 * The shared services of a PostgreSQL run: a fresh database made for it (and dropped after), a cluster name of its
 * own on the local Redis (its keys deleted after), the database's transaction counters and the CPU its backends use.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';
import { procStats } from './server-process.ts';

/** Where the bench may create and drop databases (a superuser connection to an existing database). */
export const BENCH_POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const BACKEND_SAMPLE_MS = 250;

export interface DbCounters {
  xactCommit: number;
  xactRollback: number;
}

export interface ClusterBackends {
  databaseUrl: string;
  databaseName: string;
  redisUrl: string;
  clusterName: string;
  /** pg_stat_database's counters of the run's database. */
  counters(): Promise<DbCounters>;
  /** CPU seconds used so far by the backends connected to the run's database (sampled). */
  backendCpuSeconds(): number;
  /** Drops the database WITH (FORCE) and deletes the cluster's Redis keys. */
  close(): Promise<void>;
}

/** The same server and credentials as `adminUrl`, another database. */
export function withDatabase(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function openClusterBackends(adminUrl = BENCH_POSTGRES_ADMIN_URL, redisUrl = BENCH_REDIS_URL): Promise<ClusterBackends> {
  const suffix = randomBytes(5).toString('hex');
  const databaseName = `fokus_bench_${suffix}`;
  const clusterName = `fokus-bench-${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);

  // Backends come and go with the servers' pools: keep each one's highest CPU reading.
  const backendCpu = new Map<number, number>();
  let sampling = false;
  const sample = async () => {
    if (sampling) return;
    sampling = true;
    try {
      const r = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [databaseName]);
      for (const { pid } of r.rows) {
        const cpu = procStats(pid).cpuSeconds;
        if (Number.isFinite(cpu)) backendCpu.set(pid, Math.max(cpu, backendCpu.get(pid) ?? 0));
      }
    } catch {
      // a sample missed; the next one counts
    } finally {
      sampling = false;
    }
  };
  const sampler = setInterval(() => void sample(), BACKEND_SAMPLE_MS);

  return {
    databaseUrl: withDatabase(adminUrl, databaseName),
    databaseName,
    redisUrl,
    clusterName,
    async counters() {
      await sample();
      // Counters are flushed by each backend at most once a second and when it exits; a fresh snapshot each time.
      await admin.query('SELECT pg_stat_clear_snapshot()');
      const r = await admin.query<{ c: string; r: string }>('SELECT xact_commit AS c, xact_rollback AS r FROM pg_stat_database WHERE datname = $1', [
        databaseName,
      ]);
      return { xactCommit: Number(r.rows[0]?.c ?? 0), xactRollback: Number(r.rows[0]?.r ?? 0) };
    },
    backendCpuSeconds: () => [...backendCpu.values()].reduce((a, b) => a + b, 0),
    async close() {
      clearInterval(sampler);
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
      const redis = createClient({ url: redisUrl });
      redis.on('error', () => undefined);
      await redis.connect();
      try {
        for await (const keys of redis.scanIterator({ MATCH: `${clusterName}:*`, COUNT: 1000 })) if (keys.length > 0) await redis.del(keys);
      } finally {
        await redis.quit();
      }
    },
  };
}

/** Whether the PostgreSQL server and Redis a PostgreSQL run needs both answer within a second; null if so, else why not. */
export async function backendsUnreachable(adminUrl = BENCH_POSTGRES_ADMIN_URL, redisUrl = BENCH_REDIS_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    return `PostgreSQL at ${adminUrl}: ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = createClient({ url: redisUrl, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (err) {
    return `Redis at ${redisUrl}: ${(err as Error).message}`;
  } finally {
    if (redis.isOpen) await redis.quit().catch(() => undefined);
  }
}
