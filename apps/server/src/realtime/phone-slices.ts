import { TurnLine } from '../turn-line.ts';

/**
 * A workshop's phones are split over this many Socket.IO rooms, so a message to a hall can go out in parts.
 */
export const PHONE_SLICES = 32;

/**
 * At most about this many phones are written per event-loop turn, over all workshops: 5,000 phones written in one
 * go would hold the loop for tens of milliseconds, and so would a hundred rooms of 30 whose broadcasts fall due
 * together; every vote waiting behind them would wait that long for its answer. A vote that arrives during one turn
 * is answered after the next (its commit's answer waits for it), so it feels two: at 40–70 µs a phone on a slow
 * core, 128 a turn keeps that near 15 ms.
 */
export const PHONES_PER_TURN = 128;

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

/**
 * Messages to phones, queued in one line for the whole process and written about PHONES_PER_TURN phones per turn:
 * the first part at once, the rest on later turns, so answers to votes get in between. A small room's message is
 * one part (one broadcast, encoded once); a hall's is up to PHONE_SLICES. One line keeps every socket's messages in the
 * order they were sent.
 */
export class PhoneFanout {
  constructor(private readonly line = new TurnLine(PHONES_PER_TURN)) {}

  /** Queues one message to a workshop's `phones` phones; `sendTo` writes it to the sockets in these slices. */
  send(phones: number, sendTo: (slices: number[]) => void): void {
    if (phones <= 0) return;
    const parts = Math.min(PHONE_SLICES, Math.ceil(phones / PHONES_PER_TURN));
    for (let part = 0; part < parts; part++) {
      const slices = slicesInPart(part, parts);
      this.line.add(() => sendTo(slices), phones / parts);
    }
  }
}
