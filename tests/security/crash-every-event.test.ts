import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { EVENT_TYPES } from '@fokus/core';
import type { ClientCommand } from '@fokus/protocol';
import { killServerProcesses, startServerProcess } from '../support/server-process.ts';
import { Client, createWorkshop, newToken } from '../support/fokus-client.ts';

const clients: Client[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  killServerProcesses();
});

it('stores every kind of event through the protocol, survives a SIGKILL, and replays to the same facilitator view', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fokus-crash-all-'));
  const first = await startServerProcess(dataDir);
  const created = await createWorkshop(first.url);
  const fac = await Client.connect(first.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  clients.push(fac);
  const phone = async (name: string) => {
    const c = await Client.connect(first.url, { code: created.code, role: 'participant' });
    clients.push(c);
    const ack = await c.join(name, newToken());
    if (!ack.ok) throw new Error(ack.message);
    return { client: c, id: ack.participantId };
  };
  const must = async (who: Client, command: ClientCommand) => {
    const ack = await who.send(command);
    expect(ack, command.type).toMatchObject({ ok: true });
  };

  const pia = await phone('Pia');
  const bo = await phone('Bo');
  const lisa = await phone('Lisa');
  await must(fac, { type: 'workshop:update', title: 'Handlingsplan – efter kraschen', categories: ['Utmaningar', 'Möjligheter'] });
  await must(pia.client, { type: 'participant:rename', participantId: pia.id, name: 'Pia Å' });
  await must(pia.client, { type: 'participant:town', participantId: pia.id, town: 'Skellefteå' });
  await must(fac, { type: 'group:create', groupId: 'g1', name: 'Grupp 1' });
  await must(fac, { type: 'group:rename', groupId: 'g1', name: 'Grupp Ett' });
  await must(fac, { type: 'group:assign', participantId: bo.id, groupId: 'g1' });
  await must(fac, { type: 'group:delete', groupId: 'g1' });
  await must(fac, {
    type: 'group:split',
    groups: [
      { id: 'g2', name: 'Röd' },
      { id: 'g3', name: 'Blå' },
    ],
    seed: 7,
  });
  await must(fac, { type: 'agenda:goto', stepIndex: 3 }); // "Gemensam fundering": two timed parts
  await must(fac, { type: 'agenda:phase', phaseIndex: 1 });
  await must(fac, { type: 'agenda:goto', stepIndex: 1 });
  await must(fac, { type: 'timer:start' });
  await must(fac, { type: 'timer:extend', ms: 60_000 });
  await must(fac, { type: 'timer:pause' });
  await must(fac, { type: 'timer:reset' });
  await must(pia.client, { type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'Studieresa till Malmö' });
  await must(pia.client, { type: 'idea:edit', ideaId: 'i1', text: 'Studieresa till Malmö och Lund', details: 'Två dagar' });
  await must(pia.client, { type: 'idea:mark', ideaId: 'i1', tips: true, category: 'Möjligheter' });
  for (const [ideaId, text] of [
    ['i2', 'Omsättningsstatistik'],
    ['i3', 'Gemensam upphandling'],
    ['i4', 'Faddergrupper'],
    ['i5', 'Studiebesök'],
  ] as const) {
    await must(fac, { type: 'idea:add', ideaId, boardId: 'omvarld', text });
  }
  await must(fac, { type: 'idea:move', ideaId: 'i2', boardId: 'gemensamt' });
  await must(fac, { type: 'idea:hide', ideaId: 'i4', hidden: true });
  await must(fac, { type: 'idea:merge', targetId: 'i1', sourceIds: ['i5'] });
  await must(fac, { type: 'idea:delete', ideaId: 'i3' });
  await must(fac, { type: 'presentation:spotlight', groupId: 'g2' });
  await must(pia.client, { type: 'participant:done', done: true });
  await must(fac, { type: 'voting:configure', settings: { budget: 5, hideResults: false } });
  await must(fac, { type: 'voting:open' });
  await must(lisa.client, { type: 'vote:add', ideaId: 'i2' });
  await must(fac, { type: 'voting:reset' });
  await must(fac, { type: 'participant:add', participantId: 'paper-1', name: 'Utan telefon' });
  await must(fac, { type: 'board:add', board: { id: 'ny', title: 'Ny dimension', purpose: 'Syfte', questions: ['Vad?'], color: 'teal' }, index: 1 });
  await must(fac, { type: 'board:update', boardId: 'ny', questions: ['Vad?', 'Hur?'] });
  await must(fac, { type: 'board:reorder', boardIds: ['ny', 'omvarld', 'erfarenhet', 'gemensamt', 'kollegialt'] });
  await must(fac, { type: 'board:delete', boardId: 'ny' });
  await must(fac, { type: 'step:add', step: { id: 'paus', kind: 'reflect', title: 'Paus', prompt: '', minutes: 10 }, index: 7 });
  await must(fac, {
    type: 'step:update',
    stepId: 'paus',
    phases: [
      { title: 'fika', minutes: 5 },
      { title: 'prat', minutes: 5 },
    ],
  });
  await must(fac, { type: 'step:reorder', stepIds: ['valkommen', 'gruppovning', 'presentation', 'fundering', 'rostning', 'paus', 'fokus', 'handlingsplan'] });
  await must(fac, { type: 'step:delete', stepId: 'paus' });
  await must(fac, { type: 'workshop:update', planYear: 2027, place: 'Jönköping', date: '2026-11-20' });
  await must(fac, { type: 'voting:open' });
  await must(fac, { type: 'vote:add', ideaId: 'i1', participantId: 'paper-1' });
  await must(pia.client, { type: 'vote:add', ideaId: 'i1' });
  await must(pia.client, { type: 'vote:add', ideaId: 'i1' });
  await must(pia.client, { type: 'vote:remove', ideaId: 'i1' });
  await must(bo.client, { type: 'vote:add', ideaId: 'i2' });
  await must(bo.client, { type: 'vote:add', ideaId: 'i1' });
  await must(fac, { type: 'voting:close' });
  await must(fac, { type: 'voting:reveal', revealed: true });
  await must(fac, { type: 'focus:suggest', mode: 'top', value: 2 });
  await must(fac, { type: 'focus:toggle', ideaId: 'i2', included: true });
  const row = {
    month: '2027-03',
    day: 12,
    start: '13:00',
    end: null,
    kind: 'physical',
    themeNo: 1,
    theme: 'Omvärld',
    host: 'Pia',
    backup: 'Bo',
    comment: '',
  } as const;
  await must(fac, { type: 'plan:set', row: { id: 'r1', ideaId: 'i1', ...row } });
  await must(fac, { type: 'plan:set', row: { id: 'r2', ideaId: null, ...row, month: '2027-04' } });
  await must(fac, { type: 'plan:delete', rowId: 'r2' });
  await must(fac, { type: 'participant:remove', participantId: lisa.id });
  await must(fac, { type: 'workshop:lock-joining', locked: true });

  // Phones leave first, so presence is the same on both sides of the restart; then the view is taken.
  for (const p of [pia, bo, lisa]) p.client.close();
  await fac.until((c) => !!c.view && (c.view.view.participants ?? []).every((p) => !p.online) && c.tally?.tally.online === 0);
  const before = await fac.sync();
  expect(before.view.view.title).toBe('Handlingsplan – efter kraschen');
  expect(before.view.view.plan.map((r) => r.id)).toEqual(['r1']);
  expect(before.view.view.ideas.find((i) => i.id === 'i1')).toMatchObject({ tips: true, category: 'Möjligheter' });
  expect(before.view.view.participants?.find((p) => p.id === pia.id)?.town).toBe('Skellefteå');

  const dead = new Promise<void>((resolveDead) => first.proc.once('exit', () => resolveDead()));
  first.proc.kill('SIGKILL');
  await dead;
  for (const c of clients.splice(0)) c.close();

  const second = await startServerProcess(dataDir);
  const fac2 = await Client.connect(second.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  clients.push(fac2);
  const after = await fac2.sync();
  expect(after.view.version).toBe(before.view.version);
  expect(after.view.view).toEqual(before.view.view);
  expect(after.tally).toEqual(before.tally);

  const db = new Database(join(dataDir, 'fokus.db'), { readonly: true });
  const stored = (db.prepare('SELECT DISTINCT type FROM events WHERE workshop_id = ?').all(created.workshopId) as { type: string }[]).map((r) => r.type);
  db.close();
  expect(stored.sort()).toEqual([...EVENT_TYPES].sort());
}, 60_000);
