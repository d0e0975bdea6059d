import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ClientCommand, CommandAck, CreateWorkshopResponse } from '@fokus/protocol';
import { MemoryStore } from '../../apps/server/src/store/memory-store.ts';
import type { WorkshopRecord, WorkshopWrite } from '../../apps/server/src/store/store.ts';
import { connectRefusal, createWorkshop, newOpId } from '../support/fokus-client.ts';
import { trackedServers } from '../support/tracked.ts';

const { start, connect, stopAll } = trackedServers();

/** A workshop with one idea, voting open with room for many dots, and one phone in it. */
async function votingWorkshop(url: string) {
  const created = await createWorkshop(url);
  const facilitator = await connect(url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  await facilitator.must({ type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'Studieresa' });
  await facilitator.must({ type: 'voting:configure', settings: { budget: 100 } });
  await facilitator.must({ type: 'voting:open' });
  const phone = await connect(url, { code: created.code, role: 'participant' });
  const joined = await phone.join('Pia');
  if (!joined.ok) throw new Error(joined.message);
  return { created, facilitator, phone };
}

const vote: ClientCommand = { type: 'vote:add', ideaId: 'i1' };

async function health(url: string): Promise<{ status: number; body: { ok: boolean; reason?: string } }> {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; reason?: string } };
}

/** The log lines a server writes, parsed. */
function logLines() {
  const lines: { msg?: string; workshop?: string; seq?: number; level?: number }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
      done();
    },
  });
  return { lines, stream };
}

function votesIn(dbFile: string, workshopId: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM events WHERE workshop_id = ? AND type = 'vote.added'").get(workshopId) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('a workshop whose log cannot be replayed', () => {
  it('is quarantined with one log line and 503 / connect error `unavailable`, while every other workshop serves on', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fokus-quarantine-'));
    const first = await start(dataDir);
    const throwing = await votingWorkshop(first.url);
    const unreadable = await votingWorkshop(first.url);
    const healthy = await votingWorkshop(first.url);
    await stopAll();

    // Poison two logs directly in the file: an event evolve cannot apply, and a row that is not JSON.
    const db = new Database(join(dataDir, 'fokus.db'));
    const last = (id: string) => (db.prepare('SELECT MAX(seq) AS seq FROM events WHERE workshop_id = ?').get(id) as { seq: number }).seq;
    const throwingSeq = last(throwing.created.workshopId) + 1;
    db.prepare('INSERT INTO events (workshop_id, seq, type, data) VALUES (?, ?, ?, ?)').run(
      throwing.created.workshopId,
      throwingSeq,
      'no.such.event',
      JSON.stringify({ type: 'no.such.event' }),
    );
    db.prepare('UPDATE events SET data = \'{"type": "idea.added", "ideaId\' WHERE workshop_id = ? AND seq = 2').run(unreadable.created.workshopId);
    db.close();

    const log = logLines();
    const second = await start(dataDir, { logLevel: 'info', logStream: log.stream });
    const bearer = (c: CreateWorkshopResponse) => ({ authorization: `Bearer ${c.facilitatorKey}` });
    for (const { created } of [throwing, unreadable]) {
      for (let round = 0; round < 2; round++) {
        for (const path of ['', '/qr.svg', '/export.md']) {
          const res = await fetch(`${second.url}/api/workshops/${created.code}${path}`, { headers: bearer(created) });
          expect(res.status, path).toBe(503);
          expect(await res.json()).toEqual({ error: 'unavailable', message: expect.stringMatching(/cannot be loaded/) });
        }
        expect(await connectRefusal(second.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey })).toMatchObject({
          error: 'unavailable',
        });
        expect(await connectRefusal(second.url, { code: created.code, role: 'participant' })).toMatchObject({ error: 'unavailable' });
        expect(await connectRefusal(second.url, { code: created.code, role: 'screen' })).toMatchObject({ error: 'unavailable' });
      }
    }

    // One clear line each, however often it was asked for: workshop id, the event's seq, the error.
    const quarantined = log.lines.filter((l) => l.msg?.startsWith('workshop quarantined'));
    expect(quarantined.map((l) => [l.workshop, l.seq])).toEqual([
      [throwing.created.workshopId, throwingSeq],
      [unreadable.created.workshopId, 2],
    ]);
    expect(quarantined[0]?.msg).toMatch(/unknown event/);
    expect(quarantined[1]?.msg).toMatch(/JSON/);

    // Everyone else carries on, on the same process.
    const res = await fetch(`${second.url}/api/workshops/${healthy.created.code}`);
    expect(res.status).toBe(200);
    const fac = await connect(second.url, { code: healthy.created.code, role: 'facilitator', key: healthy.created.facilitatorKey });
    const phone = await connect(second.url, { code: healthy.created.code, role: 'participant' });
    expect(await phone.join('Bo')).toMatchObject({ ok: true });
    expect(await phone.send(vote)).toMatchObject({ ok: true });
    expect(await fac.send({ type: 'idea:add', ideaId: 'i2', boardId: 'omvarld', text: 'Mer' })).toMatchObject({ ok: true });
    expect((await createWorkshop(second.url)).code).toMatch(/^[A-Z0-9]{6}$/);
    expect((await health(second.url)).status).toBe(200);
  }, 30_000);
});

