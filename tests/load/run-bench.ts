/**
 * Orchestration: server in its own process (core 0), swarm workers in theirs (core 1), the projector and
 * facilitator of each room here in the coordinator. Runs Fokus, then the baseline, and compares.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { persistedVotes } from './persisted.ts';
import { Facilitator, ScreenClient, now } from './screen-client.ts';
import { fokusArgs, hasTaskset, pin, startServer } from './server-process.ts';
import type { ServerHandle } from './server-process.ts';
import { percentile, round, screenLags } from './stats.ts';
import type { BenchOptions, BenchReport, RunFigures, Target, WorkerMessage, WorkerResult } from './types.ts';

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
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Joins ramp up at ~50 phones/s (at most 20 s); a join storm packs them into at most 10 s. */
export function joinWindowMs(o: Pick<BenchOptions, 'phones' | 'scenario'>): number {
  const ramp = Math.min(20_000, Math.max(1000, (o.phones / 50) * 1000));
  return o.scenario === 'join-storm' ? Math.min(10_000, ramp) : ramp;
}
export const voteWindowMs = (o: Pick<BenchOptions, 'windowS' | 'scenario'>): number => (o.scenario === 'burst' ? 5_000 : o.windowS * 1000);

export async function runBench(partial: Partial<BenchOptions> = {}): Promise<BenchReport> {
  const o: BenchOptions = { ...DEFAULTS, log: () => {}, ...partial };
  const { log, ...options } = o;
  const pinned = o.pin && hasTaskset();
  if (pinned) pin(process.pid, 1);
  const fokus = await runOnce(o, 'fokus', pinned);
  const baseline = o.skipBaseline ? null : await runOnce(o, 'baseline', pinned);
  const ratio = (k: keyof RunFigures) => round(Number(fokus[k]) / Number(baseline?.[k]), 2);
  const ratios = baseline
    ? {
        ackP50Ms: ratio('ackP50Ms'),
        ackP99Ms: ratio('ackP99Ms'),
        screenLagP99Ms: ratio('screenLagP99Ms'),
        serverCpuSeconds: ratio('serverCpuVotingSeconds'),
        serverPeakRssMb: ratio('serverPeakRssMb'),
        messagesPerVote: ratio('messagesPerVote'),
      }
    : null;
  void log;
  return { date: new Date().toISOString(), options, fokus, baseline, ratios };
}

