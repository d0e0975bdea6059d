import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import type { FokusServer } from '../realtime/socket-server.ts';
import type { Forwarded } from '../workshop-room.ts';
import { type Cluster, joinCluster, withPublishCaught } from './redis-cluster.ts';

/**
 * The link between processes must never end the process it lives in: a SIGTERM'd process once exited 1 because a
 * forward was published after its Redis client had quit (the adapter drops PUBLISH's promise, so the refusal was
 * an unhandled rejection).
 */

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisUp(): Promise<boolean> {
  const probe = createClient({ url: REDIS_URL, socket: { reconnectStrategy: false, connectTimeout: 1000 } });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (probe.isOpen) await probe.quit().catch(() => undefined);
  }
}
const up = await redisUp();
if (!up) console.warn(`redis-cluster.test.ts: Redis at ${REDIS_URL} unreachable; only the client guard is tested`);

const work: Forwarded = { kind: 'join', name: 'Anna', organisation: '', town: '', token: 't' };

/** Unhandled rejections while a test runs (vitest reports them too, but after the test). */
function watchRejections(): { seen: unknown[]; stop(): void } {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', onRejection);
  return { seen, stop: () => process.off('unhandledRejection', onRejection) };
}
const settle = () => new Promise((r) => setTimeout(r, 100));

function logRecorder() {
  const warned: string[] = [];
  return { warned, log: { warn: (_: object, msg: string) => warned.push(msg), error: () => undefined } };
}

describe('withPublishCaught', () => {
  it('turns a refused publish into a logged warning and leaves other commands as they are', async () => {
    const client = {
      publish: (): Promise<number> => Promise.reject(new Error('The client is closed')),
      sPublish: (): number => {
        throw new Error('not connected');
      },
      ping(this: { name: string }) {
        return Promise.resolve(`PONG ${this.name}`);
      },
      name: 'c',
    };
    const { warned, log } = logRecorder();
    const guarded = withPublishCaught(client, log);
    await expect(guarded.publish()).resolves.toBe(0);
    await expect(guarded.sPublish()).resolves.toBe(0);
    expect(warned).toEqual(['a message to the other Fokus processes was not sent', 'a message to the other Fokus processes was not sent']);
    // Methods keep their client as `this`; plain fields read through.
    await expect(guarded.ping()).resolves.toBe('PONG c');
    expect(guarded.name).toBe('c');
  });
});

describe.skipIf(!up)('a cluster link whose Redis client is gone', () => {
  let io: Server | null = null;
  let cluster: Cluster | null = null;
  afterEach(async () => {
    await cluster?.close();
    await new Promise((resolve) => (io ? io.close(resolve) : resolve(undefined)));
  });

  async function link() {
    io = new Server(createServer());
    const { warned, log } = logRecorder();
    cluster = await joinCluster(io as unknown as FokusServer, { redisUrl: REDIS_URL, name: `fokus-test-${process.pid}-${Date.now()}`, processName: 'p1' }, log);
    return { cluster, warned };
  }

  it('logs a message it could not send instead of ending the process', async () => {
    const { cluster, warned } = await link();
    const watch = watchRejections();
    // The client goes away under the link (as when Redis restarts), then rooms go on telling the others.
    await (cluster.redis as ReturnType<typeof createClient>).quit();
    cluster.share.committed({ workshopId: 'w', fromSeq: 1, events: [], ops: [] });
    cluster.share.erased('w');
    await settle();
    watch.stop();
    expect(watch.seen).toEqual([]);
    expect(warned.length).toBeGreaterThanOrEqual(2);
  });

  it('once closing, answers a hand-over at once with "decide it yourself" and sends nothing', async () => {
    const { cluster } = await link();
    const watch = watchRejections();
    // A hand-over nobody answers waits for the 5 s timeout, unless the link closes first.
    const pending = cluster.share.forward('nobody', 'w', 'ABC123', work);
    const startedAt = Date.now();
    await cluster.close();
    await expect(pending).resolves.toBeNull();
    await expect(cluster.share.forward('nobody', 'w', 'ABC123', work)).resolves.toBeNull();
    cluster.share.committed({ workshopId: 'w', fromSeq: 1, events: [], ops: [] });
    cluster.share.erased('w');
    expect(Date.now() - startedAt).toBeLessThan(1000);
    await settle();
    watch.stop();
    expect(watch.seen).toEqual([]);
  });
});
