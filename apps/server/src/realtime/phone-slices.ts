/**
 * A workshop's phones are split over this many Socket.IO rooms, and a message to all of them goes out one slice
 * per event-loop turn: 5,000 phones written in one go would hold the loop for tens of milliseconds, and every
 * vote waiting behind it would wait that long for its answer.
 */
export const PHONE_SLICES = 16;

let next = 0;

/** The slice a new phone socket joins: round robin, so slices stay even as sockets come and go. */
export function nextSlice(): number {
  next = (next + 1) % PHONE_SLICES;
  return next;
}

/**
 * Calls `send(slice)` for every slice in order: the first now, each next one on a later turn. Slices keep their
 * order, so every socket still gets one workshop's messages in the order they were sent.
 */
export function inSlices(send: (slice: number) => void, defer: (fn: () => void) => void = setImmediate, slices = PHONE_SLICES): void {
  let slice = 0;
  const step = (): void => {
    send(slice);
    if (++slice < slices) defer(step);
  };
  step();
}
