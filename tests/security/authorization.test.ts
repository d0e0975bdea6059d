/**
 * The authorization matrix: every command × every role × own or other workshop. What each role may do is
 * core's rule (PARTICIPANT_COMMANDS, and the commands only a participant can mean); everything else is refused
 * with forbidden / not_joined / unauthorized and changes nothing, and nothing crosses from one workshop to another.
 */
import { PARTICIPANT_COMMANDS } from '@fokus/core';
import type { ClientCommand } from '@fokus/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, newOpId } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import type { ClientCommandType, ExampleIds } from './support-commands.ts';
import { COMMAND_TYPES, NEEDS_A_PARTICIPANT, codeOf, example, isTypedAnswer } from './support-commands.ts';
import type { World } from './support-world.ts';
import { buildWorld, closeWorld, facilitatorState, startTestServer } from './support-world.ts';

type Role = 'facilitator' | 'participant' | 'screen' | 'unjoined';
const ROLES: readonly Role[] = ['facilitator', 'participant', 'screen', 'unjoined'];

/** The rule under test, stated once: who may send what. */
function mayAsk(role: Role, type: ClientCommandType): boolean {
  if (role === 'facilitator') return !NEEDS_A_PARTICIPANT.has(type);
  if (role === 'participant') return PARTICIPANT_COMMANDS.has(type);
  return false;
}

/** How a refusal of the role is worded: the screen is read-only, a phone must join first, anyone else is forbidden. */
const REFUSAL: Record<Role, string> = { facilitator: 'forbidden', participant: 'forbidden', screen: 'forbidden', unjoined: 'not_joined' };

function sender(w: World, role: Role): Client {
  if (role === 'facilitator') return w.fac;
  if (role === 'screen') return w.screen;
  if (role === 'unjoined') return w.unjoined;
  return (w.phones[0] as World['phones'][number]).client;
}

/** What must be true before an allowed command can be accepted, done by whoever may do it. */
async function prepare(w: World, type: ClientCommandType): Promise<void> {
  const phone = (w.phones[0] as World['phones'][number]).client;
  if (type === 'timer:pause') await w.fac.must({ type: 'timer:start' });
  if (type === 'voting:close' || type === 'vote:add' || type === 'vote:remove') await w.fac.must({ type: 'voting:open' });
  if (type === 'vote:remove') await phone.must({ type: 'vote:add', ideaId: w.ids.idea });
  if (type === 'plan:delete') await w.fac.must(example('plan:set', w.ids));
  if (type === 'agenda:phase') await w.fac.must({ type: 'agenda:goto', stepIndex: 3 }); // "Gemensam fundering" has two parts
}

/** Collects every view a client is sent, to show that no workshop's messages reach another's sockets. */
function recordViews(c: Client): string[] {
  const ids: string[] = [];
  c.socket.on('workshop:view', (m) => ids.push(m.view.id));
  return ids;
}

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe('authorization matrix', () => {
  it('covers every command type of the wire schema', () => {
    expect(COMMAND_TYPES.length).toBe(45);
    for (const type of PARTICIPANT_COMMANDS) expect(COMMAND_TYPES).toContain(type);
  });

  it('an allowed command is accepted: the allowed sets are exactly core’s rule', async () => {
    const accepted: Record<'facilitator' | 'participant', ClientCommandType[]> = { facilitator: [], participant: [] };
    const refusedWhenAllowed: string[] = [];
    const cells = (['facilitator', 'participant'] as const).flatMap((role) => COMMAND_TYPES.filter((t) => mayAsk(role, t)).map((type) => ({ role, type })));
    const tryCell = async ({ role, type }: (typeof cells)[number]) => {
      // A fresh workshop per cell, so that no earlier command decides the outcome of this one.
      const w = await buildWorld(server.url);
      try {
        await prepare(w, type);
        // The sender's own counter: the facilitator's leaves dots out (anonymous voting), a phone's counts them.
        const storedVersion = async () => (await sender(w, role).sync()).view.version;
        const before = await storedVersion();
        const answer = await sender(w, role).send(example(type, w.ids));
        if (answer.ok) {
          accepted[role].push(type);
          expect(await storedVersion(), `${role} ${type} was stored`).toBeGreaterThan(before);
        } else refusedWhenAllowed.push(`${role} ${type}: ${answer.error} ${answer.message}`);
      } finally {
        closeWorld(w);
      }
    };
    for (let i = 0; i < cells.length; i += 4) await Promise.all(cells.slice(i, i + 4).map(tryCell));
    expect(refusedWhenAllowed).toEqual([]);
    expect(new Set(accepted.participant)).toEqual(new Set(PARTICIPANT_COMMANDS));
    expect(new Set(accepted.facilitator)).toEqual(new Set(COMMAND_TYPES.filter((t) => !NEEDS_A_PARTICIPANT.has(t))));
  }, 60_000);

  it('a command a role may not send is refused with forbidden or not_joined and changes nothing', async () => {
    const w = await buildWorld(server.url);
    try {
      // A state in which every command would be accepted from someone allowed: nothing is refused for lack of it.
      await w.fac.must({ type: 'timer:start' });
      await w.fac.must(example('plan:set', w.ids));
      const baseline = await facilitatorState(w.fac);
      const cells: string[] = [];
      for (const role of ROLES) {
        for (const type of COMMAND_TYPES.filter((t) => !mayAsk(role, t))) {
          const answer = await sender(w, role).send(example(type, w.ids));
          expect(isTypedAnswer(answer), `${role} ${type}`).toBe(true);
          cells.push(`${role} ${type} -> ${codeOf(answer)}`);
          expect(codeOf(answer), `${role} ${type}`).toBe(REFUSAL[role]);
        }
        expect(await facilitatorState(w.fac), `after every refused command of the ${role}`).toEqual(baseline);
      }
      // 3 + 27 + 33 + 33 refusals: every cell of the matrix outside the allowed sets was tried.
      expect(cells).toHaveLength(4 * COMMAND_TYPES.length - (COMMAND_TYPES.length - NEEDS_A_PARTICIPANT.size) - PARTICIPANT_COMMANDS.size);
    } finally {
      closeWorld(w);
    }
  }, 30_000);
});

