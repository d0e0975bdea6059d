/**
 * Orchestration: the server processes on core 0, swarm workers in theirs (core 1), the projector and
 * facilitator of each room here in the coordinator. Runs Fokus (with --compare single-process SQLite, then the
 * configuration asked for), then the baseline, and compares.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openClusterBackends } from './cluster-backends.ts';
import type { ClusterBackends } from './cluster-backends.ts';
import { persistedVotes, persistedVotesPostgres } from './persisted.ts';
import { Facilitator, ScreenClient, now } from './screen-client.ts';
import { baselineArgs, fokusArgs, hasTaskset, pin, startServer } from './server-process.ts';
import type { ProcStats, ServerHandle } from './server-process.ts';
import { percentile, round, rssTrend, screenLags } from './stats.ts';
import type { RssSample } from './stats.ts';
import type { BenchOptions, BenchReport, RunFigures, StoreKind, Target, WorkerMessage, WorkerResult } from './types.ts';

/** Every simulated phone comes from 127.0.0.1: lift the per-address limits a real venue's NAT stays under. */
const ONE_ADDRESS_IS_MANY_PHONES = { RATE_IP_COMMANDS: '1000000', RATE_IP_JOINS: '1000000', RATE_IP_CREATES: '100000' };

export const DEFAULTS: Omit<BenchOptions, 'log'> = {
  phones: 1000,
  rooms: 1,
  windowS: 20,
  scenario: 'votes',
  skipBaseline: false,
  workers: 1,
  pin: true,
  serverFrom: 'auto',
  dotsPerPhone: 10,
  ideasPerRoom: 8,
  seed: 1,
  processes: 1,
  store: 'sqlite',
  compare: false,
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** How often the servers' resident memory is read during voting: enough points for a slope, no load to speak of. */
const RSS_SAMPLE_MS = 10_000;

/** Until the projector shows exactly `want` dots (in the soak its sum goes down too), or `ms` passes. */
async function screenShows(screen: ScreenClient, want: number, ms: number): Promise<void> {
  const until = now() + ms;
  while (screen.shown !== want && now() < until) await sleep(50);
}

/** Joins ramp up at ~50 phones/s (at most 20 s); a join storm packs them into at most 10 s. */
export function joinWindowMs(o: Pick<BenchOptions, 'phones' | 'scenario'>): number {
  const ramp = Math.min(20_000, Math.max(1000, (o.phones / 50) * 1000));
  return o.scenario === 'join-storm' ? Math.min(10_000, ramp) : ramp;
}
export const voteWindowMs = (o: Pick<BenchOptions, 'windowS' | 'scenario'>): number => (o.scenario === 'burst' ? 5_000 : o.windowS * 1000);

/** One server configuration measured: Fokus on a store in some processes, or the in-memory baseline. */
interface RunConfig {
  target: Target;
  store: StoreKind | 'memory';
  processes: number;
}

/** The Fokus configurations one invocation runs, in order: single-process SQLite first when comparing. */
export function fokusConfigs(o: Pick<BenchOptions, 'store' | 'processes' | 'compare'>): RunConfig[] {
  if (o.processes > 1 && o.store !== 'postgres') throw new Error('several processes share one log: --processes > 1 needs --store postgres');
  const asked: RunConfig = { target: 'fokus', store: o.store, processes: o.processes };
  if (!o.compare) return [asked];
  if (o.store === 'sqlite') throw new Error('--compare puts single-process SQLite beside another configuration: add --store postgres');
  return [{ target: 'fokus', store: 'sqlite', processes: 1 }, asked];
}

export async function runBench(partial: Partial<BenchOptions> = {}): Promise<BenchReport> {
  const o: BenchOptions = { ...DEFAULTS, log: () => {}, ...partial };
  const { log, ...options } = o;
  void log;
  const configs = fokusConfigs(o);
  const pinned = o.pin && hasTaskset();
  if (pinned) pin(process.pid, 1);
  const runs: RunFigures[] = [];
  for (const c of configs) runs.push(await runOnce(o, c, pinned));
  const baseline = o.skipBaseline ? null : await runOnce(o, { target: 'baseline', store: 'memory', processes: 1 }, pinned);
  const ratiosOf = (fokus: RunFigures) => {
    if (!baseline) return null;
    const ratio = (k: keyof RunFigures, b: keyof RunFigures = k) => round(Number(fokus[k]) / Number(baseline[b]), 2);
    return {
      ackP50Ms: ratio('ackP50Ms'),
      ackP99Ms: ratio('ackP99Ms'),
      screenLagP99Ms: ratio('screenLagP99Ms'),
      serverCpuSeconds: ratio('serverCpuVotingSeconds'),
      serverCpuVotingSeconds: ratio('serverCpuVotingSeconds'),
      serverPeakRssMb: ratio('serverPeakRssMb'),
      messagesPerVote: ratio('messagesPerVote'),
    };
  };
  const runRatios = runs.map(ratiosOf);
  const fokus = runs.at(-1);
  if (!fokus) throw new Error('no configuration ran');
  return { date: new Date().toISOString(), options, fokus, runs, baseline, ratios: runRatios.at(-1) ?? null, runRatios };
}

/** A Fokus server's environment: the store, and Redis when there are several processes. */
function serverEnv(c: RunConfig, dataDir: string, backends: ClusterBackends | null): Record<string, string> {
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...ONE_ADDRESS_IS_MANY_PHONES };
  if (backends) env.DATABASE_URL = backends.databaseUrl;
  // One process needs no Redis: with PostgreSQL alone it is the store that is compared.
  if (backends && c.processes > 1) Object.assign(env, { REDIS_URL: backends.redisUrl, CLUSTER_NAME: backends.clusterName });
  return env;
}

