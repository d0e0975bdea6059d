import { describe, expect, it } from 'vitest';
import { parseOptions } from './bench.ts';
import { fokusConfigs } from './run-bench.ts';
import { startFlags } from './server-process.ts';

describe('bench options', () => {
  it('reads --store, --processes and --compare', () => {
    expect(parseOptions(['--store', 'postgres', '--processes', '3', '--compare', '--phones', '300'])).toEqual({
      store: 'postgres',
      processes: 3,
      compare: true,
      phones: 300,
    });
    expect(parseOptions([])).toEqual({});
  });

  it('reads --scenario soak with its window, and refuses an unknown scenario', () => {
    expect(parseOptions(['--scenario', 'soak', '--window', '1800', '--phones', '500'])).toEqual({ scenario: 'soak', windowS: 1800, phones: 500 });
    expect(() => parseOptions(['--scenario', 'marathon'])).toThrow('soak');
  });

  it('refuses what cannot run: an unknown store, no processes, several processes on SQLite, comparing SQLite with itself', () => {
    expect(() => parseOptions(['--store', 'mysql'])).toThrow('--store');
    expect(() => parseOptions(['--store', 'postgres', '--processes', '0'])).toThrow('--processes');
    expect(() => parseOptions(['--processes', '2'])).toThrow('needs --store postgres');
    expect(() => parseOptions(['--compare'])).toThrow('--compare');
  });

  it('runs single-process SQLite first when comparing, then the configuration asked for', () => {
    expect(fokusConfigs({ store: 'postgres', processes: 3, compare: true })).toEqual([
      { target: 'fokus', store: 'sqlite', processes: 1 },
      { target: 'fokus', store: 'postgres', processes: 3 },
    ]);
    expect(fokusConfigs({ store: 'postgres', processes: 1, compare: false })).toEqual([{ target: 'fokus', store: 'postgres', processes: 1 }]);
    expect(fokusConfigs({ store: 'sqlite', processes: 1, compare: false })).toEqual([{ target: 'fokus', store: 'sqlite', processes: 1 }]);
  });
});

describe('the server as it ships', () => {
  it('is benchmarked with the Node flags of npm start, and start:cluster gives its workers the same', () => {
    const start = 'npm run build && node --max-semi-space-size=64 --trace-gc apps/server/dist/main.js';
    expect(startFlags('start', 'main.js', { start })).toEqual(['--max-semi-space-size=64', '--trace-gc']);
    expect(() => startFlags('start', 'main.js', { start: 'node server.js' })).toThrow('no longer runs');
    expect(startFlags('start:cluster', 'cluster.js')).toEqual(startFlags());
  });
});
