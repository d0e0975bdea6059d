/** Shared shapes of the load harness: options, the coordinator <-> worker messages, and the report. */

/** soak: every phone adds its dots and takes them back, over and over, at a steady pace for the whole window. */
export type Scenario = 'votes' | 'join-storm' | 'burst' | 'reconnect-storm' | 'soak';
export type Target = 'fokus' | 'baseline';
/** Where Fokus keeps its log: the embedded SQLite file (one process) or PostgreSQL (one or several processes). */
export type StoreKind = 'sqlite' | 'postgres';

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
  /** Fokus server processes; more than one needs PostgreSQL and links them through Redis. */
  processes: number;
  store: StoreKind;
  /** Also run single-process SQLite first, so one report shows it beside `store` x `processes`. */
  compare: boolean;
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
  /** One address per server process: phone i of a room (counted within the room) uses urls[i % urls.length]. */
  urls: string[];
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

/**
 * One acknowledged command: which room, through which server process, when sent, when acked (epoch ms, sub-ms
 * precision), and what it did to the phone's dots: +1 a dot added, -1 a dot taken back (soak only).
 */
export interface AckRecord {
  room: number;
  process: number;
  sentAt: number;
  ackedAt: number;
  delta: 1 | -1;
}

export interface WorkerResult {
  type: 'done';
  joined: number;
  joinFailed: number;
  joinMs: number[];
  /** Of each join, the part until the socket was connected (the handshake); the rest is the join's answer. */
  joinConnectMs: number[];
  /** Join answers that said nothing was saved; the phone tried again after 3 s with the same token. */
  joinUnsaved: number;
  /** Why the phones that never joined failed, by their last answer's error (or no_answer). */
  joinErrors: Record<string, number>;
  attempted: number;
  acked: AckRecord[];
  refused: Record<string, number>;
  /** Answers that said nothing was saved (storage_unavailable), by error; each was sent again after 3 s. */
  unsaved: Record<string, number>;
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
  /** 'memory' for the baseline. */
  store: StoreKind | 'memory';
  processes: number;
  phones: number;
  rooms: number;
  scenario: Scenario;
  windowS: number;
  joined: number;
  joinP50Ms: number;
  joinP99Ms: number;
  joinConnectP50Ms: number;
  joinConnectP99Ms: number;
  /** storage_unavailable answers to joins, each tried again after 3 s with the same token. */
  joinUnsavedAnswers: number;
  /** Vote commands: in the soak adds and removes both count. */
  votesAttempted: number;
  votesAcked: number;
  /** Dots the phones hold at the end by their acks: acked adds minus acked removes (without removes, votesAcked). */
  dotsHeld: number;
  votesRefused: number;
  /** storage_unavailable answers to votes, each resent with the same op id after 3 s (as the web client does). */
  votesUnsavedAnswers: number;
  /** Dots read back from the store after the server stopped, vote.added minus vote.removed (baseline: what its memory counted). */
  votesPersisted: number;
  /** Dots the projector shows at the end. */
  votesShown: number;
  /** Dots stored beyond those the phones hold (a command applied twice); fewer than held means some were lost. */
  duplicates: number;
  resends: number;
  reconnects: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  /** NaN in the soak: the lag is matched by counting dots (stats.ts screenLags), which removals undo. */
  screenLagP50Ms: number;
  screenLagP99Ms: number;
  screenLagMaxMs: number;
  /** Share of the acked dots cast through another process than the one the projector is connected to. */
  screenCrossProcessShare: number;
  /** Summed over the server processes (a sum of each one's peak, so at most the peak of the sum). */
  serverPeakRssMb: number;
  serverCpuSeconds: number;
  serverCpuVotingSeconds: number;
  /**
   * VmRSS summed over the server processes, sampled every 10 s of the voting window (rssSamples: how many). Start,
   * end and slope (least squares, MB per minute) leave out the warm-up (stats.ts warmUpS); the max is of all samples.
   * NaN when the window is too short for a slope.
   */
  rssSamples: number;
  rssStartMb: number;
  rssEndMb: number;
  rssMaxMb: number;
  rssSlopeMbPerMin: number;
  messagesPerVote: number;
  /** From Fokus's GET /api/metrics over the voting window (NaN for the baseline): the committer's batches. */
  storeCommits: number;
  /** Commands (writes) per batch: what the group commit gathers per fsync (SQLite) or transaction (PostgreSQL). */
  writesPerCommit: number;
  /** The longest the event loop was blocked (monitorEventLoopDelay, 5 ms resolution), the longest of any process. */
  maxLoopBlockMs: number;
  /** Garbage collection during the voting window: all its pauses, and the longest. */
  gcMs: number;
  maxGcPauseMs: number;
  /** The longest a commit took to become durable (every ack in it waited that long), the longest of any process. */
  maxCommitMs: number;
  /** CPU per 1,000 acknowledged votes: the main thread (event-loop busy time), and the rest (store writer, GC threads). */
  mainCpuMsPer1000Votes: number;
  otherCpuMsPer1000Votes: number;
  /**
   * PostgreSQL only (NaN otherwise). Vote commits: the distinct transactions (xmin) that stored the vote events,
   * i.e. commit batches that carried votes; per second of the voting window; vote events per such commit.
   */
  voteCommits: number;
  voteCommitsPerS: number;
  votesPerCommit: number;
  /** pg_stat_database of the run's own database, from the first server's start to the last one's stop (reads too). */
  dbXactCommits: number;
  /** Rolled back transactions (a commit that lost the per-workshop seq race is one). */
  dbXactRollbacks: number;
  /** CPU of the PostgreSQL backends serving the run's database, sampled every 250 ms (a backend's last < 250 ms may be missed). */
  dbCpuSeconds: number;
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
  /** The configuration asked for (`store` x `processes`). */
  fokus: RunFigures;
  /** Every Fokus configuration run, in order: with --compare single-process SQLite first, then `fokus`. */
  runs: RunFigures[];
  baseline: RunFigures | null;
  /** Fokus / baseline for the latency and cost figures, of `fokus`. */
  ratios: Record<string, number> | null;
  /** The same, per entry of `runs`. */
  runRatios: Array<Record<string, number> | null>;
}
