/** Starts a server under test in its own process and reads its CPU and memory from /proc. */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const CLK_TCK = 100;

export function hasTaskset(): boolean {
  return spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0 && spawnSync('nproc').stdout?.toString().trim() !== '1';
}

/** Pins a running process to one core (best effort). */
export function pin(pid: number, core: number): void {
  spawnSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ProcStats {
  cpuSeconds: number;
  /** The main thread's own (its task id is the pid): the event loop; the rest is the store's writer, GC and other threads. */
  mainThreadCpuSeconds: number;
  peakRssMb: number;
}

/** utime + stime and VmHWM (the kernel's own peak RSS) of a live process. */
export function procStats(pid: number): ProcStats {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
    const main = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const mainFields = main.slice(main.lastIndexOf(')') + 2).split(' ');
    const mainThreadCpuSeconds = (Number(mainFields[11]) + Number(mainFields[12])) / CLK_TCK;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return { cpuSeconds, mainThreadCpuSeconds, peakRssMb: Number(hwm ?? 0) / 1024 };
  } catch {
    return { cpuSeconds: Number.NaN, mainThreadCpuSeconds: Number.NaN, peakRssMb: Number.NaN };
  }
}

/** VmRSS, the resident memory now (VmHWM in procStats is the peak, which cannot show memory going back down). */
export function rssMb(pid: number): number {
  try {
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return rss === undefined ? Number.NaN : Number(rss) / 1024;
  } catch {
    return Number.NaN;
  }
}

export interface ServerHandle {
  url: string;
  pid: number;
  stats(): ProcStats;
  rssMb(): number;
  stop(): Promise<void>;
}

export interface ServerSpec {
  /** Node arguments after `node`, e.g. ['apps/server/dist/main.js']. */
  args: string[];
  env: Record<string, string>;
  pinCore: number | null;
}

/** Node flags from an environment variable, space-separated. */
const flagsFrom = (name: string): string[] => (process.env[name] ?? '').split(' ').filter(Boolean);

/** The Fokus server: the production bundle when built (or required), else the source through tsx. */
export function fokusArgs(from: 'auto' | 'dist' | 'source'): string[] {
  // e.g. BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the server under load.
  return [...flagsFrom('BENCH_SERVER_NODE_ARGS'), ...fokusEntry(from)];
}

/** The baseline server, with BENCH_BASELINE_NODE_ARGS (e.g. a preload that logs its event loop's gaps) in front. */
export function baselineArgs(): string[] {
  return [...flagsFrom('BENCH_BASELINE_NODE_ARGS'), '--import', 'tsx', join(import.meta.dirname, 'baseline-server.ts')];
}

function fokusEntry(from: 'auto' | 'dist' | 'source'): string[] {
  const dist = join(ROOT, 'apps/server/dist/main.js');
  const flags = startFlags();
  if (from === 'dist' || (from === 'auto' && existsSync(dist))) return [...flags, dist];
  return [...flags, '--import', 'tsx', join(ROOT, 'apps/server/src/main.ts')];
}

/** The Node flags `npm start` runs the server with (package.json): the bench measures the server as it ships. */
export function startFlags(script = 'start', entry = 'main.js', scripts = packageScripts()): string[] {
  const flags = new RegExp(`node ((?:--\\S+ )*)apps/server/dist/${entry.replace('.', '\\.')}`).exec(scripts[script] ?? '');
  if (!flags) throw new Error(`package.json's ${script} no longer runs apps/server/dist/${entry}`);
  return (flags[1] ?? '').split(' ').filter(Boolean);
}

const packageScripts = (): Record<string, string> =>
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

export async function startServer(spec: ServerSpec, log: (l: string) => void): Promise<ServerHandle> {
  const port = await freePort();
  const node = [process.execPath, ...spec.args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const pinned = spec.pinCore !== null ? `taskset -c ${spec.pinCore} ` : '';
  // exec keeps the PID, so /proc/PID is the server's own; the fd limit goes as high as allowed.
  // e.g. BENCH_SERVER_STDOUT=/tmp/gc.log with BENCH_SERVER_NODE_ARGS=--trace-gc: the server's output, appended there.
  const out = process.env.BENCH_SERVER_STDOUT ? openSync(process.env.BENCH_SERVER_STDOUT, 'a') : 'ignore';
  const child: ChildProcess = spawn('bash', ['-c', `ulimit -n $(ulimit -Hn) 2>/dev/null; exec ${pinned}${node}`], {
    cwd: ROOT,
    env: { ...process.env, ...spec.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', out, 'pipe'],
  });
  if (typeof out === 'number') closeSync(out);
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not come up: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid ?? 0;
  log(`server ${spec.args.at(-1) ?? ''} pid ${pid} on ${url}`);
  return {
    url,
    pid,
    stats: () => procStats(pid),
    rssMb: () => rssMb(pid),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      if (stderr.trim()) log(`server stderr: ${stderr.trim().slice(-500)}`);
    },
  };
}
