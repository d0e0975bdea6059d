/**
 * A workshop's phones are split over this many Socket.IO rooms, so a message to a hall can go out in parts.
 */
export const PHONE_SLICES = 16;

/**
 * About this many phones are written per event-loop turn, over all workshops: 5,000 phones written in one go
 * would hold the loop for tens of milliseconds, and so would a hundred rooms of 30 whose broadcasts fall due
 * together; every vote waiting behind them would wait that long for its answer.
 */
export const PHONES_PER_TURN = 256;

let next = 0;

/** The slice a new phone socket joins: round robin, so slices stay even as sockets come and go. */
export function nextSlice(): number {
  next = (next + 1) % PHONE_SLICES;
  return next;
}

/** The slices written in part `part` of `parts`: contiguous runs, slice s in part ⌊s · parts / 16⌋. */
export function slicesInPart(part: number, parts: number): number[] {
  const slices: number[] = [];
  for (let s = 0; s < PHONE_SLICES; s++) if (Math.floor((s * parts) / PHONE_SLICES) === part) slices.push(s);
  return slices;
}

interface Part {
  phones: number;
  send: () => void;
}

/**
 * Messages to phones, queued in one line for the whole process and written about PHONES_PER_TURN phones per turn:
 * the first part at once, the rest on later turns, so answers to votes get in between. A small room's message is
 * one part (one broadcast, encoded once); a hall's is up to sixteen. One line keeps every socket's messages in the
 * order they were sent.
 */
export class PhoneFanout {
  private queue: Part[] = [];
  private head = 0;
  /** Phones written in this turn, and whether the next turn is already asked for. */
  private spent = 0;
  private nextTurnAsked = false;

  constructor(
    private readonly defer: (fn: () => void) => void = setImmediate,
    private readonly perTurn = PHONES_PER_TURN,
  ) {}

  /** Queues one message to a workshop's `phones` phones; `sendTo` writes it to the sockets in these slices. */
  send(phones: number, sendTo: (slices: number[]) => void): void {
    if (phones <= 0) return;
    const parts = Math.min(PHONE_SLICES, Math.ceil(phones / this.perTurn));
    for (let part = 0; part < parts; part++) {
      const slices = slicesInPart(part, parts);
      this.queue.push({ phones: phones / parts, send: () => sendTo(slices) });
    }
    this.write();
  }

  private write(): void {
    while (this.head < this.queue.length && this.spent < this.perTurn) {
      const part = this.queue[this.head++] as Part;
      this.spent += part.phones;
      part.send();
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    // The turn's budget starts again on the next turn, which also writes what is still waiting.
    if (this.spent > 0 && !this.nextTurnAsked) {
      this.nextTurnAsked = true;
      this.defer(this.nextTurn);
    }
  }

  private readonly nextTurn = (): void => {
    this.nextTurnAsked = false;
    this.spent = 0;
    this.write();
  };
}