async function runOnce(o: BenchOptions, target: Target, pinned: boolean): Promise<RunFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fokus-bench-'));
  const serverCore = pinned ? 0 : null;
  const server = await startServer(
    target === 'fokus'
      ? { args: fokusArgs(o.serverFrom), env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...ONE_ADDRESS_IS_MANY_PHONES }, pinCore: serverCore }
      : { args: ['--import', 'tsx', join(import.meta.dirname, 'baseline-server.ts')], env: {}, pinCore: serverCore },
    o.log,
  );
  const workers: ChildProcess[] = [];
  const rooms: Array<{ f: Facilitator; screen: ScreenClient }> = [];
  try {
    return await drive(o, target, pinned, server, workers, rooms, dataDir);
  } finally {
    for (const w of workers) w.kill();
    for (const r of rooms) {
      r.f.close();
      r.screen.close();
    }
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function drive(
  o: BenchOptions,
  target: Target,
  pinned: boolean,
  server: ServerHandle,
  workers: ChildProcess[],
  rooms: Array<{ f: Facilitator; screen: ScreenClient }>,
  dataDir: string,
): Promise<RunFigures> {
  const loadAvgStart = loadavg()[0] ?? 0;
  for (let i = 0; i < o.rooms; i++) {
    const f = await Facilitator.create(server.url, target, i, o.ideasPerRoom);
    rooms.push({ f, screen: await ScreenClient.open(server.url, target, f.spec.code) });
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
      url: server.url,
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
  o.log(`${target}: ${o.phones} phones joined in ${round((now() - started) / 1000)} s; opening voting`);
  await sleep(500);

  const cpuBefore = server.stats().cpuSeconds;
  for (const r of rooms) {
    r.f.counting = true;
    r.screen.counting = true;
  }
  const openedAt = now();
  const coordCpu0 = process.cpuUsage();
  await Promise.all(rooms.map((r) => r.f.openVoting()));
  await waitFor('votes', () => results.length === o.workers);
  const votingWallS = (now() - openedAt) / 1000;

  // Everything acked must reach the projector; give it up to 5 s after the last ack.
  const acks = results.flatMap((r) => r.acked);
  const ackedPerRoom = rooms.map((_, i) => acks.filter((a) => a.room === i));
  await Promise.all(rooms.map((r, i) => r.screen.until(ackedPerRoom[i]?.length ?? 0, 5_000)));
  await sleep(300);
  const coordCpu = process.cpuUsage(coordCpu0);
  const coordinatorCpuPct = ((coordCpu.user + coordCpu.system) / 1000 / (now() - openedAt || 1)) * 100;
  const stats = server.stats();
  const votingCpu = stats.cpuSeconds - cpuBefore;

  let persisted = 0;
  if (target === 'baseline') for (const r of rooms) persisted += await r.f.counted();
  // Workers close their phones and exit when told to stop; the server stops after they are gone.
  const exited = workers.map((w) => (w.exitCode !== null || w.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => w.once('exit', () => r()))));
  for (const w of workers) w.send({ type: 'stop' });
  await Promise.all(exited);
  for (const r of rooms) {
    r.f.close();
    r.screen.close();
  }
  await server.stop();
  if (target === 'fokus') {
    const byCode = persistedVotes(join(dataDir, 'fokus.db'));
    for (const r of rooms) persisted += byCode.get(r.f.spec.code) ?? 0;
  }

  let missing = 0;
  const lags: number[] = [];
  rooms.forEach((r, i) => {
    const l = screenLags(
      (ackedPerRoom[i] ?? []).map((a) => a.ackedAt),
      r.screen.samples,
    );
    missing += l.missing;
    lags.push(...l.lags);
  });
  if (missing > 0) o.log(`${target}: ${missing} acked dots never reached the projector`);

  const sum = (f: (r: WorkerResult) => number) => results.reduce((a, r) => a + f(r), 0);
  const ackMs = acks.map((a) => a.ackedAt - a.sentAt);
  const joinLat = results.flatMap((r) => r.joinMs);
  const messages = sum((r) => r.messages) + rooms.reduce((a, r) => a + r.f.messages + r.screen.messages, 0);
  const refused = results.reduce<Record<string, number>>((acc, r) => {
    for (const [k, v] of Object.entries(r.refused)) acc[k] = (acc[k] ?? 0) + v;
    return acc;
  }, {});
  if (Object.keys(refused).length > 0) o.log(`${target}: refused ${JSON.stringify(refused)}`);
  return {
    target,
    phones: o.phones,
    rooms: o.rooms,
    scenario: o.scenario,
    windowS: voteMs / 1000,
    joined: sum((r) => r.joined),
    joinP50Ms: round(percentile(joinLat, 50)),
    joinP99Ms: round(percentile(joinLat, 99)),
    votesAttempted: sum((r) => r.attempted),
    votesAcked: acks.length,
    votesRefused: Object.values(refused).reduce((a, b) => a + b, 0),
    votesPersisted: persisted,
    votesShown: rooms.reduce((a, r) => a + r.screen.shown, 0),
    duplicates: Math.max(0, persisted - acks.length),
    resends: sum((r) => r.resends),
    reconnects: sum((r) => r.reconnects),
    ackP50Ms: round(percentile(ackMs, 50)),
    ackP99Ms: round(percentile(ackMs, 99)),
    ackMaxMs: round(ackMs.reduce((a, b) => Math.max(a, b), 0)),
    screenLagP50Ms: round(percentile(lags, 50)),
    screenLagP99Ms: round(percentile(lags, 99)),
    screenLagMaxMs: round(lags.reduce((a, b) => Math.max(a, b), 0)),
    serverPeakRssMb: round(stats.peakRssMb),
    serverCpuSeconds: round(stats.cpuSeconds, 2),
    serverCpuVotingSeconds: round(votingCpu, 2),
    messagesPerVote: round(messages / Math.max(1, acks.length), 2),
    swarmCpuSeconds: round(sum((r) => r.cpuMs) / 1000, 2),
    swarmCpuPct: round((sum((r) => r.votingCpuMs) / Math.max(1, Math.max(...results.map((r) => r.votingWallMs)))) * 100),
    coordinatorCpuPct: round(coordinatorCpuPct),
    votingWallS: round(votingWallS, 2),
    pinned,
    loadAvgStart: round(loadAvgStart, 2),
    loadAvgEnd: round(loadavg()[0] ?? 0, 2),
  };
}
