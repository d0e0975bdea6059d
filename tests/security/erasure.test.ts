import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type Client, connectRefusal, createWorkshop, newOpId, newToken } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { trackedServers } from '../support/tracked.ts';
import { participantOf } from '@fokus/core';

const { start, connect, stopAll } = trackedServers();

/** Text no test writes twice, with a Swedish letter so that the UTF-8 and UTF-16 forms differ from ASCII. */
const canary = (label: string) => `${label}å${randomBytes(6).toString('hex')}`;

/** Every file under the data folder (the database, its -wal and -shm), byte by byte. */
function filesUnder(dir: string): { name: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ name, bytes: readFileSync(path) }];
  });
}

/** The files that hold the text, in UTF-8 or UTF-16 (either byte order), or just its random part in ASCII. */
function filesHolding(dir: string, text: string): string[] {
  const random = text.slice(text.indexOf('å') + 1);
  const forms = [text, random].flatMap((t) => [Buffer.from(t, 'utf8'), Buffer.from(t, 'utf16le'), Buffer.from(t, 'utf16le').swap16()]);
  return filesUnder(dir)
    .filter((f) => forms.some((form) => f.bytes.includes(form)))
    .map((f) => f.name);
}

async function deleteWorkshop(url: string, code: string, key?: string): Promise<number> {
  const res = await fetch(`${url}/api/workshops/${code}`, { method: 'DELETE', headers: key === undefined ? {} : { authorization: `Bearer ${key}` } });
  return res.status;
}

/**
 * A workshop with the given texts everywhere a person writes: the title, a participant's name and
 * organisation, ideas by a participant and by the facilitator, a vote. Returns its clients.
 */
