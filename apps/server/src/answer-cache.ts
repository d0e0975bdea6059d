/**
 * How long an answer to a command is kept, in memory and as an op record: a resend comes from a client that
 * still holds the op unacknowledged — Socket.IO's reconnect loop, or a phone's queue kept across a reload —
 * so within the meeting, minutes to hours. A day covers a phone that comes back the same day; after that the
 * meeting is over and nothing would resend. Retention prunes op records older than this.
 */
export const RESEND_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * How long a room keeps an answer in memory. Nearly every resend is Socket.IO's reconnect within seconds; an older
 * one finds its answer in the op records (the store refuses the op id a second time, and the room reads the
 * answer there). Two minutes of a hall voting is ~60,000 answers: the memory a room needs stays flat however long
 * the meeting goes on.
 */
export const ANSWER_MEMORY_MS = 2 * 60 * 1000;

/**
 * Answers by op key for resends, forgotten after a window: the map a live room keeps must not grow with every
 * command for as long as the room lives. Reads and writes like a Map; entries stay in time order (a key set again
 * moves to the end), so forgetting looks only at the oldest.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  constructor(
    private readonly now: () => number,
    private readonly windowMs: number = ANSWER_MEMORY_MS,
  ) {}

  get(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: T): this {
    const at = this.now();
    this.entries.delete(key);
    this.entries.set(key, { value, at });
    this.forgetBefore(at - this.windowMs);
    return this;
  }

  get size(): number {
    return this.entries.size;
  }

  private forgetBefore(cutoff: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.at >= cutoff) return;
      this.entries.delete(key);
    }
  }
}
