/**
 * How long an answer to a command is kept, in memory and as an op record: a resend comes from a client that
 * still holds the op unacknowledged — Socket.IO's reconnect loop, or a phone's queue kept across a reload —
 * so within the meeting, minutes to hours. A day covers a phone that comes back the same day; after that the
 * meeting is over and nothing would resend. Retention prunes op records older than this.
 */
export const RESEND_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * How long a room keeps an answer in memory, at least (AnswerCache keeps it up to about twice this). Nearly every
 * resend is Socket.IO's reconnect within seconds; an older one finds its answer in the op records (the store refuses
 * the op id a second time, and the room reads the answer there). Two minutes of a hall voting is ~60,000 answers: the
 * memory a room needs stays flat however long the meeting goes on.
 */
export const ANSWER_MEMORY_MS = 2 * 60 * 1000;

/**
 * Answers by op key for resends, forgotten after a window: the map a live room keeps must not grow with every
 * command for as long as the room lives. Two generations, each a window long: an answer is kept at least one window
 * (about two at most while commands keep coming), and forgetting drops a whole generation at once. No entry object
 * and no boxed time per answer: at 5,000 phones the answers were about a seventh of the heap's objects, and every
 * full collection walks them.
 */
export class AnswerCache<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();
  /** When the current generation began (its first write or read). */
  private startedAt: number | null = null;

  constructor(
    private readonly now: () => number,
    private readonly windowMs: number = ANSWER_MEMORY_MS,
  ) {}

  get(key: string): T | undefined {
    this.age(this.now());
    return this.current.get(key) ?? this.previous.get(key);
  }

  set(key: string, value: T): this {
    this.age(this.now());
    this.current.set(key, value);
    // A key set again lives as long as its newest answer.
    this.previous.delete(key);
    return this;
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** A generation a window old becomes the previous one; one two windows old (a quiet room) is gone as well. */
  private age(now: number): void {
    if (this.startedAt === null) this.startedAt = now;
    const elapsed = now - this.startedAt;
    if (elapsed < this.windowMs) return;
    this.previous = elapsed < 2 * this.windowMs ? this.current : new Map();
    this.current = new Map();
    this.startedAt = now;
  }
}