async function writtenWorkshop(url: string, t: { title: string; name: string; organisation: string; idea: string }) {
  const created = await createWorkshop(url, { template: 'handlingsplan', lang: 'sv', title: t.title });
  const facilitator = await connect(url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  const screen = await connect(url, { code: created.code, role: 'screen' });
  const phone = await connect(url, { code: created.code, role: 'participant' });
  const phoneToken = newToken();
  const joined = await phone.join(t.name, phoneToken, t.organisation);
  if (!joined.ok) throw new Error(joined.message);
  const other = await connect(url, { code: created.code, role: 'participant' });
  const bo = await other.join('Bo');
  if (!bo.ok) throw new Error(bo.message);
  await facilitator.must({ type: 'agenda:goto', stepIndex: 1 });
  await phone.until((c) => c.view?.view.stepIndex === 1);
  for (const [n, text] of [`${t.idea} ett`, `${t.idea} två`].entries()) {
    const ack = await phone.send({ type: 'idea:add', ideaId: `p${n}`, boardId: 'omvarld', text, details: `Detaljer: ${t.idea}` });
    if (!ack.ok) throw new Error(ack.message);
  }
  const boIdea = await other.send({ type: 'idea:add', ideaId: 'bo', boardId: 'omvarld', text: 'Bos idé' });
  if (!boIdea.ok) throw new Error(boIdea.message);
  await facilitator.must({ type: 'idea:add', ideaId: 'f1', boardId: 'erfarenhet', text: `Facilitatorns ${t.idea}` });
  await facilitator.must({ type: 'agenda:goto', stepIndex: 4 });
  await facilitator.must({ type: 'voting:open' });
  await phone.until((c) => c.view?.view.voting.status === 'open');
  const vote = await phone.send({ type: 'vote:add', ideaId: 'p0' });
  if (!vote.ok) throw new Error(vote.message);
  return { created, facilitator, screen, phone, other, participantId: joined.participantId, phoneToken };
}

describe('erasing a workshop', () => {
  it('DELETE with the facilitator key leaves none of its text in any file under DATA_DIR, and keeps other workshops', async () => {
    const server = await start();
    const t = { title: canary('Titel'), name: canary('Namn'), organisation: canary('Org'), idea: canary('Idé') };
    const gone = await writtenWorkshop(server.url, t);
    const keep = { title: canary('Behåll'), name: canary('Kvar'), organisation: canary('KvarOrg'), idea: canary('KvarIdé') };
    const kept = await writtenWorkshop(server.url, keep);
    // The scan sees what is there: every text is on disk before the delete.
    for (const text of [...Object.values(t), ...Object.values(keep)]) expect(filesHolding(server.dataDir, text), text).not.toEqual([]);
    expect(server.fokus.rooms.loaded).toBe(2);

    expect(await deleteWorkshop(server.url, gone.created.code)).toBe(401);
    expect(await deleteWorkshop(server.url, gone.created.code, kept.created.facilitatorKey)).toBe(401);
    const told = [gone.facilitator, gone.screen, gone.phone, gone.other].map(
      (c) => new Promise<string>((resolve) => c.socket.once('disconnect', (reason) => resolve(reason))),
    );
    expect(await deleteWorkshop(server.url, gone.created.code, gone.created.facilitatorKey)).toBe(204);

    // Every socket of the workshop is told, then closed; the room has left memory.
    expect(await Promise.all(told)).toEqual(Array(4).fill('io server disconnect'));
    for (const c of [gone.facilitator, gone.screen, gone.phone, gone.other]) expect(c.received).toContain('workshop:deleted');
    expect(kept.screen.received).not.toContain('workshop:deleted');
    expect(server.fokus.rooms.loaded).toBe(1);

    for (const text of Object.values(t)) expect(filesHolding(server.dataDir, text), text).toEqual([]);
    for (const text of Object.values(keep)) expect(filesHolding(server.dataDir, text), text).not.toEqual([]);

    // Nothing answers to the code any more; the other workshop works on.
    expect((await fetch(`${server.url}/api/workshops/${gone.created.code}`)).status).toBe(404);
    expect((await connectRefusal(server.url, { code: gone.created.code, role: 'screen' }))?.error).toBe('not_found');
    expect(await deleteWorkshop(server.url, gone.created.code, gone.created.facilitatorKey)).toBe(404);
    expect((await kept.facilitator.send({ type: 'timer:start' })).ok).toBe(true);

    // And after a restart, nothing of it comes back.
    await stopAll();
    const again = await start(server.dataDir);
    expect((await fetch(`${again.url}/api/workshops/${gone.created.code}`)).status).toBe(404);
    expect((await fetch(`${again.url}/api/workshops/${kept.created.code}`)).status).toBe(200);
  });
});

describe('erasing a participant on removal', () => {
  it('removes their name and organisation from every file; their ideas stay, unattributed; the workshop loads', async () => {
    const server = await start();
    const t = { title: canary('Titel'), name: canary('Namn'), organisation: canary('Org'), idea: canary('Idé') };
    const w = await writtenWorkshop(server.url, t);
    const o = { title: canary('Annan'), name: canary('AnnanNamn'), organisation: canary('AnnanOrg'), idea: canary('AnnanIdé') };
    const other = await writtenWorkshop(server.url, o);
    expect(filesHolding(server.dataDir, t.name)).not.toEqual([]);

    const ack = await w.facilitator.send({ type: 'participant:remove', participantId: w.participantId, erase: true });
    expect(ack.ok).toBe(true);
    await w.phone.until((c) => c.removed);

    // Answered only once the stored history is rewritten and the WAL checkpointed.
    expect(filesHolding(server.dataDir, t.name)).toEqual([]);
    expect(filesHolding(server.dataDir, t.organisation)).toEqual([]);
    // What they wrote stays, and so does everything else, here and in the other workshop.
    for (const text of [t.title, t.idea, ...Object.values(o)]) expect(filesHolding(server.dataDir, text), text).not.toEqual([]);
    const facilitatorView = (await w.facilitator.sync()).view.view;
    expect(facilitatorView.ideas.map((i) => i.text)).toEqual(expect.arrayContaining([`${t.idea} ett`, `${t.idea} två`, 'Bos idé']));
    expect(JSON.stringify(facilitatorView)).not.toContain(t.name);

    // After a restart the workshop loads from the rewritten log: ideas kept, written by no one, votes as they were.
    await stopAll();
    const again = await start(server.dataDir);
    const room = await again.fokus.rooms.get(w.created.code);
    const s = room?.snapshot;
    expect(s?.ideas.p0).toMatchObject({ text: `${t.idea} ett`, authorId: null });
    expect(s?.ideas.p1?.authorId).toBeNull();
    expect(s?.ideas.bo?.authorId).not.toBeNull();
    expect(s && participantOf(s, w.participantId)).toMatchObject({ name: 'Borttagen deltagare', organisation: '', removed: true });
    expect(JSON.stringify(s)).not.toContain(t.name);
    const console = await connect(again.url, { code: w.created.code, role: 'facilitator', key: w.created.facilitatorKey });
    expect(console.view?.view.ideas).toHaveLength(4);
    const otherConsole = await connect(again.url, { code: other.created.code, role: 'facilitator', key: other.created.facilitatorKey });
    expect(otherConsole.view?.view.participants?.map((p) => p.name)).toEqual(expect.arrayContaining([o.name, 'Bo']));
  });

  it('a plain removal keeps the name in the history', async () => {
    const server = await start();
    const t = { title: canary('Titel'), name: canary('Namn'), organisation: canary('Org'), idea: canary('Idé') };
    const w = await writtenWorkshop(server.url, t);
    expect((await w.facilitator.send({ type: 'participant:remove', participantId: w.participantId })).ok).toBe(true);
    expect(filesHolding(server.dataDir, t.name)).not.toEqual([]);
  });
});

describe('retention and memory', () => {
  it('erases a workshop untouched for RETENTION_DAYS, with a log line, and keeps a recent one', async () => {
    const day = 24 * 60 * 60 * 1000;
    // The clock runs (broadcasts are paced by it) and jumps when the test says.
    let skew = 0;
    const lines: string[] = [];
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const server = await start(undefined, { clock: { now: () => Date.now() + skew }, logLevel: 'info', logStream, config: { retentionDays: 30 } });
    const oldTitle = canary('Gammal');
    const old = await writtenWorkshop(server.url, { title: oldTitle, name: canary('N'), organisation: canary('O'), idea: canary('I') });
    for (const c of [old.facilitator, old.screen, old.phone, old.other]) c.close();
    skew += 20 * day;
    const recentTitle = canary('Ny');
    const recent = await writtenWorkshop(server.url, { title: recentTitle, name: canary('N'), organisation: canary('O'), idea: canary('I') });

    skew += 10 * day - 60_000;
    const early = await server.fokus.lifecycle.sweep();
    expect(early.erased).toEqual([]);
    // Op records older than a day are no longer needed for resends: pruned in every workshop.
    expect(early.prunedOps).toBeGreaterThan(0);
    skew += 120_000;
    expect((await server.fokus.lifecycle.sweep()).erased.map((w) => w.code)).toEqual([old.created.code]);

    expect(filesHolding(server.dataDir, oldTitle)).toEqual([]);
    expect(filesHolding(server.dataDir, recentTitle)).not.toEqual([]);
    expect((await fetch(`${server.url}/api/workshops/${old.created.code}`)).status).toBe(404);
    expect((await recent.facilitator.send({ type: 'timer:start' })).ok).toBe(true);
    const line = lines.map((l) => JSON.parse(l) as { msg: string; code?: string }).find((l) => l.msg.startsWith('workshop erased: untouched for 30 days'));
    expect(line?.code).toBe(old.created.code);
    expect(lines.join('\n')).not.toContain(oldTitle);
  });

  it('unloads a room nobody is connected to after the idle time, and loads it again as it was on the next connect', async () => {
    let skew = 0;
    const server = await start(undefined, { clock: { now: () => Date.now() + skew }, config: { roomIdleMs: 5 * 60_000 } });
    const w = await writtenWorkshop(server.url, { title: canary('T'), name: 'Pia', organisation: 'Kommunen', idea: 'Studieresa' });
    const opId = newOpId();
    const first = await w.facilitator.send({ type: 'timer:extend', ms: 60_000 }, opId);
    const before = (await w.facilitator.sync()).view.view;

    // A connected screen keeps the room, however long it idles.
    const everyone = [w.facilitator, w.phone, w.other];
    await Promise.all(everyone.map((c) => closedOnServer(server, c)));
    skew += 60 * 60_000;
    expect(await server.fokus.lifecycle.evictIdle()).toEqual([]);

    await closedOnServer(server, w.screen);
    skew += 4 * 60_000;
    expect(await server.fokus.lifecycle.evictIdle()).toEqual([]);
    skew += 60_000;
    expect(await server.fokus.lifecycle.evictIdle()).toEqual([w.created.code]);
    expect(server.fokus.rooms.loaded).toBe(0);

    // Loaded again on demand, with its state, its participants' tokens and its answers to resends.
    const console = await connect(server.url, { code: w.created.code, role: 'facilitator', key: w.created.facilitatorKey });
    expect(server.fokus.rooms.loaded).toBe(1);
    const after = (await console.sync()).view.view;
    expect({ ...after, participants: after.participants?.map((p) => ({ ...p, online: false })) }).toEqual({
      ...before,
      participants: before.participants?.map((p) => ({ ...p, online: false })),
    });
    expect(await console.send({ type: 'timer:extend', ms: 60_000 }, opId)).toEqual(first);
    const phone = await connect(server.url, { code: w.created.code, role: 'participant', token: w.phoneToken });
    await phone.until((c) => c.me?.me.participantId === w.participantId);
  });
});

/** Closes a client and resolves once the server has seen it go (its socket's disconnect), not after a sleep. */
function closedOnServer(server: RunningServer, client: Client): Promise<void> {
  const id = client.socket.id;
  const onServer = id === undefined ? undefined : server.fokus.io.sockets.sockets.get(id);
  const gone = new Promise<void>((resolve) => (onServer ? onServer.once('disconnect', () => resolve()) : resolve()));
  client.close();
  return gone;
}
