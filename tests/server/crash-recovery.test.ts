import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { CommandAck } from '@fokus/protocol';
import { killServerProcesses, startServerProcess } from '../support/server-process.ts';
import { Client, answerOf, createWorkshop, newOpId, newToken } from '../support/fokus-client.ts';

const clients: Client[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  killServerProcesses();
});

it('keeps every acknowledged vote through a SIGKILL, and a resend after restart counts once', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fokus-crash-'));
  const first = await startServerProcess(dataDir);
  const created = await createWorkshop(first.url);
  const facilitator = await Client.connect(first.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  clients.push(facilitator);
  await facilitator.must({ type: 'idea:add', ideaId: 'i1', boardId: 'omvarld', text: 'Studieresa' });
  await facilitator.must({ type: 'idea:add', ideaId: 'i2', boardId: 'gemensamt', text: 'Omsättningsstatistik' });
  await facilitator.must({ type: 'voting:open' });

  const phones = await Promise.all(
    ['Pia', 'David', 'Isabel', 'Lisa', 'Daniel', 'Armina'].map(async (name) => {
      const c = await Client.connect(first.url, { code: created.code, role: 'participant' });
      clients.push(c);
      const token = newToken();
      const ack = await c.join(name, token);
      if (!ack.ok) throw new Error(ack.message);
      return { client: c, token };
    }),
  );

  // Every phone keeps voting; the server dies the moment the N-th acknowledgement arrives.
  const N = 37;
  const acked: { token: string; opId: string; ideaId: string; ack: CommandAck }[] = [];
  let killed = false;
  const dead = new Promise<void>((resolveDead) => first.proc.once('exit', () => resolveDead()));
  await Promise.all(
    phones.map(async (phone, p) => {
      for (let i = 0; i < 10 && !killed; i++) {
        const opId = newOpId();
        const ideaId = (i + p) % 2 === 0 ? 'i1' : 'i2';
        const ack = await phone.client.send({ type: 'vote:add', ideaId }, opId).catch(() => null);
        if (!ack?.ok || killed) return;
        acked.push({ token: phone.token, opId, ideaId, ack });
        if (acked.length === N) {
          killed = true;
          first.proc.kill('SIGKILL');
        }
      }
    }),
  );
  await dead;
  expect(acked.length).toBe(N);
  for (const c of clients.splice(0)) c.close();

  const second = await startServerProcess(dataDir);
  const fac2 = await Client.connect(second.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  clients.push(fac2);
  const persisted = fac2.tally?.tally.dotsUsed ?? 0;
  // Every acknowledged vote is there; at most the few in flight at the kill may be there too.
  expect(persisted).toBeGreaterThanOrEqual(N);
  expect(persisted).toBeLessThanOrEqual(N + phones.length);

  // A phone whose answer was lost resends an acknowledged op after the restart: same answer, counted once.
  const resent = acked[N - 1];
  if (!resent) throw new Error('no acked vote');
  const phone = await Client.connect(second.url, { code: created.code, role: 'participant', token: resent.token });
  clients.push(phone);
  expect(await phone.send({ type: 'vote:add', ideaId: resent.ideaId }, resent.opId)).toEqual(answerOf(resent.ack));
  // Closing shows every dot (anonymous voting would hold a single new one back): a double count would show.
  expect((await fac2.send({ type: 'voting:close' })).ok).toBe(true);
  const fresh = await Client.connect(second.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  clients.push(fresh);
  expect(fresh.tally?.tally.dotsUsed).toBe(persisted);
}, 60_000);