describe('one workshop against another', () => {
  it('a facilitator key opens only its own workshop, at the handshake and over HTTP', async () => {
    const a = await buildWorld(server.url, 'a-');
    const b = await buildWorld(server.url, 'b-', 'fragerunda');
    try {
      const refused = await Client.connect(server.url, { code: b.code, role: 'facilitator', key: a.key }).then(
        (c) => {
          c.close();
          return 'connected';
        },
        (err: { data?: { error?: string } }) => err.data?.error,
      );
      expect(refused).toBe('unauthorized');
      const exported = await fetch(`${server.url}/api/workshops/${b.code}/export.json`, { headers: { authorization: `Bearer ${a.key}` } });
      expect(exported.status).toBe(401);
      const erased = await fetch(`${server.url}/api/workshops/${b.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${a.key}` } });
      expect(erased.status).toBe(401);
      expect((await b.fac.sync()).view.view.id).toBe(b.workshopId);
    } finally {
      closeWorld(a);
      closeWorld(b);
    }
  });

  it('ids of another workshop name nothing here, a token of another workshop joins no one, and no event crosses', async () => {
    const a = await buildWorld(server.url, 'a-');
    const b = await buildWorld(server.url, 'b-', 'fragerunda');
    const aViews = [a.fac, a.screen, ...a.phones.map((p) => p.client)].map(recordViews);
    const bViews = [b.fac, b.screen, ...b.phones.map((p) => p.client)].map(recordViews);
    try {
      await a.fac.must({ type: 'voting:open' });
      const bBefore = await facilitatorState(b.fac);
      // B's ids (participants, ideas, group, boards, plan row) used inside A.
      const foreign: ExampleIds = { ...b.ids, fresh: 'a-new' };
      const answers: Record<string, string> = {};
      const phoneA = (a.phones[0] as World['phones'][number]).client;
      // Whatever looks something up by id finds nothing of B's; a phone may rename only itself.
      const lookups: Record<string, string> = {
        'participant participant:rename': 'forbidden',
        'participant idea:add': 'not_found',
        'participant idea:edit': 'not_found',
        'participant idea:delete': 'not_found',
        'participant vote:add': 'not_found',
        'participant vote:remove': 'no_dot_to_remove',
        'facilitator participant:rename': 'not_found',
        'facilitator participant:remove': 'not_found',
        'facilitator group:rename': 'not_found',
        'facilitator group:delete': 'not_found',
        'facilitator group:assign': 'not_found',
        'facilitator idea:add': 'not_found',
        'facilitator idea:edit': 'not_found',
        'facilitator idea:move': 'not_found',
        'facilitator idea:merge': 'not_found',
        'facilitator idea:hide': 'not_found',
        'facilitator idea:delete': 'not_found',
        'facilitator presentation:spotlight': 'not_found',
        'facilitator focus:toggle': 'not_found',
        'facilitator plan:set': 'not_found',
        'facilitator plan:delete': 'not_found',
      };
      // The phone while voting is open (so dots are judged on the idea), the facilitator once it is closed (so merges
      // are); the look-ups before the commands that create things (a split would create B's group id in A).
      for (const type of COMMAND_TYPES.filter((t) => mayAsk('participant', t)))
        answers[`participant ${type}`] = codeOf(await phoneA.send(example(type, foreign)));
      await a.fac.must({ type: 'voting:close' });
      const facTypes = COMMAND_TYPES.filter((t) => mayAsk('facilitator', t));
      const looksUp = (t: ClientCommandType) => `facilitator ${t}` in lookups;
      for (const type of [...facTypes.filter(looksUp), ...facTypes.filter((t) => !looksUp(t))]) {
        answers[`facilitator ${type}`] = codeOf(await a.fac.send(example(type, foreign)));
      }
      for (const [cell, code] of Object.entries(lookups)) expect(answers[cell], cell).toBe(code);

      // A's phone token at B's handshake: connected as a phone that has not joined, and so may do nothing.
      const stranger = await Client.connect(server.url, { code: b.code, role: 'participant', token: (a.phones[0] as World['phones'][number]).token });
      expect((await stranger.sync()).me).toBeNull();
      expect(stranger.me).toBeNull();
      const command: ClientCommand = { type: 'vote:add', ideaId: b.ids.idea };
      expect(codeOf(await stranger.socket.timeout(5000).emitWithAck('workshop:command', { opId: newOpId(), command }))).toBe('not_joined');
      stranger.close();

      expect(await facilitatorState(b.fac)).toEqual(bBefore);
      // A's broadcasts of all this went out (A's facilitator got the last), and only to A's sockets.
      const last = (await a.fac.sync()).view.version;
      await a.fac.until((c) => (c.view?.version ?? 0) >= last);
      expect(aViews[0]?.length).toBeGreaterThan(0);
      for (const seen of aViews) expect(seen.filter((id) => id !== a.workshopId)).toEqual([]);
      for (const seen of bViews) expect(seen.filter((id) => id !== b.workshopId)).toEqual([]);
    } finally {
      closeWorld(a);
      closeWorld(b);
    }
  }, 30_000);
});
