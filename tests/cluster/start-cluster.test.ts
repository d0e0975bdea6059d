import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FokusProcess, FreshDatabase } from '../support/cluster-processes.ts';
import {
  clusterEnv,
  clusterUnavailable,
  dropClusterKeys,
  freePort,
  freshDatabase,
  health,
  killStartedProcesses,
  newClusterName,
  spawnFokus,
  waitFor,
} from '../support/cluster-processes.ts';
import { createWorkshop } from '../support/fokus-client.ts';
import { dotsInLog, dotsOf, sameDots } from '../support/cluster-workshop.ts';
import { RoamingClient } from '../support/roaming-phone.ts';
import { LONG_THEMES } from '../support/seed-workshop.ts';
import { startFlags } from '../load/server-process.ts';

/**
 * Issue 13: `npm run start:cluster -- --processes 3` as built (apps/server/dist/cluster.js): one port, a node
 * cluster primary passing each Socket.IO session to one worker (@socket.io/sticky, least-connection). Clients
 * use Socket.IO's default transports, long-polling first and then the upgrade, which only work if every request
 * of a session reaches the same worker. A worker killed without warning is replaced and its phones finish.
 */

const unavailable = await clusterUnavailable();
const built = resolve(import.meta.dirname, '../../apps/server/dist/cluster.js');
const skip = unavailable ?? (existsSync(built) ? null : `${built} is not built (npm run build -w @fokus/server)`);
if (skip) console.warn(`tests/cluster/start-cluster.test.ts skipped: ${skip}`);

const PHONES = 45;

/** The pid in a process name (host:pid:suffix). */
const pidOf = (name: string): number => Number(name.split(':').at(-2));

