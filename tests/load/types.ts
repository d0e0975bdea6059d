/** Shared shapes of the load harness: options, the coordinator <-> worker messages, and the report. */

export type Scenario = 'votes' | 'join-storm' | 'burst' | 'reconnect-storm';
export type Target = 'fokus' | 'baseline';

export interface BenchOptions {
  phones: number;
  rooms: number;
  /** Voting window in seconds (the burst scenario uses 5 s). */
  windowS: number;
  scenario: Scenario;
  skipBaseline: boolean;
  /** Swarm worker processes (each a separate Node process). */
  workers: number;
  /** Pin server to core 0 and harness to core 1 when `taskset` exists. */
  pin: boolean;
  /** 'auto' runs dist/main.js when built, else the TypeScript source through tsx. */
  serverFrom: 'auto' | 'dist' | 'source';
  dotsPerPhone: number;
  ideasPerRoom: number;
  seed: number;
  log: (line: string) => void;
}

export interface RoomSpec {
  index: number;
  code: string;
  ideaIds: string[];
}

export interface StartMessage {
  type: 'start';
  target: Target;
  url: string;
  scenario: Scenario;
  rooms: RoomSpec[];
  /** Global phone numbers [from, to) this worker simulates; phone i goes to room i % rooms. */
  phoneFrom: number;
  phoneTo: number;
  joinWindowMs: number;
  voteWindowMs: number;
  dotsPerPhone: number;
  seed: number;
}

/** One acknowledged dot: which room, when sent, when acked (epoch ms, sub-ms precision). */
export interface AckRecord {
  room: number;
  sentAt: number;
  ackedAt: number;
}

export interface WorkerResult {
  type: 'done';
  joined: number;
  joinFailed: number;
  joinMs: number[];
  attempted: number;
  acked: AckRecord[];
  refused: Record<string, number>;
  resends: number;
  reconnects: number;
  /** Messages received after this phone saw voting open: pushes plus acks. */
  messages: number;
  /** CPU (user + system) and wall time of the whole worker, and of its voting phase alone. */
  cpuMs: number;
  wallMs: number;
  votingCpuMs: number;
  votingWallMs: number;
}

export type WorkerMessage = { type: 'joined'; joined: number; failed: number } | WorkerResult | { type: 'error'; message: string };
export type CoordinatorMessage = StartMessage | { type: 'stop' };

export interface RunFigures {
  target: Target;
  phones: number;
  rooms: number;
  scenario: Scenario;
  windowS: number;
  joined: number;
  joinP50Ms: number;
  joinP99Ms: number;
  votesAttempted: number;
  votesAcked: number;
  votesRefused: number;
  /** Read back from the store after the server stopped (baseline: what its memory counted). */
  votesPersisted: number;
  votesShown: number;
  duplicates: number;
  resends: number;
  reconnects: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  screenLagP50Ms: number;
  screenLagP99Ms: number;
  screenLagMaxMs: number;
  serverPeakRssMb: number;
  serverCpuSeconds: number;
  serverCpuVotingSeconds: number;
  messagesPerVote: number;
  swarmCpuSeconds: number;
  /** Swarm workers' CPU over their wall time, in % of one core (summed over workers). */
  swarmCpuPct: number;
  coordinatorCpuPct: number;
  votingWallS: number;
  pinned: boolean;
  /** 1-minute load average before and after: other work on the machine skews the timings. */
  loadAvgStart: number;
  loadAvgEnd: number;
}

export interface BenchReport {
  date: string;
  options: Omit<BenchOptions, 'log'>;
  fokus: RunFigures;
  baseline: RunFigures | null;
  /** Fokus / baseline for the latency and cost figures. */
  ratios: Record<string, number> | null;
}
