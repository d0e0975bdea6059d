import { describe, expect, it } from 'vitest';
import { ERASED_NAME } from '@fokus/core';
import { Rooms } from './rooms.ts';
import { MemoryStore } from './store/memory-store.ts';
import type { StoredEvent } from './store/store.ts';
import type { RoomOutput } from './workshop-room.ts';
import { participantOf } from '@fokus/core';

/** A store whose rewrites fail while `rewriteDown` is set, as with a full disk. */
class FlakyStore extends MemoryStore {
  rewriteDown = false;
  rewrites = 0;
  override async rewriteEvents(workshopId: string, events: readonly StoredEvent[]): Promise<void> {
    if (this.rewriteDown) throw new Error('disk full');
    if (events.length > 0) this.rewrites++;
    return super.rewriteEvents(workshopId, events);
  }
}

const output: RoomOutput = { view: () => {}, tally: () => {}, me: () => {}, removed: () => {} };
const clock = { now: () => Date.now() };
const FAC = { role: 'facilitator' } as const;

async function roomWithPia(store: FlakyStore) {
  const rooms = new Rooms(store, output, clock);
  const { room } = await rooms.create({ template: 'handlingsplan', lang: 'sv' });
  const pia = await room.join('Pia Kanarie', 'Kanariebolaget', undefined);
  if (!pia.ok) throw new Error(pia.message);
  return { rooms, room, participantId: pia.participantId };
}

const storedText = async (store: MemoryStore, id: string) => JSON.stringify(await store.loadEvents(id));

describe('erasing a participant in a live room', () => {
  it('answers only once the stored history is rewritten', async () => {
    const store = new FlakyStore();
    const { room, participantId } = await roomWithPia(store);
    expect(await storedText(store, room.id)).toContain('Kanarie');
    expect(await room.execute(FAC, 'op1', { type: 'participant:remove', participantId, erase: true })).toMatchObject({ ok: true });
    expect(await storedText(store, room.id)).not.toContain('Kanarie');
    expect(participantOf(room.snapshot, participantId)).toMatchObject({ name: ERASED_NAME.sv, organisation: '', removed: true });
  });

  it('does not answer ok while the rewrite fails, and a resend of the same op erases then', async () => {
    const store = new FlakyStore();
    const { room, participantId } = await roomWithPia(store);
    store.rewriteDown = true;
    expect(await room.execute(FAC, 'op1', { type: 'participant:remove', participantId, erase: true })).toMatchObject({
      ok: false,
      error: 'storage_unavailable',
    });
    // The removal is durable, the name not yet gone from the log.
    expect(await storedText(store, room.id)).toContain('Kanarie');
    store.rewriteDown = false;
    expect(await room.execute(FAC, 'op1', { type: 'participant:remove', participantId, erase: true })).toMatchObject({ ok: true });
    expect(await storedText(store, room.id)).not.toContain('Kanarie');
    // Answered once: a further resend gets the same answer and writes nothing.
    const version = room.snapshot.version;
    expect(await room.execute(FAC, 'op1', { type: 'participant:remove', participantId, erase: true })).toMatchObject({ ok: true });
    expect(room.snapshot.version).toBe(version);
  });

  it('a log left with an erased name (a crash between commit and rewrite) is rewritten when the room loads', async () => {
    const store = new FlakyStore();
    const { room, participantId } = await roomWithPia(store);
    store.rewriteDown = true;
    expect(await room.execute(FAC, 'op1', { type: 'participant:remove', participantId, erase: true })).toMatchObject({ ok: false });
    store.rewriteDown = false;
    const fresh = await new Rooms(store, output, clock).get(room.code);
    expect(fresh && participantOf(fresh.snapshot, participantId)?.name).toBe(ERASED_NAME.sv);
    expect(await storedText(store, room.id)).not.toContain('Kanarie');
    // Nothing left to do: a second load rewrites nothing.
    const rewrites = store.rewrites;
    await new Rooms(store, output, clock).get(room.code);
    expect(store.rewrites).toBe(rewrites);
  });
});
