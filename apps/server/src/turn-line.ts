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
      while (this.head < this.queue.length && this.fits(this.queue[this.head] as Queued)) {
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

  /**
   * A task whose cost is known runs only if it fits in what is left of the turn (or the turn has spent nothing): a
   * hall's 1,000 phones in parts of 250 would otherwise go out two parts a turn. One timed by the clock runs while
   * the turn has time left.
   */
  private fits({ cost }: Queued): boolean {
    if (this.spent === 0) return true;
    return cost === undefined ? this.spent < this.budget : this.spent + cost <= this.budget;
  }

  private readonly nextTurn = (): void => {
    this.nextTurnAsked = false;
    this.spent = 0;
    this.run();
  };
}

/** The process's line for rooms' broadcasts (room-broadcaster.ts). */
export const broadcastLine = new TurnLine();