async function runOnce(o: BenchOptions, c: RunConfig, pinned: boolean): Promise<RunFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fokus-bench-'));
  // Every server process shares core 0 (and the harness core 1): N processes get the one core a single one gets.
  const serverCore = pinned ? 0 : null;
  const servers: ServerHandle[] = [];
  const workers: ChildProcess[] = [];
  const rooms: Array<{ f: Facilitator; screen: ScreenClient }> = [];
  let backends: ClusterBackends | null = null;
  const label = runLabel(c);
  try {
    if (c.target === 'baseline') {
      servers.push(await startServer({ args: baselineArgs(), env: {}, pinCore: serverCore }, o.log));
    } else {
      if (c.store === 'postgres') {
        backends = await openClusterBackends();
        o.log(`${label}: database ${backends.databaseName}${c.processes > 1 ? `, Redis cluster ${backends.clusterName}` : ''}`);
      }
      const spec = { args: fokusArgs(o.serverFrom), env: serverEnv(c, dataDir, backends), pinCore: serverCore };
      // The first one migrates the fresh database; the others then start together.
      servers.push(await startServer(spec, o.log));
      const rest = await Promise.allSettled(Array.from({ length: c.processes - 1 }, () => startServer(spec, o.log)));
      for (const r of rest) if (r.status === 'fulfilled') servers.push(r.value);
      const failed = rest.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
    const b = backends;
    const readStore = async (): Promise<StoreReading> => {
      if (c.target === 'baseline') {
        const dotsByCode = new Map<string, number>();
        for (const r of rooms) dotsByCode.set(r.f.spec.code, await r.f.counted());
        return { dotsByCode, voteCommits: Number.NaN };
      }
      if (b) return persistedVotesPostgres(b.databaseUrl);
      return { dotsByCode: persistedVotes(join(dataDir, 'fokus.db')), voteCommits: Number.NaN };
    };
    return await drive(o, c, pinned, servers, workers, rooms, readStore, backends);
  } finally {
    for (const w of workers) w.kill();
    for (const r of rooms) {
      r.f.close();
      r.screen.close();
    }
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
    await backends?.close().catch((err: unknown) => o.log(`${label}: cleaning up the database or Redis failed: ${String(err)}`));
  }
}

