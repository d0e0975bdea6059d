import { performance } from 'node:perf_hooks';

/**
 * Work that many rooms schedule for the same moment, run in one line a few milliseconds per event-loop turn. A
 * hundred rooms whose broadcasts fall due together would otherwise run back to back in one timers phase (100 ms
 * and more), and every vote waiting on the socket would wait that long for its answer.
 */
interface Queued {
  task: () => void;
  cost: number | undefined;
}

export class TurnLine {
  private queue: Queued[] = [];
  private head = 0;
  /** What this turn has spent (milliseconds, or the tasks' own costs), and whether the next turn is asked for. */
  private spent = 0;
  private nextTurnAsked = false;

  constructor(
    private readonly budget = 5,
    private readonly defer: (fn: () => void) => void = setImmediate,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Runs `task` now if this turn has budget left, else on a later turn; tasks run in the order added. A task costs
   * the milliseconds it takes, or `cost` in the line's own unit (phones written, for the phone line).
   */
  add(task: () => void, cost?: number): void {
    this.queue.push({ task, cost });
    this.run();
  }

  private run(): void {
    try {
      while (this.head < this.queue.length && this.spent < this.budget) {
        const { task, cost } = this.queue[this.head++] as Queued;
        const started = this.now();
        try {
          task();
        } finally {
          this.spent += cost ?? this.now() - started;
        }
      }
    } finally {
      // Also after a task threw: the line goes on with the next turn.
      if (this.head === this.queue.length) {
        this.queue = [];
        this.head = 0;
      } else if (this.head > 1024) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      if ((this.spent > 0 || this.head < this.queue.length) && !this.nextTurnAsked) {
        this.nextTurnAsked = true;
        this.defer(this.nextTurn);
      }
    }
  }

  private readonly nextTurn = (): void => {
    this.nextTurnAsked = false;
    this.spent = 0;
    this.run();
  };
}

/** The process's line for rooms' broadcasts (room-broadcaster.ts). */
export const broadcastLine = new TurnLine();