/** A store in memory that fails every write while `down` is set, as a full or broken disk would. */
class FailingStore extends MemoryStore {
  down: Error | null = null;
  override async createWorkshop(record: WorkshopRecord, first: WorkshopWrite): Promise<void> {
    if (this.down) throw this.down;
    return super.createWorkshop(record, first);
  }
  override async commit(writes: readonly WorkshopWrite[]): Promise<void> {
    if (this.down) throw this.down;
    return super.commit(writes);
  }
  override async probe(): Promise<void> {
    if (this.down) throw this.down;
  }
}

const NOT_SAVED = { ok: false, error: 'storage_unavailable', message: 'could not be saved, try again' };

describe('when the store cannot write', () => {
  it('refuses commands, joins and new workshops as storage_unavailable, says so in /api/health, and takes the same op ids once it can', async () => {
    const store = new FailingStore();
    let skew = 0;
    const server = await start(undefined, { store, clock: { now: () => Date.now() + skew } });
    const { created, facilitator, phone } = await votingWorkshop(server.url);
    expect(await health(server.url)).toEqual({ status: 200, body: { ok: true } });

    store.down = new Error('database or disk is full');
    const opIds = [newOpId(), newOpId()];
    for (const opId of opIds) expect(await phone.send(vote, opId)).toEqual(NOT_SAVED);
    expect(await facilitator.send({ type: 'voting:close' })).toEqual(NOT_SAVED);
    const late = await connect(server.url, { code: created.code, role: 'participant' });
    expect(await late.join('Bo')).toEqual(NOT_SAVED);
    const createRes = await fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(createRes.status).toBe(503);
    expect(await createRes.json()).toMatchObject({ error: 'storage_unavailable' });
    expect(await health(server.url)).toEqual({ status: 503, body: { ok: false, reason: 'the store cannot write: database or disk is full' } });
    // Nothing of it is in memory either: what everyone is shown is what the log holds.
    const room = await server.fokus.rooms.get(created.code);
    expect(room?.snapshot.version).toBe((await store.loadEvents(created.workshopId)).length);

    store.down = null;
    // A failure that fresh is still reported until a probe (a second later) or a commit succeeds.
    skew += 1000;
    expect(await health(server.url)).toEqual({ status: 200, body: { ok: true } });
    for (const opId of opIds) expect(await phone.send(vote, opId)).toMatchObject({ ok: true });
    expect(await phone.send(vote, opIds[0])).toMatchObject({ ok: true });
    expect(await late.join('Bo')).toMatchObject({ ok: true });
    const events = await store.loadEvents(created.workshopId);
    expect(events.filter((e) => e.event.type === 'vote.added')).toHaveLength(2);
    expect(room?.snapshot.version).toBe(events.length);
  });

  it('while another process holds the write lock (busy): refused, unhealthy, then fine once it lets go', async () => {
    const server = await start();
    const { phone } = await votingWorkshop(server.url);
    const other = new Database(join(server.dataDir, 'fokus.db'));
    other.exec('BEGIN IMMEDIATE');
    const opId = newOpId();
    // The writer waits out its busy timeout (5 s) before giving up: a longer ack timeout than usual.
    const send = (id: string): Promise<CommandAck> => phone.socket.timeout(15_000).emitWithAck('workshop:command', { opId: id, command: vote });
    try {
      expect(await send(opId)).toEqual(NOT_SAVED);
      expect(await health(server.url)).toMatchObject({ status: 503, body: { ok: false, reason: expect.stringMatching(/locked|busy/i) } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await send(opId)).toMatchObject({ ok: true });
    expect(await health(server.url)).toEqual({ status: 200, body: { ok: true } });
  }, 30_000);
});

/** A tiny tmpfs of our own, so the disk can really fill up; needs root (CAP_SYS_ADMIN), else the test is skipped. */
function mountTinyDisk(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'fokus-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

function unmount(dir: string): void {
  execFileSync('umount', ['-l', dir]);
  rmSync(dir, { recursive: true, force: true });
}

function canMount(): boolean {
  const dir = mountTinyDisk();
  if (dir) unmount(dir);
  return dir !== null;
}

function fillDisk(dir: string): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
  return file;
}

describe.skipIf(!canMount())('with the disk really full (tmpfs)', () => {
  it('refuses votes as storage_unavailable, loses nothing acknowledged, and every room takes votes again as soon as space returns', async () => {
    const dir = mountTinyDisk();
    if (!dir) throw new Error('could not mount a tmpfs');
    try {
      const server = await start(dir);
      const rooms = [await votingWorkshop(server.url), await votingWorkshop(server.url)];
      const acked = rooms.map(() => 0);
      const refused = rooms.map(() => [] as string[]);
      const filler = fillDisk(dir);

      // Vote in both rooms until each has been refused a few times; every answer is ok or storage_unavailable.
      for (let i = 0; i < 400 && refused.some((r) => r.length < 3); i++) {
        const r = i % rooms.length;
        const opId = newOpId();
        const ack = await (rooms[r] as (typeof rooms)[number]).phone.send(vote, opId);
        if (ack.ok) acked[r] = (acked[r] ?? 0) + 1;
        else {
          expect(ack).toEqual(NOT_SAVED);
          refused[r]?.push(opId);
        }
      }
      expect(refused.map((r) => r.length >= 3)).toEqual([true, true]);
      expect(await health(server.url)).toMatchObject({ status: 503, body: { ok: false, reason: expect.stringMatching(/full/) } });

      rmSync(filler);
      // Space is back: each room takes its refused votes (same op ids) at the first try.
      const t0 = performance.now();
      const recovered = await Promise.all(
        rooms.map(async (room, r) => {
          for (const opId of refused[r] ?? []) expect(await room.phone.send(vote, opId)).toMatchObject({ ok: true });
          acked[r] = (acked[r] ?? 0) + (refused[r]?.length ?? 0);
          return performance.now() - t0;
        }),
      );
      expect(Math.max(...recovered)).toBeLessThan(1000);
      expect((await health(server.url)).status).toBe(200);
      console.info(
        `disk full: ${refused.map((r) => r.length).join('+')} votes refused; every room took votes again within ${Math.max(...recovered).toFixed(0)} ms of space returning`,
      );

      await stopAll();
      expect(rooms.map(({ created }) => votesIn(join(dir, 'fokus.db'), created.workshopId))).toEqual(acked);
    } finally {
      await stopAll();
      unmount(dir);
    }
  }, 60_000);
});
