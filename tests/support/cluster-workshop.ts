import type { VotingSettings } from '@fokus/core';
import type { CreateWorkshopResponse, TallyMessage } from '@fokus/protocol';
import type pg from 'pg';
import { createWorkshop } from './fokus-client.ts';
import { RoamingClient } from './roaming-phone.ts';
import { LONG_THEMES } from './seed-workshop.ts';

/** Which process each client goes to: its own first, then (after a lost connection) the survivors in turn. */
export class Router {
  readonly alive: string[];
  private turn = 0;

  constructor(readonly urls: readonly string[]) {
    this.alive = [...urls];
  }

  /** The process `url` is gone: nobody is sent there any more. */
  gone(url: string): void {
    const i = this.alive.indexOf(url);
    if (i >= 0) this.alive.splice(i, 1);
  }

  /** Client number `i`: process i mod n, then round-robin over the survivors. */
  routeFor(i: number): (attempt: number) => string {
    let first = true;
    return () => {
      const home = this.urls[i % this.urls.length] as string;
      if (first && this.alive.includes(home)) {
        first = false;
        return home;
      }
      first = false;
      return this.alive[this.turn++ % this.alive.length] as string;
    };
  }
}

export interface ClusterWorkshop {
  created: CreateWorkshopResponse;
  ideaIds: string[];
  /** One facilitator per process (index = process). */
  facilitators: RoamingClient[];
  /** One screen per process. */
  screens: RoamingClient[];
  close(): void;
}

/**
 * A workshop made over HTTP on the first process, a facilitator and a screen on every process, a few ideas from
 * the seed's long Swedish compounds (ids `${prefix}-1`…) and the voting settings asked for; voting is not open yet.
 */
export async function clusterWorkshop(router: Router, prefix: string, voting: Partial<VotingSettings>, ideas = 6): Promise<ClusterWorkshop> {
  const created = await createWorkshop(router.urls[0] as string, { template: 'handlingsplan', lang: 'sv', title: `Key Cities Group – ${prefix}` });
  const connect = async (role: 'facilitator' | 'screen', i: number) => {
    const c = new RoamingClient({ code: created.code, role, key: created.facilitatorKey, route: router.routeFor(i) });
    await c.start();
    return c;
  };
  const facilitators = await Promise.all(router.urls.map((_, i) => connect('facilitator', i)));
  const screens = await Promise.all(router.urls.map((_, i) => connect('screen', i)));
  const lead = facilitators[0] as RoamingClient;
  const boardId = lead.view?.view.boards[0]?.id;
  if (!boardId) throw new Error('the template has no board');
  const ideaIds: string[] = [];
  for (const [i, theme] of LONG_THEMES.slice(0, ideas).entries()) {
    const ideaId = `${prefix}-${i + 1}`;
    await must(lead, { type: 'idea:add', ideaId, boardId, text: theme.text, details: theme.details });
    ideaIds.push(ideaId);
  }
  await must(lead, { type: 'voting:configure', settings: voting });
  return {
    created,
    ideaIds,
    facilitators,
    screens,
    close() {
      for (const c of [...facilitators, ...screens]) c.close();
    },
  };
}

/** Sends and insists on success. */
export async function must(client: RoamingClient, command: Parameters<RoamingClient['send']>[0]): Promise<void> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error} ${ack.message}`);
}

/** `count` phones joined, phone i on process i mod n (then the survivors), `parallel` at a time. */
export async function joinPhones(router: Router, code: string, count: number, namePrefix: string, parallel = 50): Promise<RoamingClient[]> {
  const phones: RoamingClient[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, async (_, k) => {
      const i = start + k;
      const phone = new RoamingClient({ code, role: 'participant', route: router.routeFor(i) });
      await phone.start();
      await phone.join(`${namePrefix} ${i + 1}`);
      phones[i] = phone;
    });
    await Promise.all(batch);
  }
  return phones;
}

/** Dots per idea as the log holds them: every vote.added less every vote.removed, read with SQL. */
export async function dotsInLog(pool: pg.Pool, workshopId: string): Promise<{ dots: Record<string, number>; added: VoteEvent[] }> {
  const { rows } = await pool.query<{ type: string; data: string }>(
    "SELECT type, data FROM events WHERE workshop_id = $1 AND type IN ('vote.added', 'vote.removed') ORDER BY seq",
    [workshopId],
  );
  const dots: Record<string, number> = {};
  const added: VoteEvent[] = [];
  for (const row of rows) {
    const e = JSON.parse(row.data) as VoteEvent;
    dots[e.ideaId] = (dots[e.ideaId] ?? 0) + (row.type === 'vote.added' ? 1 : -1);
    if (row.type === 'vote.added') added.push(e);
  }
  for (const [id, n] of Object.entries(dots)) if (n === 0) delete dots[id];
  return { dots, added };
}

export interface VoteEvent {
  participantId: string;
  ideaId: string;
}

/** The dots per idea a tally shows (ideas without dots left out); null while results are hidden from it. */
export function dotsOf(tally: TallyMessage | null): Record<string, number> | null {
  if (!tally?.tally.tallies) return null;
  const out: Record<string, number> = {};
  for (const [id, t] of Object.entries(tally.tally.tallies)) if (t.dots > 0) out[id] = t.dots;
  return out;
}

export const sameDots = (a: Record<string, number> | null, b: Record<string, number>): boolean =>
  a !== null && Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v);

/** Transactions committed and rolled back in this database so far (a lost seq race is a rollback): for the log line. */
export async function transactions(pool: pg.Pool): Promise<{ commits: number; rollbacks: number }> {
  const { rows } = await pool.query<{ c: string; r: string }>(
    'SELECT xact_commit AS c, xact_rollback AS r FROM pg_stat_database WHERE datname = current_database()',
  );
  return { commits: Number(rows[0]?.c ?? 0), rollbacks: Number(rows[0]?.r ?? 0) };
}
