import { templateContent } from '@fokus/core';
/** A workshop with someone in every role, built over the public protocol: the stage for the security tests. */
import type { TallyMessage, ViewMessage } from '@fokus/protocol';
import type { Config } from '../../apps/server/src/config.ts';
import { DEFAULT_RATE_LIMITS } from '../../apps/server/src/config.ts';
import { Client, createWorkshop, newToken } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';
import type { ExampleIds } from './support-commands.ts';

/**
 * A server for tests that build many workshops from one address: creating workshops is limited per address,
 * which is not what these tests are about. Every other limit stays as configured by default.
 */
export function startTestServer(dataDir?: string): Promise<RunningServer> {
  const config: Partial<Config> = { rateLimits: { ...DEFAULT_RATE_LIMITS, ipCreatesPer10Minutes: 10_000, ipBadCodesPer10Minutes: 10_000 } };
  return startServer(dataDir, { config });
}

export interface Phone {
  client: Client;
  participantId: string;
  token: string;
}

export interface World {
  url: string;
  code: string;
  key: string;
  workshopId: string;
  fac: Client;
  /** Joined phones: [0] wrote `ownIdea`, [1] is the "other" one. */
  phones: Phone[];
  /** A phone connected with the code but not joined. */
  unjoined: Client;
  screen: Client;
  /** Ids as seen from phone 0 (its own id as `self`). */
  ids: ExampleIds;
}

/**
 * A handlingsplan workshop at its brainstorm step with two joined phones, a group, two ideas of the
 * facilitator and one of phone 0; `prefix` keeps the ids of two workshops apart.
 */
export async function buildWorld(url: string, prefix = '', template: 'handlingsplan' | 'fragerunda' = 'handlingsplan'): Promise<World> {
  const created = await createWorkshop(url, { template, lang: 'sv' });
  const fac = await Client.connect(url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
  const phones: Phone[] = [];
  for (const name of ['Pia', 'Per']) {
    const client = await Client.connect(url, { code: created.code, role: 'participant' });
    const token = newToken();
    const ack = await client.join(name, token);
    if (!ack.ok) throw new Error(`join refused: ${ack.error}`);
    phones.push({ client, participantId: ack.participantId, token });
  }
  const unjoined = await Client.connect(url, { code: created.code, role: 'participant' });
  const screen = await Client.connect(url, { code: created.code, role: 'screen' });
  const [board, board2] = template === 'handlingsplan' ? ['omvarld', 'gemensamt'] : ['fraga-1', 'fraga-2'];
  const [self, other] = phones as [Phone, Phone];
  const ids: ExampleIds = {
    self: self.participantId,
    other: other.participantId,
    idea: `${prefix}idea-a`,
    idea2: `${prefix}idea-b`,
    ownIdea: `${prefix}own-a`,
    group: `${prefix}grp`,
    board,
    board2,
    row: `${prefix}row-1`,
    fresh: `${prefix}fresh`,
    boards: templateContent(template, 'sv').boards.map((b) => b.id),
    steps: templateContent(template, 'sv').agenda.map((st) => st.id),
  };
  await fac.must({ type: 'group:create', groupId: ids.group, name: 'Grupp' });
  await fac.must({ type: 'agenda:goto', stepIndex: 1 });
  await fac.must({ type: 'idea:add', ideaId: ids.idea, boardId: board, text: 'Idé A' });
  await fac.must({ type: 'idea:add', ideaId: ids.idea2, boardId: board, text: 'Idé B' });
  await self.client.must({ type: 'idea:add', ideaId: ids.ownIdea, boardId: board, text: 'Min idé' });
  return { url, code: created.code, key: created.facilitatorKey, workshopId: created.workshopId, fac, phones, unjoined, screen, ids };
}

export function closeWorld(w: World): void {
  for (const c of [w.fac, w.unjoined, w.screen, ...w.phones.map((p) => p.client)]) c.close();
}

/** What a facilitator sees, less what is about this moment rather than the workshop (clock, who is online). */
export function comparable(msg: { view: ViewMessage; tally: TallyMessage }) {
  const { serverNow: _now, ...rest } = msg.view;
  const participants = rest.view.participants?.map(({ online: _online, ...p }) => p);
  const { online: _o, ...figures } = msg.tally.tally;
  return { ...rest, view: { ...rest.view, participants }, tally: figures };
}

/** The facilitator's view of the workshop now, after everything sent to it before. */
export async function facilitatorState(c: Client) {
  return comparable(await c.sync());
}
