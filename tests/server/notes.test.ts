import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createWorkshop, newToken } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';

let server: RunningServer;
const clients: Client[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.stop();
});

it('a question round over the wire: towns from the join, TIPS and categories by writer and host, the views carry them', async () => {
  const created = await createWorkshop(server.url, { template: 'fragerunda', lang: 'sv' });
  const fac = await Client.connect(server.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  const screen = await Client.connect(server.url, { code: created.code, role: 'screen' });
  clients.push(fac, screen);
  const phone = async (name: string, town: string) => {
    const c = await Client.connect(server.url, { code: created.code, role: 'participant' });
    clients.push(c);
    const ack = await c.socket.timeout(5000).emitWithAck('participant:join', { name, town, token: newToken() });
    if (!ack.ok) throw new Error(ack.message);
    return { c, id: ack.participantId };
  };
  const pia = await phone('Pia', ' Umeå ');
  const bo = await phone('Bo', 'Skellefteå');
  const { view } = await fac.sync();
  expect(view.view.categories).toEqual(['Förbättringar', 'Utmaningar', 'Möjligheter', 'Önskemål']);
  expect(view.view.participants?.map((p) => [p.name, p.town])).toEqual([
    ['Pia', 'Umeå'],
    ['Bo', 'Skellefteå'],
  ]);

  await fac.must({ type: 'agenda:goto', stepIndex: 1 });
  await pia.c.must({ type: 'idea:add', ideaId: 'n1', boardId: 'fraga-1', text: 'Fredagsmail till kommunen om vad vi gör' });
  await bo.c.must({ type: 'idea:add', ideaId: 'n2', boardId: 'fraga-1', text: 'Samverkansöverenskommelsefrågor' });
  await pia.c.must({ type: 'idea:mark', ideaId: 'n1', tips: true, category: 'Möjligheter' });
  expect(await bo.c.send({ type: 'idea:mark', ideaId: 'n1', tips: false })).toMatchObject({ ok: false, error: 'forbidden' });
  expect(await pia.c.send({ type: 'idea:mark', ideaId: 'n1', category: 'Hittepå' })).toMatchObject({ ok: false, error: 'invalid' });
  await fac.must({ type: 'idea:mark', ideaId: 'n2', category: 'Utmaningar' });
  await fac.must({ type: 'participant:town', participantId: bo.id, town: 'Skellefteå kommun' });
  expect(await pia.c.send({ type: 'participant:town', participantId: bo.id, town: 'Piteå' })).toMatchObject({ ok: false, error: 'forbidden' });

  const seen = (await screen.sync()).view.view;
  expect(seen.ideas.map((i) => [i.id, i.tips, i.category])).toEqual([
    ['n1', true, 'Möjligheter'],
    ['n2', false, 'Utmaningar'],
  ]);
  expect(seen.participants).toBeUndefined();
  expect((await bo.c.sync()).me?.me.town).toBe('Skellefteå kommun');
  expect((await fac.sync()).view.view.participants?.find((p) => p.id === bo.id)?.town).toBe('Skellefteå kommun');
}, 30_000);
