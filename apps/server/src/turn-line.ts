import { performance } from 'node:perf_hooks';

/**
 * Work that many rooms schedule for the same moment, run in one line a few milliseconds per event-loop turn. A
 * hundred rooms whose broadcasts fall due together would otherwise run back to back in one timers phase (100 ms
 * and more), and every vote waiting on the socket would wait that long for its answer.
 */
export class TurnLine {
  private queue: Array<() => void> = [];
  private head = 0;
  /** Milliseconds spent in this turn, and whether the next turn is already asked for. */
  private spent = 0;
  private nextTurnAsked = false;

  constructor(
    private readonly budgetMs = 5,
    private readonly defer: (fn: () => void) => void = setImmediate,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `task` now if this turn has time left, else on a later turn; tasks run in the order added. */
  add(task: () => void): void {
    this.queue.push(task);
    this.run();
  }

  private run(): void {
    try {
      while (this.head < this.queue.length && this.spent < this.budgetMs) {
        const task = this.queue[this.head++] as () => void;
        const started = this.now();
        try {
          task();
        } finally {
          this.spent += this.now() - started;
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