export const runLabel = (r: Pick<RunFigures, 'target' | 'store' | 'processes'>): string => (r.target === 'baseline' ? 'baseline' : `${r.store}×${r.processes}`);

/** What the store holds after the run: dots per join code and, for PostgreSQL, the commits that carried them. */
interface StoreReading {
  dotsByCode: Map<string, number>;
  voteCommits: number;
}

async function drive(
  o: BenchOptions,
  c: RunConfig,
  pinned: boolean,
  servers: ServerHandle[],
  workers: ChildProcess[],
  rooms: Array<{ f: Facilitator; screen: ScreenClient }>,
  readStore: () => Promise<StoreReading>,
  backends: ClusterBackends | null,
): Promise<RunFigures> {
  const target = c.target;
  const label = runLabel(c);
  const n = servers.length;
  const urlOf = (i: number): string => servers[i % n]?.url ?? '';
  // The projector sits on the next process after the facilitator's, so most dots it shows crossed processes.
  const screenProcess = (room: number): number => (room + 1) % n;
  const loadAvgStart = loadavg()[0] ?? 0;
  for (let i = 0; i < o.rooms; i++) {
    const f = await Facilitator.create(urlOf(i), target, i, o.ideasPerRoom);
    rooms.push({ f, screen: await ScreenClient.open(urlOf(screenProcess(i)), target, f.spec.code) });
  }
  const joinMs = joinWindowMs(o);
  const voteMs = voteWindowMs(o);
  const deadline = joinMs + voteMs + 180_000;

  // Workers: separate processes, each a contiguous slice of the phones.
  const results: WorkerResult[] = [];
  const joinedBy = new Map<number, number>();
  let failure: string | null = null;
  // Each worker message re-checks whatever the coordinator is waiting for.
  const onProgress = new Set<() => void>();
  const per = Math.ceil(o.phones / o.workers);
  for (let w = 0; w < o.workers; w++) {
    const child = fork(join(import.meta.dirname, 'swarm-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    if (pinned && child.pid) pin(child.pid, 1);
    workers.push(child);
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'joined') joinedBy.set(w, m.joined + m.failed);
      else if (m.type === 'done') results.push(m);
      else failure = m.message;
      for (const check of [...onProgress]) check();
    });
    child.send({
      type: 'start',
      target,
      urls: servers.map((s) => s.url),
      scenario: o.scenario,
      rooms: rooms.map((r) => r.f.spec),
      phoneFrom: w * per,
      phoneTo: Math.min(o.phones, (w + 1) * per),
      joinWindowMs: joinMs,
      voteWindowMs: voteMs,
      dotsPerPhone: o.dotsPerPhone,
      seed: o.seed,
    });
  }
  const started = now();
  const waitFor = (what: string, done: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        onProgress.delete(check);
        outcome();
      };
      const check = () => {
        if (failure) settle(() => reject(new Error(`swarm worker failed: ${failure}`)));
        else if (done()) settle(resolve);
      };
      const timer = setTimeout(() => settle(() => reject(new Error(`timed out waiting for ${what}`))), Math.max(0, started + deadline - now()));
      onProgress.add(check);
      check();
    });
  await waitFor('joins', () => [...joinedBy.values()].reduce((a, b) => a + b, 0) >= o.phones);
  o.log(`${label}: ${o.phones} phones joined in ${round((now() - started) / 1000)} s; opening voting`);
  await sleep(500);

  const serverStats = (): ProcStats =>
    servers
      .map((s) => s.stats())
      .reduce(
        (a, b) => ({
          cpuSeconds: a.cpuSeconds + b.cpuSeconds,
          mainThreadCpuSeconds: a.mainThreadCpuSeconds + b.mainThreadCpuSeconds,
          peakRssMb: a.peakRssMb + b.peakRssMb,
        }),
        { cpuSeconds: 0, mainThreadCpuSeconds: 0, peakRssMb: 0 },
      );
  const statsBefore = serverStats();
  const cpuBefore = statsBefore.cpuSeconds;
  // Fokus's own figures (GET /api/metrics; the baseline has none): commits, threads, the event loop's longest block.
  const metricsBefore = target === 'baseline' ? null : await serverMetrics(servers, true);
  for (const r of rooms) {
    r.f.counting = true;
    r.screen.counting = true;
  }
  const openedAt = now();
  const coordCpu0 = process.cpuUsage();
  // Resident memory summed over the server processes, at voting's start, every RSS_SAMPLE_MS and at its end.
  const rss: RssSample[] = [];
  const sampleRss = () => rss.push({ t: (now() - openedAt) / 1000, mb: servers.reduce((a, s) => a + s.rssMb(), 0) });
  sampleRss();
  const rssTimer = setInterval(sampleRss, RSS_SAMPLE_MS);
  try {
    await Promise.all(rooms.map((r) => r.f.openVoting()));
    await waitFor('votes', () => results.length === o.workers);
  } finally {
    clearInterval(rssTimer);
  }
  sampleRss();
  const votingWallS = (now() - openedAt) / 1000;

  // Everything acked must reach the projector: the dots the phones hold, up to 5 s after the last ack.
  const acks = results.flatMap((r) => r.acked);
  const ackedPerRoom = rooms.map((_, i) => acks.filter((a) => a.room === i));
  const heldPerRoom = ackedPerRoom.map((a) => a.reduce((n, x) => n + x.delta, 0));
  const dotsHeld = heldPerRoom.reduce((a, b) => a + b, 0);
  await Promise.all(rooms.map((r, i) => screenShows(r.screen, heldPerRoom[i] ?? 0, 5_000)));
  await sleep(300);
  const coordCpu = process.cpuUsage(coordCpu0);
  const coordinatorCpuPct = ((coordCpu.user + coordCpu.system) / 1000 / (now() - openedAt || 1)) * 100;
  const stats = serverStats();
  const metricsAfter = metricsBefore ? await serverMetrics(servers, false) : null;
  const dbCpuSeconds = backends ? backends.backendCpuSeconds() : Number.NaN;
  const votingCpu = stats.cpuSeconds - cpuBefore;

  // The baseline has no store: what its memory counted, asked before the phones leave.
  const baselineReading = target === 'baseline' ? await readStore() : null;
  // Workers close their phones and exit when told to stop; the server stops after they are gone.
  const exited = workers.map((w) => (w.exitCode !== null || w.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => w.once('exit', () => r()))));
  for (const w of workers) w.send({ type: 'stop' });
  await Promise.all(exited);
  for (const r of rooms) {
    r.f.close();
    r.screen.close();
  }
  await Promise.all(servers.map((s) => s.stop()));
  const reading = baselineReading ?? (await readStore());
  let persisted = 0;
  for (const r of rooms) persisted += reading.dotsByCode.get(r.f.spec.code) ?? 0;
  const counters = backends ? await backends.counters() : { xactCommit: Number.NaN, xactRollback: Number.NaN };

  let missing = 0;
  const lags: number[] = [];
  // The lag is matched by counting the projector's dots (stats.ts screenLags); the soak's removals undo that count, so
  // it has no lag figure.
  const lagRooms = o.scenario === 'soak' ? [] : rooms;
  lagRooms.forEach((r, i) => {
    const l = screenLags(
      (ackedPerRoom[i] ?? []).map((a) => a.ackedAt),
      r.screen.samples,
    );
    missing += l.missing;
    lags.push(...l.lags);
  });
  if (missing > 0) o.log(`${label}: ${missing} acked dots never reached the projector`);

  const sum = (f: (r: WorkerResult) => number) => results.reduce((a, r) => a + f(r), 0);
  const ackMs = acks.map((a) => a.ackedAt - a.sentAt);
  // e.g. BENCH_ACKS_DUMP=/tmp/acks: every ack's [sent, acked] (epoch ms) in /tmp/acks-<run>.json, to line the late
  // ones up with the server's own log of loop gaps and collections.
  if (process.env.BENCH_ACKS_DUMP) writeFileSync(`${process.env.BENCH_ACKS_DUMP}-${label}.json`, JSON.stringify(acks.map((a) => [a.sentAt, a.ackedAt])));
  const joinLat = results.flatMap((r) => r.joinMs);
  const messages = sum((r) => r.messages) + rooms.reduce((a, r) => a + r.f.messages + r.screen.messages, 0);
  const refused = results.reduce<Record<string, number>>((acc, r) => {
    for (const [k, v] of Object.entries(r.refused)) acc[k] = (acc[k] ?? 0) + v;
    return acc;
  }, {});
  if (Object.keys(refused).length > 0) o.log(`${label}: refused ${JSON.stringify(refused)}`);
  const joinErrors = results.reduce<Record<string, number>>((acc, r) => {
    for (const [k, v] of Object.entries(r.joinErrors)) acc[k] = (acc[k] ?? 0) + v;
    return acc;
  }, {});
  if (Object.keys(joinErrors).length > 0) o.log(`${label}: joins failed ${JSON.stringify(joinErrors)}`);
  const unsaved = sum((r) => Object.values(r.unsaved).reduce((a, b) => a + b, 0));
  if (unsaved > 0) o.log(`${label}: ${unsaved} vote answers said storage_unavailable; each was sent again after 3 s with the same op id`);
  const crossed = acks.filter((a) => a.process !== screenProcess(a.room)).length;
  const memory = rssTrend(rss, voteMs / 1000);
  return {
    target,
    store: c.store,
    processes: n,
    phones: o.phones,
    rooms: o.rooms,
    scenario: o.scenario,
    windowS: voteMs / 1000,
    joined: sum((r) => r.joined),
    joinP50Ms: round(percentile(joinLat, 50)),
    joinP99Ms: round(percentile(joinLat, 99)),
    joinConnectP50Ms: round(
      percentile(
        results.flatMap((r) => r.joinConnectMs),
        50,
      ),
    ),
    joinConnectP99Ms: round(
      percentile(
        results.flatMap((r) => r.joinConnectMs),
        99,
      ),
    ),
    joinUnsavedAnswers: sum((r) => r.joinUnsaved),
    votesAttempted: sum((r) => r.attempted),
    votesAcked: acks.length,
    dotsHeld,
    votesRefused: Object.values(refused).reduce((a, b) => a + b, 0),
    votesUnsavedAnswers: unsaved,
    votesPersisted: persisted,
    votesShown: rooms.reduce((a, r) => a + r.screen.shown, 0),
    duplicates: Math.max(0, persisted - dotsHeld),
    resends: sum((r) => r.resends),
    reconnects: sum((r) => r.reconnects),
    ackP50Ms: round(percentile(ackMs, 50)),
    ackP99Ms: round(percentile(ackMs, 99)),
    ackMaxMs: round(ackMs.reduce((a, b) => Math.max(a, b), 0)),
    screenLagP50Ms: round(percentile(lags, 50)),
    screenLagP99Ms: round(percentile(lags, 99)),
    screenLagMaxMs: lags.length > 0 ? round(lags.reduce((a, b) => Math.max(a, b), 0)) : Number.NaN,
    screenCrossProcessShare: round(crossed / Math.max(1, acks.length), 2),
    serverPeakRssMb: round(stats.peakRssMb),
    serverCpuSeconds: round(stats.cpuSeconds, 2),
    serverCpuVotingSeconds: round(votingCpu, 2),
    rssSamples: memory.samples,
    rssStartMb: round(memory.startMb),
    rssEndMb: round(memory.endMb),
    rssMaxMb: round(memory.maxMb),
    rssSlopeMbPerMin: round(memory.slopeMbPerMin, 2),
    messagesPerVote: round(messages / Math.max(1, acks.length), 2),
    ...metricsFigures(metricsBefore, metricsAfter),
    mainCpuMsPer1000Votes: per1000Votes((stats.mainThreadCpuSeconds - statsBefore.mainThreadCpuSeconds) * 1000, acks.length),
    otherCpuMsPer1000Votes: per1000Votes((votingCpu - (stats.mainThreadCpuSeconds - statsBefore.mainThreadCpuSeconds)) * 1000, acks.length),
    voteCommits: reading.voteCommits,
    voteCommitsPerS: round(reading.voteCommits / votingWallS, 1),
    votesPerCommit: round(acks.length / reading.voteCommits, 2),
    dbXactCommits: counters.xactCommit,
    dbXactRollbacks: counters.xactRollback,
    dbCpuSeconds: round(dbCpuSeconds, 2),
    swarmCpuSeconds: round(sum((r) => r.cpuMs) / 1000, 2),
    swarmCpuPct: round((sum((r) => r.votingCpuMs) / Math.max(1, Math.max(...results.map((r) => r.votingWallMs)))) * 100),
    coordinatorCpuPct: round(coordinatorCpuPct),
    votingWallS: round(votingWallS, 2),
    pinned,
    loadAvgStart: round(loadAvgStart, 2),
    loadAvgEnd: round(loadavg()[0] ?? 0, 2),
  };
}

