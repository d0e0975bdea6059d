/**
 * `npm run bench -- [--phones N] [--rooms R] [--window S] [--scenario votes|join-storm|burst|reconnect-storm]
 *                   [--workers W] [--json FILE] [--skip-baseline] [--no-pin] [--seed N]`
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULTS, runBench } from './run-bench.ts';
import type { BenchOptions, BenchReport, RunFigures, Scenario } from './types.ts';

const SCENARIOS: Scenario[] = ['votes', 'join-storm', 'burst', 'reconnect-storm'];

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
  if (values['skip-baseline']) out.skipBaseline = true;
  if (values['no-pin']) out.pin = false;
  if (values.json) out.json = values.json;
  return out;
}

const ROWS: Array<keyof RunFigures> = [
  'joined',
  'joinP50Ms',
  'joinP99Ms',
  'votesAttempted',
  'votesAcked',
  'votesPersisted',
  'votesShown',
  'duplicates',
  'votesRefused',
  'resends',
  'reconnects',
  'ackP50Ms',
  'ackP99Ms',
  'ackMaxMs',
  'screenLagP50Ms',
  'screenLagP99Ms',
  'screenLagMaxMs',
  'serverPeakRssMb',
  'serverCpuSeconds',
  'serverCpuVotingSeconds',
  'messagesPerVote',
  'swarmCpuSeconds',
  'swarmCpuPct',
  'coordinatorCpuPct',
  'votingWallS',
  'loadAvgStart',
  'loadAvgEnd',
];

export function table(r: BenchReport): string {
  const head = `${'figure'.padEnd(24)}${'fokus'.padStart(12)}${r.baseline ? 'baseline'.padStart(12) + 'ratio'.padStart(10) : ''}`;
  const lines = ROWS.map((k) => {
    const ratio = r.ratios?.[k];
    return `${k.padEnd(24)}${String(r.fokus[k]).padStart(12)}${r.baseline ? String(r.baseline[k]).padStart(12) + (ratio !== undefined ? String(ratio) : '').padStart(10) : ''}`;
  });
  const o = r.options;
  return [
    `${o.scenario}: ${o.phones} phones, ${o.rooms} room(s), window ${o.scenario === 'burst' ? 5 : o.windowS} s, pinned ${r.fokus.pinned}`,
    head,
    ...lines,
  ].join('\n');
}

const isMain = process.argv[1]?.endsWith('bench.ts') === true;
if (isMain) {
  const { json, ...opts } = parseOptions(process.argv.slice(2));
  const report = await runBench({ ...DEFAULTS, ...opts, log: (l) => console.error(l) });
  console.log(table(report));
  const f = report.fokus;
  const lost = f.votesAcked !== f.votesPersisted || f.votesAcked !== f.votesShown || f.votesAcked !== f.votesAttempted || f.duplicates !== 0;
  if (lost) console.log('INVARIANT BROKEN: attempted, acked, persisted and shown differ, or duplicates > 0');
  if (f.swarmCpuPct > 90) console.log(`WARNING: the swarm used ${f.swarmCpuPct}% of its core; the generator may be the bottleneck`);
  if (json) writeFileSync(json, JSON.stringify(report, null, 2));
  process.exit(lost ? 1 : 0);
}
