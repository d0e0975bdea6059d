import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { TallyMessage, ViewMessage } from '@fokus/protocol';
import { Client, createWorkshop, newToken } from '../support/fokus-client.ts';
import { startServer } from '../support/test-server.ts';

/** What a facilitator sees, less what is about this moment rather than the workshop (clock, who is online). */
function comparable(view: ViewMessage | null, tally: TallyMessage | null) {
  if (!view || !tally) throw new Error('nothing received');
  const { serverNow: _now, ...rest } = view;
  const participants = rest.view.participants?.map(({ online: _online, ...p }) => p);
  const { online: _o, ...figures } = tally.tally;
  return { ...rest, view: { ...rest.view, participants }, tally: figures };
}

it('brings every workshop back exactly after a restart on the same data folder', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fokus-restart-'));
  const first = await startServer(dataDir);
  const created = await createWorkshop(first.url, { template: 'handlingsplan', lang: 'sv', title: 'Handlingsplan – Malmö' });
  const other = await createWorkshop(first.url, { template: 'fragerunda', lang: 'en' });
  const fac = await Client.connect(first.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  const phones = await Promise.all(
    ['Pia', 'Björn', 'Åsa'].map(async (name) => {
      const c = await Client.connect(first.url, { code: created.code, role: 'participant' });
      const token = newToken();
      const ack = await c.join(name, token, 'Malmö Citysamverkan');
      if (!ack.ok) throw new Error(ack.message);
      return c;
    }),
  );
  await fac.must({
    type: 'group:split',
    groups: [
      { id: 'g1', name: 'Grupp 1' },
      { id: 'g2', name: 'Grupp 2' },
    ],
    seed: 42,
  });
  await fac.must({ type: 'agenda:goto', stepIndex: 1 });
  await fac.must({ type: 'timer:start' });
  await phones[0]?.must({ type: 'idea:add', ideaId: 'a', boardId: 'omvarld', text: 'Studieresa', details: 'Köpenhamn?' });
  await phones[1]?.must({ type: 'idea:add', ideaId: 'b', boardId: 'gemensamt', text: 'Omsättningsstatistik' });
  await phones[2]?.must({ type: 'idea:add', ideaId: 'c', boardId: 'gemensamt', text: 'Statistik' });
  await fac.must({ type: 'idea:merge', targetId: 'b', sourceIds: ['c'] });
  await fac.must({ type: 'idea:add', ideaId: 'd', boardId: 'kollegialt', text: 'Fadderverksamhet', groupId: 'g2' });
  await fac.must({ type: 'idea:hide', ideaId: 'd', hidden: true });
  await fac.must({ type: 'timer:pause' });
  await fac.must({ type: 'voting:configure', settings: { budget: 5, capPerIdea: 3 } });
  await fac.must({ type: 'voting:open' });
  for (const p of phones) {
    await p.must({ type: 'vote:add', ideaId: 'a' });
    await p.must({ type: 'vote:add', ideaId: 'b' });
  }
  await phones[0]?.must({ type: 'vote:remove', ideaId: 'b' });
  await phones[1]?.must({ type: 'participant:done', done: true });
  await fac.must({ type: 'voting:close' });
  await fac.must({ type: 'focus:suggest', mode: 'top', value: 1 });
  await fac.must({
    type: 'plan:set',
    row: {
      id: 'r1',
      month: '2027-02',
      day: 3,
      start: null,
      end: null,
      kind: 'monthly',
      themeNo: 1,
      theme: 'Studieresa',
      ideaId: 'a',
      host: 'Pia',
      backup: 'Björn',
      comment: '',
    },
  });
  // Every command is answered, so the room holds the final state: ask for it rather than wait for the pushes.
  const latest = await fac.sync();
  expect(latest.view.view.plan).toHaveLength(1);
  expect(latest.tally.tally.done).toBe(1);
  const before = comparable(latest.view, latest.tally);
  for (const c of [fac, ...phones]) c.close();
  await first.stop();

  const second = await startServer(dataDir);
  try {
    const again = await Client.connect(second.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
    expect(comparable(again.view, again.tally)).toEqual(before);
    const otherScreen = await Client.connect(second.url, { code: other.code, role: 'screen' });
    expect(otherScreen.view?.view.boards).toHaveLength(5);
    again.close();
    otherScreen.close();
  } finally {
    await second.stop();
  }
});
