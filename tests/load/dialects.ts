import type { CommandAck, JoinAck, TallyMessage, ViewMessage } from '@fokus/protocol';
import { PROTOCOL_VERSION } from '@fokus/protocol';
import type { Target } from './types.ts';

/**
 * How the swarm speaks to a server: the Fokus protocol or the raw baseline. Everything else (timing,
 * resends, reconnects, measuring) is shared, so the two servers are driven by the same code.
 */
export interface Dialect {
  phoneAuth(code: string, token: string): Record<string, unknown>;
  screenAuth(code: string): Record<string, unknown>;
  joinEvent: string;
  joinPayload(name: string, token: string): unknown;
  joinOk(ack: unknown): boolean;
  /** The error code of a refused join, or null. */
  joinError(ack: unknown): string | null;
  voteEvent: string;
  votePayload(opId: string, ideaId: string): unknown;
  voteOutcome(ack: unknown): { kind: 'ok' } | { kind: 'refused'; error: string };
  /** Whether a pushed message says voting is open. */
  votingOpen(event: string, payload: unknown): boolean;
  /** The summed dots of a pushed tally, or null when the message is something else (or hides tallies). */
  tallySum(event: string, payload: unknown): number | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const fokusDialect: Dialect = {
  phoneAuth: (code, token) => ({ v: PROTOCOL_VERSION, code, role: 'participant', token }),
  screenAuth: (code) => ({ v: PROTOCOL_VERSION, code, role: 'screen' }),
  joinEvent: 'participant:join',
  joinPayload: (name, token) => ({ name, organisation: '', token }),
  joinOk: (ack) => isObject(ack) && (ack as JoinAck).ok === true,
  joinError: (ack) => (isObject(ack) && typeof ack.error === 'string' ? ack.error : null),
  voteEvent: 'workshop:command',
  votePayload: (opId, ideaId) => ({ opId, command: { type: 'vote:add', ideaId } }),
  voteOutcome: (ack) => {
    if (!isObject(ack)) return { kind: 'refused', error: 'malformed_ack' };
    const a = ack as CommandAck;
    return a.ok ? { kind: 'ok' } : { kind: 'refused', error: a.error };
  },
  votingOpen: (event, payload) => event === 'workshop:view' && isObject(payload) && (payload as unknown as ViewMessage).view?.voting?.status === 'open',
  tallySum: (event, payload) => {
    if (event !== 'workshop:tally' || !isObject(payload)) return null;
    const tallies = (payload as unknown as TallyMessage).tally?.tallies;
    if (!tallies) return null;
    let sum = 0;
    for (const t of Object.values(tallies)) sum += t.dots;
    return sum;
  },
};

/** The baseline's wire: see baseline-server.ts. */
export const baselineDialect: Dialect = {
  phoneAuth: (code, token) => ({ room: code, role: 'participant', token }),
  screenAuth: (code) => ({ room: code, role: 'screen' }),
  joinEvent: 'join',
  joinPayload: (name, token) => ({ name, token }),
  joinOk: (ack) => isObject(ack) && ack.ok === true,
  joinError: () => null,
  voteEvent: 'dot',
  votePayload: (opId, ideaId) => ({ opId, ideaId }),
  voteOutcome: (ack) => (isObject(ack) && ack.ok === true ? { kind: 'ok' } : { kind: 'refused', error: 'refused' }),
  votingOpen: (event, payload) => event === 'open' && payload === true,
  tallySum: (event, payload) => (event === 'tally' && isObject(payload) && typeof payload.dots === 'number' ? payload.dots : null),
};

export const dialectOf = (target: Target): Dialect => (target === 'fokus' ? fokusDialect : baselineDialect);
