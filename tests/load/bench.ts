/**
 * `npm run bench -- [--phones N] [--rooms R] [--window S] [--scenario votes|join-storm|burst|reconnect-storm|soak]
 *                   [--workers W] [--json FILE] [--skip-baseline] [--no-pin] [--seed N]
 *                   [--store sqlite|postgres] [--processes N] [--compare]`
 * --store postgres: a fresh database on BENCH_POSTGRES_URL's server (default postgres://postgres@127.0.0.1:5432/test),
 * dropped after; --processes N > 1 links the processes through Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379).
 * --compare: single-process SQLite first, then the configuration asked for, then the baseline, in one table.
 * --scenario soak: the phones add and take back dots at a steady pace for the whole --window (e.g. 1800), while the
 * servers' memory is sampled; rssSlopeMbPerMin says whether it stays flat after the warm-up.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULTS, fokusConfigs, runBench, runLabel } from './run-bench.ts';
import type { BenchOptions, BenchReport, RunFigures, Scenario, StoreKind } from './types.ts';

const SCENARIOS: Scenario[] = ['votes', 'join-storm', 'burst', 'reconnect-storm', 'soak'];
const STORES: StoreKind[] = ['sqlite', 'postgres'];

export function parseOptions(argv: string[]): Partial<BenchOptions> & { json?: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      phones: { type: 'string' },
      rooms: { type: 'string' },
      window: { type: 'string' },
      scenario: { type: 'string' },
      workers: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'string' },
      'skip-baseline': { type: 'boolean' },
      'no-pin': { type: 'boolean' },
      store: { type: 'string' },
      processes: { type: 'string' },
      compare: { type: 'boolean' },
    },
  });
  const int = (v: string | undefined, name: string, min: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
    return n;
  };
  const scenario = values.scenario;
  if (scenario !== undefined && !SCENARIOS.includes(scenario as Scenario)) throw new Error(`--scenario: one of ${SCENARIOS.join(', ')}`);
  const store = values.store;
  if (store !== undefined && !STORES.includes(store as StoreKind)) throw new Error(`--store: one of ${STORES.join(', ')}`);
  const out: Partial<BenchOptions> & { json?: string } = {};
  const set = <K extends keyof BenchOptions>(k: K, v: BenchOptions[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('phones', int(values.phones, 'phones', 1));
  set('rooms', int(values.rooms, 'rooms', 1));
  set('windowS', int(values.window, 'window', 1));
  set('workers', int(values.workers, 'workers', 1));
  set('seed', int(values.seed, 'seed', 0));
  set('scenario', scenario as Scenario | undefined);
  set('store', store as StoreKind | undefined);
  set('processes', int(values.processes, 'processes', 1));
  if (values.compare) out.compare = true;
  // Refuse a combination that cannot run before anything starts.
  fokusConfigs({ ...DEFAULTS, ...out });
  if (values['skip-baseline']) out.skipBaseline = true;
  if (values['no-pin']) out.pin = false;
  if (values.json) out.json = values.json;
  return out;
}

const ROWS: Array<keyof RunFigures> = [
  'joined',
  'joinP50Ms',
  'joinP99Ms',
  'joinConnectP50Ms',
  'joinConnectP99Ms',
  'joinUnsavedAnswers',
  'votesAttempted',
  'votesAcked',
  'dotsHeld',
  'votesPersisted',
  'votesShown',
  'duplicates',
  'votesRefused',
  'votesUnsavedAnswers',
  'resends',
  'reconnects',
  'ackP50Ms',
  'ackP99Ms',
  'ackMaxMs',
  'screenLagP50Ms',
  'screenLagP99Ms',
  'screenLagMaxMs',
  'screenCrossProcessShare',
  'serverPeakRssMb',
  'rssSamples',
  'rssStartMb',
  'rssEndMb',
  'rssMaxMb',
  'rssSlopeMbPerMin',
  'serverCpuSeconds',
  'serverCpuVotingSeconds',
  'messagesPerVote',
  'storeCommits',
  'writesPerCommit',
  'maxLoopBlockMs',
  'gcMs',
  'maxGcPauseMs',
  'maxCommitMs',
  'mainCpuMsPer1000Votes',
  'otherCpuMsPer1000Votes',
  'voteCommits',
  'voteCommitsPerS',
  'votesPerCommit',
  'dbXactCommits',
  'dbXactRollbacks',
  'dbCpuSeconds',
  'swarmCpuSeconds',
  'swarmCpuPct',
  'coordinatorCpuPct',
  'votingWallS',
  'loadAvgStart',
  'loadAvgEnd',
];

const cell = (v: unknown): string => (typeof v === 'number' && !Number.isFinite(v) ? '-' : String(v ?? ''));

/** One column per Fokus configuration, the baseline, then each configuration's ratio to the baseline. */
export function table(r: BenchReport): string {
  const runs = r.runs ?? [r.fokus];
  const ratios = r.runRatios ?? [r.ratios];
  const cols = [...runs.map(runLabel), ...(r.baseline ? ['baseline', ...runs.map((f) => `${runLabel(f)}/base`)] : [])];
  const head = `${'figure'.padEnd(24)}${cols.map((c) => c.padStart(16)).join('')}`;
  const lines = ROWS.map((k) => {
    // The CPU ratio compares the voting window only: it is shown on that row, not beside the whole-run seconds.
    const ratioOf = (q: Record<string, number> | null) => (k === 'serverCpuSeconds' ? undefined : q?.[k]);
    const values = [...runs.map((f) => f[k]), ...(r.baseline ? [r.baseline[k], ...ratios.map(ratioOf)] : [])];
    return `${k.padEnd(24)}${values.map((v) => cell(v).padStart(16)).join('')}`;
  });
  const o = r.options;
  return [
    `${o.scenario}: ${o.phones} phones, ${o.rooms} room(s), window ${o.scenario === 'burst' ? 5 : o.windowS} s, pinned ${r.fokus.pinned}, ${r.date}`,
    head,
    ...lines,
  ].join('\n');
}

/**
 * The runs that broke the invariant: every vote command attempted is acked, and the store and the projector end on
 * exactly the dots the phones hold by their acks (without removals: every dot persisted and shown once).
 */
export function brokenRuns(r: BenchReport): string[] {
  return (r.runs ?? [r.fokus])
    .filter((f) => f.dotsHeld !== f.votesPersisted || f.dotsHeld !== f.votesShown || f.votesAcked !== f.votesAttempted || f.duplicates !== 0)
    .map(runLabel);
}

const isMain = process.argv[1]?.endsWith('bench.ts') === true;
if (isMain) {
  const { json, ...opts } = parseOptions(process.argv.slice(2));
  const report = await runBench({ ...DEFAULTS, ...opts, log: (l) => console.error(l) });
  console.log(table(report));
  const broken = brokenRuns(report);
  const lost = broken.length > 0;
  if (lost)
    console.log(`INVARIANT BROKEN in ${broken.join(', ')}: attempted and acked differ, persisted or shown differ from the dots held, or duplicates > 0`);
  for (const f of report.runs) {
    if (f.joined < f.phones) console.log(`JOINS FAILED in ${runLabel(f)}: ${f.phones - f.joined} of ${f.phones} phones could not join`);
    if (f.swarmCpuPct > 90) console.log(`WARNING: ${runLabel(f)}: the swarm used ${f.swarmCpuPct}% of its core; the generator may be the bottleneck`);
  }
  if (json) writeFileSync(json, JSON.stringify(report, null, 2));
  const joinsFailed = report.runs.some((f) => f.joined < f.phones);
  process.exit(lost || joinsFailed ? 1 : 0);
}
