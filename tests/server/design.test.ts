import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkshopDesign } from '@fokus/core';
import type { CreateWorkshopResponse, DesignFile } from '@fokus/protocol';
import { SqliteStore } from '../../apps/server/src/store/sqlite-store.ts';
import { createWorkshop } from '../support/fokus-client.ts';
import { trackedServers } from '../support/tracked.ts';

/**
 * Workshop designs over HTTP (issue 10, item 3): a workshop changed in the designer comes back out of
 * design.json and goes in again as the same design; design.json needs the facilitator key; a broken file is
 * named by its first wrong field and creates nothing.
 */

const servers = trackedServers();

async function start() {
  const dataDir = mkdtempSync(join(tmpdir(), 'fokus-design-'));
  // Our own handle on the store, to count the workshops in it.
  const store = new SqliteStore(join(dataDir, 'fokus.db'));
  const server = await servers.start(dataDir, { store });
  const count = async () => (await store.listIdle(Number.MAX_SAFE_INTEGER)).length;
  return { url: server.url, count };
}

async function designJson(url: string, code: string, key: string | null): Promise<Response> {
  return fetch(`${url}/api/workshops/${code}/design.json`, key === null ? {} : { headers: { authorization: `Bearer ${key}` } });
}

async function designOfWorkshop(url: string, created: CreateWorkshopResponse): Promise<DesignFile> {
  const res = await designJson(url, created.code, created.facilitatorKey);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as DesignFile;
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Changes every part of a design through the facilitator's socket, as the designer does. */
async function redesign(url: string, created: CreateWorkshopResponse): Promise<void> {
  const fac = await servers.connect(url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  await fac.must({
    type: 'workshop:update',
    title: 'Handlingsplan 2027',
    planYear: 2027,
    place: 'Örebro, Conventum',
    date: '2026-11-16',
    rules: ['Allas åsikter är lika viktiga', 'Mobilen på ljudlös'],
    values: ['Samverkansöverenskommelsefrågor först'],
  });
  await fac.must({
    type: 'board:add',
    board: { id: 'digital', title: 'Digitalisering & data', purpose: 'Gemensam data om stadskärnan', questions: ['Vilken data saknar vi?'], color: 'teal' },
    index: 1,
  });
  await fac.must({
    type: 'board:update',
    boardId: 'omvarld',
    questions: ['Vad händer i omvärlden?', 'Vem vet mer?', 'Vad betyder det för oss?'],
    color: 'orange',
  });
  await fac.must({ type: 'board:delete', boardId: 'kollegialt' });
  await fac.must({ type: 'board:reorder', boardIds: ['gemensamt', 'omvarld', 'digital', 'erfarenhet'] });
  await fac.must({
    type: 'step:add',
    step: {
      id: 'paus',
      kind: 'reflect',
      title: 'Fika och fundering',
      prompt: 'Vad tar du med dig?',
      minutes: 0,
      phases: [
        { title: 'enskilt', minutes: 3 },
        { title: 'bikupor', minutes: 22 },
      ],
    },
    index: 2,
  });
  await fac.must({ type: 'step:update', stepId: 'gruppovning', minutes: 25, title: 'Gruppövning i tre grupper' });
  await fac.must({ type: 'step:delete', stepId: 'presentation' });
  await fac.must({ type: 'step:reorder', stepIds: ['valkommen', 'paus', 'gruppovning', 'fundering', 'rostning', 'fokus', 'handlingsplan'] });
  await fac.must({ type: 'voting:configure', settings: { budget: 5, capPerIdea: 2, anonymous: false, hideResults: false } });
  await fac.must({ type: 'focus:suggest', mode: 'top', value: 3 });
  fac.close();
}

describe('the design round trip', () => {
  it('gives back, through design.json and a new workshop, every change made in the designer', async () => {
    const { url, count } = await start();
    const first = await createWorkshop(url, { template: 'handlingsplan', lang: 'sv' });
    await redesign(url, first);
    const file = await designOfWorkshop(url, first);
    expect(file).toMatchObject({ format: 'fokus-design', version: 1 });

    // The changes are in the file (so the comparison below is not of two untouched templates).
    const d: WorkshopDesign = file.design;
    expect([d.title, d.planYear, d.place, d.date]).toEqual(['Handlingsplan 2027', 2027, 'Örebro, Conventum', '2026-11-16']);
    expect(d.rules).toEqual(['Allas åsikter är lika viktiga', 'Mobilen på ljudlös']);
    expect(d.values).toEqual(['Samverkansöverenskommelsefrågor först']);
    expect(d.boards.map((b) => b.id)).toEqual(['gemensamt', 'omvarld', 'digital', 'erfarenhet']);
    expect(d.boards[1]).toMatchObject({ questions: ['Vad händer i omvärlden?', 'Vem vet mer?', 'Vad betyder det för oss?'], color: 'orange' });
    expect(d.agenda.map((st) => [st.id, st.minutes])).toEqual([
      ['valkommen', 5],
      ['paus', 25],
      ['gruppovning', 25],
      ['fundering', 12],
      ['rostning', 15],
      ['fokus', 10],
      ['handlingsplan', 30],
    ]);
    expect(d.agenda[1]?.phases).toEqual([
      { title: 'enskilt', minutes: 3 },
      { title: 'bikupor', minutes: 22 },
    ]);
    expect(d.voting).toEqual({ budget: 5, capPerIdea: 2, anonymous: false, hideResults: false });
    expect(d.focus).toEqual({ mode: 'top', value: 3 });

    // Posted back (the file as downloaded), it makes a second workshop with the same design.
    const before = await count();
    const res = await post(url, { design: file });
    expect(res.status).toBe(201);
    const second = (await res.json()) as CreateWorkshopResponse;
    expect(second.code).not.toBe(first.code);
    expect(await count()).toBe(before + 1);
    expect((await designOfWorkshop(url, second)).design).toEqual(d);

    // The bare design (without the file's marker) is accepted too, and is the same again.
    const third = await createWorkshop(url, { design: d });
    expect((await designOfWorkshop(url, third)).design).toEqual(d);

    // And the new workshop runs on it: its live view has the boards, agenda and voting defaults.
    const fac = await servers.connect(url, { code: second.code, role: 'facilitator', key: second.facilitatorKey });
    const view = (await fac.sync()).view.view;
    expect(view.boards.map((b) => b.title)).toEqual(d.boards.map((b) => b.title));
    expect(view.agenda.map((st) => st.minutes)).toEqual([5, 25, 25, 12, 15, 10, 30]);
    expect([view.planYear, view.voting.settings.budget, view.focus.mode, view.focus.value]).toEqual([2027, 5, 'top', 3]);
  });

  it('a template design posted back is the template', async () => {
    const { url } = await start();
    const first = await createWorkshop(url, { template: 'fragerunda', lang: 'en' });
    const file = await designOfWorkshop(url, first);
    const copy = await createWorkshop(url, { design: file });
    expect((await designOfWorkshop(url, copy)).design).toEqual(file.design);
    expect(file.design.lang).toBe('en');
  });
});

describe('design.json', () => {
  it('needs the facilitator key of that workshop as a bearer', async () => {
    const { url } = await start();
    const a = await createWorkshop(url);
    const b = await createWorkshop(url);
    const none = await designJson(url, a.code, null);
    expect(none.status).toBe(401);
    expect(await none.text()).not.toContain('omvarld');
    expect((await designJson(url, a.code, 'not-the-key')).status).toBe(401);
    // Another workshop's key is a wrong key here.
    expect((await designJson(url, a.code, b.facilitatorKey)).status).toBe(401);
    const basic = await fetch(`${url}/api/workshops/${a.code}/design.json`, { headers: { authorization: `Basic ${a.facilitatorKey}` } });
    expect(basic.status).toBe(401);
    expect((await designJson(url, a.code, a.facilitatorKey)).status).toBe(200);
    expect((await designJson(url, 'ZZZZZZ', a.facilitatorKey)).status).toBe(404);
  });
});

type Mutable = {
  design: Record<string, unknown> & { boards: Record<string, unknown>[]; agenda: Record<string, unknown>[]; voting: Record<string, unknown> };
} & Record<string, unknown>;

/** Broken files, each from a sound one, with the start of the message that must name the first wrong field. */
const BROKEN: { name: string; breakIt: (f: Mutable) => void; field: string }[] = [
  {
    name: 'no title',
    breakIt: (f) => {
      delete f.design['title'];
    },
    field: 'design.design.title: ',
  },
  {
    name: 'a board with an empty title',
    breakIt: (f) => {
      f.design.boards[2] = { ...f.design.boards[2], title: '   ' };
    },
    field: 'design.design.boards.2.title: ',
  },
  {
    name: 'two boards with one id',
    breakIt: (f) => {
      f.design.boards[3] = { ...f.design.boards[3], id: 'omvarld' };
    },
    field: 'design.design.boards: two boards have the same id',
  },
  {
    name: 'a step of 9999 minutes',
    breakIt: (f) => {
      f.design.agenda[1] = { ...f.design.agenda[1], minutes: 9999 };
    },
    field: 'design.design.agenda.1.minutes: ',
  },
  {
    name: 'phases that do not add up to the minutes',
    breakIt: (f) => {
      f.design.agenda[3] = { ...f.design.agenda[3], minutes: 20 };
    },
    field: 'design.design.agenda.3: minutes: the sum of the phases',
  },
  {
    name: 'a budget of 0',
    breakIt: (f) => {
      f.design.voting['budget'] = 0;
    },
    field: 'design.design.voting.budget: ',
  },
  {
    name: 'a cap above the budget',
    breakIt: (f) => {
      f.design.voting['budget'] = 5;
      f.design.voting['capPerIdea'] = 6;
    },
    field: 'design.design.voting.capPerIdea: ',
  },
  {
    name: 'an unknown field',
    breakIt: (f) => {
      f.design.boards[0] = { ...f.design.boards[0], colour: 'blue' };
    },
    field: 'design.design.boards.0: ',
  },
  {
    name: 'a wrong format marker',
    breakIt: (f) => {
      f['format'] = 'fokus-template';
    },
    field: 'design.format: ',
  },
  {
    name: 'a wrong version',
    breakIt: (f) => {
      f['version'] = 2;
    },
    field: 'design.version: ',
  },
  {
    name: '__proto__ as a board id',
    breakIt: (f) => {
      f.design.boards[1] = { ...f.design.boards[1], id: '__proto__' };
    },
    field: 'design.design.boards.1.id: ',
  },
];

describe('a broken design file', () => {
  it.each(BROKEN)('$name: 400 naming the field, nothing created', async ({ breakIt, field }) => {
    const { url, count } = await start();
    const source = await createWorkshop(url);
    const file = (await designOfWorkshop(url, source)) as unknown as Mutable;
    // The sound file is accepted: each case below fails on its one change.
    expect((await post(url, { design: file })).status).toBe(201);
    const broken = structuredClone(file);
    breakIt(broken);
    const before = await count();
    const res = await post(url, { design: broken });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('bad_request');
    expect(body.message.startsWith(field), `${body.message} should start with ${field}`).toBe(true);
    expect(await count()).toBe(before);
  });

  it('a file whose JSON carries a __proto__ key is refused and creates nothing', async () => {
    const { url, count } = await start();
    const file = await designOfWorkshop(url, await createWorkshop(url));
    const raw = JSON.stringify({ design: file }).replace('"format":', '"__proto__":{"polluted":true},"format":');
    const before = await count();
    const res = await fetch(`${url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
    expect(res.status).toBe(400);
    expect(await count()).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('someone without a phone, over the wire', () => {
  it('gets the same budget and cap as a phone, from the facilitator only, and never for someone with a phone', async () => {
    const { url } = await start();
    const created = await createWorkshop(url);
    const fac = await servers.connect(url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
    const phone = await servers.connect(url, { code: created.code, role: 'participant' });
    const joined = await phone.join('Pia');
    if (!joined.ok) throw new Error(joined.message);

    // A phone cannot add people, nor place dots for them.
    expect(await phone.send({ type: 'participant:add', participantId: 'paper-x', name: 'Karl' })).toMatchObject({ ok: false });
    await fac.must({ type: 'participant:add', participantId: 'paper-1', name: 'Karl-Johan Östergötlandsson', organisation: 'Norrköping' });
    await fac.must({ type: 'voting:configure', settings: { budget: 5, capPerIdea: 2 } });
    await fac.must({ type: 'agenda:goto', stepIndex: 1 });
    for (const [i, boardId] of ['omvarld', 'erfarenhet', 'gemensamt'].entries()) {
      await fac.must({ type: 'idea:add', ideaId: `i${i + 1}`, boardId, text: `Samverkansöverenskommelsefrågor ${i + 1}` });
    }
    await fac.must({ type: 'voting:open' });

    const forPaper = (ideaId: string) => fac.send({ type: 'vote:add', ideaId, participantId: 'paper-1' });
    expect((await forPaper('i1')).ok).toBe(true);
    expect((await forPaper('i1')).ok).toBe(true);
    expect(await forPaper('i1')).toMatchObject({ ok: false, error: 'cap_reached' });
    expect((await forPaper('i2')).ok).toBe(true);
    expect((await forPaper('i2')).ok).toBe(true);
    expect((await forPaper('i3')).ok).toBe(true);
    expect(await forPaper('i3')).toMatchObject({ ok: false, error: 'budget_exhausted' });
    expect((await fac.send({ type: 'vote:remove', ideaId: 'i3', participantId: 'paper-1' })).ok).toBe(true);
    expect(await fac.send({ type: 'vote:remove', ideaId: 'i3', participantId: 'paper-1' })).toMatchObject({ ok: false, error: 'no_dot_to_remove' });

    // Not for someone with a phone, and not without saying whose ballot.
    expect(await fac.send({ type: 'vote:add', ideaId: 'i3', participantId: joined.participantId })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await fac.send({ type: 'vote:add', ideaId: 'i3' })).toMatchObject({ ok: false });
    expect(await fac.send({ type: 'participant:done', done: true, participantId: joined.participantId })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await phone.send({ type: 'vote:add', ideaId: 'i3', participantId: 'paper-1' })).toMatchObject({ ok: false, error: 'forbidden' });
    await fac.must({ type: 'participant:done', done: true, participantId: 'paper-1' });

    const { view } = (await fac.sync()).view;
    const karl = view.participants?.find((p) => p.id === 'paper-1');
    expect(karl).toMatchObject({ paper: true, done: true, paperBallot: { i1: 2, i2: 2 } });
    // Only the facilitator sees a paper ballot: the phone's view of the room has none.
    const phoneView = (await phone.sync()).view.view;
    expect(JSON.stringify(phoneView)).not.toContain('paperBallot');
  });
});
