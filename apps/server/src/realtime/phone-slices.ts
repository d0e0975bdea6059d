/**
 * A workshop's phones are split over this many Socket.IO rooms, and a message to all of them goes out a few slices
 * per event-loop turn: 5,000 phones written in one go would hold the loop for tens of milliseconds, and every
 * vote waiting behind it would wait that long for its answer.
 */
export const PHONE_SLICES = 16;

/**
 * About this many phones are written in one turn: a room of 30 goes out in one turn and one encoding (with a
 * hundred such rooms, sixteen small broadcasts each were sixteen encodings and sixteen turns), a hall of 5,000 in 16.
 */
export const PHONES_PER_TURN = 256;

let next = 0;

/** The slice a new phone socket joins: round robin, so slices stay even as sockets come and go. */
export function nextSlice(): number {
  next = (next + 1) % PHONE_SLICES;
  return next;
}

/**
 * How many turns a workshop's phone messages take. It never goes down (`before`): a slice's turn only ever moves
 * later as the count grows (slicesInTurn), so a message never overtakes the one sent before it.
 */
export function turnsFor(phones: number, before: number): number {
  return Math.max(before, Math.min(PHONE_SLICES, Math.ceil(phones / PHONES_PER_TURN)));
}

/** The slices written in turn `turn` of `turns`: contiguous runs, slice s in turn ⌊s · turns / 16⌋. */
export function slicesInTurn(turn: number, turns: number): number[] {
  const slices: number[] = [];
  for (let s = 0; s < PHONE_SLICES; s++) if (Math.floor((s * turns) / PHONE_SLICES) === turn) slices.push(s);
  return slices;
}

/**
 * Calls `send(turn)` for every turn in order: the first now, each next one on a later turn. Turns keep their
 * order, so every socket still gets one workshop's messages in the order they were sent.
 */
export function inTurns(send: (turn: number) => void, turns: number, defer: (fn: () => void) => void = setImmediate): void {
  let turn = 0;
  const step = (): void => {
    send(turn);
    if (++turn < turns) defer(step);
  };
  step();
}