/** What GET /api/metrics says, summed over the processes (the longest event-loop block: the longest of any). */
interface ServerMetrics {
  commits: number;
  writes: number;
  events: number;
  maxBlockMs: number;
  gcMs: number;
  maxGcPauseMs: number;
  maxCommitMs: number;
}

async function serverMetrics(servers: readonly ServerHandle[], reset: boolean): Promise<ServerMetrics> {
  const each = await Promise.all(
    servers.map(async (s) => {
      const res = await fetch(`${s.url}/api/metrics${reset ? '?reset=1' : ''}`);
      return (await res.json()) as {
        commits: { commits: number; writes: number; events: number; longestMs: number };
        eventLoop: { maxBlockMs: number };
        gc: { totalMs: number; maxPauseMs: number };
      };
    }),
  );
  return each.reduce<ServerMetrics>(
    (a, m) => ({
      commits: a.commits + m.commits.commits,
      writes: a.writes + m.commits.writes,
      events: a.events + m.commits.events,
      maxBlockMs: Math.max(a.maxBlockMs, m.eventLoop.maxBlockMs),
      gcMs: a.gcMs + m.gc.totalMs,
      maxGcPauseMs: Math.max(a.maxGcPauseMs, m.gc.maxPauseMs),
      maxCommitMs: Math.max(a.maxCommitMs, m.commits.longestMs),
    }),
    { commits: 0, writes: 0, events: 0, maxBlockMs: 0, gcMs: 0, maxGcPauseMs: 0, maxCommitMs: 0 },
  );
}

/** The voting window's share of the server's own figures; NaN for the baseline. */
function metricsFigures(before: ServerMetrics | null, after: ServerMetrics | null) {
  if (!before || !after)
    return {
      storeCommits: Number.NaN,
      writesPerCommit: Number.NaN,
      maxLoopBlockMs: Number.NaN,
      gcMs: Number.NaN,
      maxGcPauseMs: Number.NaN,
      maxCommitMs: Number.NaN,
    };
  const commits = after.commits - before.commits;
  // The figures since the reset at the window's start (the loop and GC figures were reset then).
  return {
    storeCommits: commits,
    writesPerCommit: round((after.writes - before.writes) / Math.max(1, commits), 2),
    maxLoopBlockMs: round(after.maxBlockMs),
    gcMs: round(after.gcMs),
    maxGcPauseMs: round(after.maxGcPauseMs),
    maxCommitMs: round(after.maxCommitMs),
  };
}

const per1000Votes = (ms: number, votes: number): number => round((ms / Math.max(1, votes)) * 1000);
