import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TallyView, ViewRole, WorkshopView } from '@fokus/protocol';
import { type BroadcastSource, RoomBroadcaster, phoneTallyIntervalMs } from './room-broadcaster.ts';
import type { RoomOutput } from './workshop-room.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A hall voting for `seconds`, a dot every 50 ms: when each role's tallies went out. */
async function hallVoting(phones: number, seconds: number): Promise<Record<ViewRole, number[]>> {
  const sentAt: Record<ViewRole, number[]> = { facilitator: [], screen: [], participant: [] };
  const output: RoomOutput = {
    view: () => {},
    tally: (_id, role) => sentAt[role].push(Date.now()),
    me: () => {},
    removed: () => {},
  };
  let dots = 0;
  const source: BroadcastSource = {
    // A new body each time: every tally differs from the last one sent.
    body: (_role, kind) => (kind === 'tally' ? ({ tallies: { i1: { dots, voters: 1 } } } as unknown as TallyView) : ({} as WorkshopView)),
    version: () => 1,
    me: () => null,
    phonesSeeFigures: () => true,
    phones: () => phones,
    nextTick: () => Infinity,
    tick: () => false,
  };
  const broadcaster = new RoomBroadcaster('w1', output, { now: () => Date.now() }, source);
  const start = Date.now();
  for (let t = 0; t < seconds * 1000; t += 50) {
    dots++;
    broadcaster.markTallies();
    await vi.advanceTimersByTimeAsync(50);
  }
  broadcaster.close();
  for (const role of Object.keys(sentAt) as ViewRole[]) sentAt[role] = sentAt[role].map((at) => at - start);
  return sentAt;
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number));

describe('RoomBroadcaster', () => {
  it("sends phones their tally every second, and in a hall of thousands less often; the screen's stays live", async () => {
    const room = await hallVoting(30, 10);
    expect(room.participant.length).toBeGreaterThanOrEqual(9);
    expect(Math.min(...gaps(room.participant))).toBeGreaterThanOrEqual(1000);

    const hall = await hallVoting(5000, 10);
    expect(Math.min(...gaps(hall.participant))).toBeGreaterThanOrEqual(2000);
    expect(hall.participant.length).toBeGreaterThanOrEqual(4);
    expect(hall.participant.length).toBeLessThanOrEqual(6);
    // The projector's figures are not slowed by the size of the hall.
    expect(hall.screen.length).toBeGreaterThanOrEqual(90);
    expect(Math.max(...gaps(hall.screen))).toBeLessThanOrEqual(150);
  });

  it('spaces phones’ tallies by the hall: a second up to 2,500 phones, then in proportion', () => {
    expect(phoneTallyIntervalMs(0)).toBe(1000);
    expect(phoneTallyIntervalMs(2000)).toBe(1000);
    expect(phoneTallyIntervalMs(2500)).toBe(1000);
    expect(phoneTallyIntervalMs(3000)).toBe(1200);
    expect(phoneTallyIntervalMs(5000)).toBe(2000);
  });

  it('sends a `me` after the turn it was marked in, and nothing at all when the answer carried it', async () => {
    vi.useRealTimers();
    const sent: string[] = [];
    let flushes = 0;
    const output: RoomOutput = {
      view: () => {},
      tally: () => {},
      me: (_id, participantId) => sent.push(participantId),
      removed: () => {},
    };
    const source: BroadcastSource = {
      body: () => ({}) as WorkshopView,
      version: () => 1,
      me: (id) => ({ participantId: id }) as unknown as ReturnType<BroadcastSource['me']>,
      phonesSeeFigures: () => false,
      phones: () => 1,
      nextTick: () => Infinity,
      // Every flush of the room asks the clock first.
      tick: () => {
        flushes++;
        return false;
      },
    };
    const broadcaster = new RoomBroadcaster('w1', output, { now: () => Date.now() }, source);
    const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

    // The voter's own slice went out in its answer, in the same turn: no message, and the room is not flushed.
    broadcaster.markMe(['p1']);
    broadcaster.forgetMe('p1');
    await settle();
    expect(sent).toEqual([]);
    expect(flushes).toBe(0);

    // Someone else's slice changed (a rename): it goes out once this turn is over, in one flush.
    broadcaster.markMe(['p2']);
    expect(sent).toEqual([]);
    await settle();
    expect(sent).toEqual(['p2']);
    expect(flushes).toBe(1);
    broadcaster.close();
  });

  it('hands the output each message as the JSON it compared, equal to the message; phones’ tallies as objects', async () => {
    vi.useRealTimers();
    const sent: Array<{ kind: string; role: ViewRole; msg: unknown; json: string | undefined }> = [];
    const output: RoomOutput = {
      view: (_id, role, msg, json) => sent.push({ kind: 'view', role, msg, json }),
      tally: (_id, role, msg, json) => sent.push({ kind: 'tally', role, msg, json }),
      me: () => {},
      removed: () => {},
    };
    const source: BroadcastSource = {
      body: (role, kind) =>
        (kind === 'tally'
          ? { dots: 3, tallies: { i1: { dots: 3, voters: 2 } } }
          : { role, title: 'Samverkansöverenskommelsefrågor "citat" \u2028' }) as unknown as WorkshopView,
      version: (role) => (role === 'participant' ? 9 : 7),
      me: () => null,
      phonesSeeFigures: () => true,
      phones: () => 30,
      nextTick: () => Infinity,
      tick: () => false,
    };
    const broadcaster = new RoomBroadcaster('w1', output, { now: () => 1_764_000_000_123 }, source);
    broadcaster.markAll();
    await new Promise((resolve) => setTimeout(resolve, 20));
    broadcaster.close();
    expect(sent).toHaveLength(6);
    for (const m of sent) {
      if (m.kind === 'tally' && m.role === 'participant') expect(m.json).toBeUndefined();
      else expect(JSON.parse(m.json ?? 'null')).toEqual(m.msg);
    }
  });
});