/** The pids of the primary's children (its workers); none once it is gone (ps then exits 1). */
function workersOf(primary: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(primary)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

describe.skipIf(skip !== null)('npm run start:cluster -- --processes 3 (dist/cluster.js)', () => {
  const clusterName = newClusterName();
  let db: FreshDatabase;
  let primary: FokusProcess;
  let url: string;
  const opened: { close(): void }[] = [];

  beforeAll(async () => {
    db = await freshDatabase();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    primary = await spawnFokus(
      // As `npm run start:cluster` runs it: its Node flags reach the workers (cluster.fork keeps execArgv).
      [...startFlags('start:cluster', 'cluster.js'), built, '--processes', '3'],
      clusterEnv({ databaseUrl: db.url, clusterName }, { PORT: String(port) }),
      /Fokus cluster of 3 processes on http:\/\/localhost:\d+/,
    );
  }, 60_000);

  afterAll(async () => {
    for (const c of opened) c.close();
    // The workers first: a SIGKILLed primary leaves its workers running.
    if (primary) for (const pid of workersOf(primary.pid)) process.kill(pid, 'SIGKILL');
    killStartedProcesses();
    await db?.drop();
    await dropClusterKeys(clusterName);
  }, 30_000);

  it('answers health from its workers, runs a vote through the one port with long-polling and upgrade, and survives a worker killed mid-vote', async () => {
    const created = await createWorkshop(url, { template: 'handlingsplan', lang: 'sv', title: 'Key Cities Group – en port' });
    let made = 0;
    const client = (role: 'facilitator' | 'screen' | 'participant') => {
      // As the web client's Socket.IO does: the first reconnect after about a second (0.5–1.5 s), 20 s to connect.
      const c = new RoamingClient({
        code: created.code,
        role,
        key: created.facilitatorKey,
        route: () => url,
        defaultTransports: true,
        reconnectDelayMs: 500 + ((made++ * 373) % 1000),
        connectTimeoutMs: 20_000,
      });
      opened.push(c);
      return c;
    };

    // Health, then a session held open, in turn: least-connection sends each next request to a worker without one.
    const names = new Set<string>();
    const held: RoamingClient[] = [];
    for (let i = 0; i < 6; i++) {
      const h = await health(url);
      expect(h.status).toBe(200);
      expect(h.body.process).toMatch(/^.+:\d+:[0-9a-f]{6}$/);
      names.add(h.body.process as string);
      const screen = client('screen');
      await screen.start();
      held.push(screen);
    }
    const workerPids = [...names].map(pidOf);
    expect(names.size).toBe(3);
    expect(new Set(workerPids)).toEqual(new Set(workersOf(primary.pid)));

    const facilitator = client('facilitator');
    await facilitator.start();
    const boardId = facilitator.view?.view.boards[0]?.id as string;
    const ideaIds = LONG_THEMES.slice(0, 5).map((_, i) => `idea-${i + 1}`);
    for (const [i, t] of LONG_THEMES.slice(0, 5).entries()) {
      const ack = await facilitator.send({ type: 'idea:add', ideaId: ideaIds[i] as string, boardId, text: t.text, details: t.details });
      expect(ack.ok).toBe(true);
    }
    expect((await facilitator.send({ type: 'voting:configure', settings: { anonymous: false, hideResults: false } })).ok).toBe(true);

    const phones: RoamingClient[] = [];
    for (let i = 0; i < PHONES; i++) {
      const phone = client('participant');
      await phone.start();
      await phone.join(`Deltagare ${i + 1}`);
      phones.push(phone);
    }
    const participantIds = phones.map((p) => p.me?.me.participantId);
    // Every session went from long-polling to websocket through the primary: its requests all reached one worker.
    const everyone = [...held, facilitator, ...phones];
    await waitFor('every session upgraded to websocket', () => everyone.every((c) => c.transport === 'websocket'), 10_000);
    expect(everyone.every((c) => c.reconnects.length === 0)).toBe(true);

    expect((await facilitator.send({ type: 'voting:open' })).ok).toBe(true);
    const votes = phones.map(async (p, i) => {
      const sent: Promise<unknown>[] = [];
      for (let j = 0; j < 10; j++) {
        sent.push(p.send({ type: 'vote:add', ideaId: ideaIds[(i + j) % ideaIds.length] as string }));
        await new Promise((r) => setTimeout(r, 30 + ((i * 7 + j * 13) % 50)));
      }
      return Promise.all(sent);
    });
    const acked = () => phones.reduce((n, p) => n + p.acked().length, 0);
    await waitFor('a third of the votes acknowledged', () => acked() >= (PHONES * 10) / 3, 20_000, 5);
    const victim = workerPids[1] as number;
    const ackedBefore = acked();
    process.kill(victim, 'SIGKILL');
    const killedAt = Date.now();
    await Promise.all(votes);
    const doneMs = Date.now() - killedAt;

    // The primary started another worker in its place.
    const replacedMs = await waitFor('a new worker in place of the killed one', () => {
      const now = workersOf(primary.pid);
      return now.length === 3 && !now.includes(victim);
    });
    const replacement = workersOf(primary.pid).filter((pid) => !workerPids.includes(pid));
    expect(replacement.length).toBe(1);

    for (const p of phones) expect(p.ops.map((o) => o.ack?.ok)).toEqual(Array(10).fill(true));
    const moved = phones.filter((p) => p.reconnects.length > 0);
    // Least-connection spread the phones over all three workers, so the killed one held some.
    expect(moved.length).toBeGreaterThan(0);
    await waitFor('every phone connected again', () => phones.every((p) => p.connected), 10_000);
    // Every greeting after the join names the same participant: nobody lost their identity.
    expect(phones.map((p) => [...new Set(p.identities.slice(1))])).toEqual(participantIds.map((id) => [id]));
    const times = moved.flatMap((p) => p.reconnects.map((r) => r.ms)).sort((a, b) => a - b);
    console.log(
      `worker ${victim} SIGKILLed after ${ackedBefore} of ${PHONES * 10} acks: ${moved.length} phones reconnected through the port in ${times[0]}–${times.at(-1)} ms, all done ${doneMs} ms after the kill; worker ${replacement[0]} replaced it within ${replacedMs} ms; ${moved.flatMap((p) => p.failures).length} connection attempts failed (${[...new Set(moved.flatMap((p) => p.failures))].join(', ')})`,
    );

    // A phone is back within seconds: its reconnect delay, then a worker that takes the connection (a replacement
    // may still be starting: a few seconds on a busy machine). A connection the primary hands to a replacement
    // before it serves must not go unanswered: the phone would wait out its 20 s connect timeout.
    const failed = moved.flatMap((p) => p.failures);
    expect.soft(failed, 'connection attempts that failed after the kill').toEqual([]);
    expect.soft(times.at(-1), 'slowest reconnect (ms)').toBeLessThan(10_000);
    const log = await dotsInLog(db.pool, created.workshopId);
    expect(log.added.length).toBe(PHONES * 10);
    const ops = await db.pool.query<{ op_id: string }>("SELECT op_id FROM ops WHERE workshop_id = $1 AND actor LIKE 'p:%'", [created.workshopId]);
    expect(new Set(ops.rows.map((r) => r.op_id))).toEqual(new Set(phones.flatMap((p) => p.ops.map((o) => o.opId))));
    expect(ops.rows.length).toBe(PHONES * 10);
    // Every screen (some of them moved too) and every phone ends on the log's tally.
    await waitFor("screens and phones on the log's tally", () => [...held, ...phones].every((c) => sameDots(dotsOf(c.tally), log.dots)), 15_000);

    // The replacement answers: a new session lands on it (it has the fewest), and its health names it.
    const after = new Set<number>();
    await waitFor(
      'health from the replacement worker',
      async () => {
        const h = await health(url);
        if (h.status === 200) after.add(pidOf(h.body.process as string));
        if (after.has(replacement[0] as number)) return true;
        const probe = client('screen');
        await probe.start();
        return false;
      },
      15_000,
      100,
    );
  }, 60_000);
});
