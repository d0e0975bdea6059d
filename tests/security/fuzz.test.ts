/**
 * A seeded fuzz against a real server: every command of the wire schema, `participant:join`, `workshop:sync`
 * and the handshake, sent by a facilitator, phones, phones that have not joined and screens, with reserved
 * names, wrong types, missing and extra fields, huge strings, deep nesting, arrays for objects and numbers out
 * of range. Afterwards the server is alive, every answer was typed (never `internal`), and what was stored is
 * well formed and loads again after a restart exactly as it was shown.
 *
 * Rate limits: each sender stays inside its own budget (a facilitator per workshop, a phone per person, a
 * socket per socket), so limits shape the design, not the outcome; a `rate_limited` answer is still a typed one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, commandEnvelopeSchema, handshakeSchema, joinRequestSchema } from '@fokus/protocol';
import { PARTICIPANT_COMMANDS, RESERVED_IDS, replay } from '@fokus/core';
import { expect, it } from 'vitest';
import type { FokusSocket } from '../support/fokus-client.ts';
import { Client, createWorkshop, newOpId, newToken } from '../support/fokus-client.ts';
import type { ClientCommandType, ExampleIds } from './support-commands.ts';
import { COMMAND_TYPES, EXAMPLES, TYPED_CODES, codeOf, example, isTypedAnswer, messageOf } from './support-commands.ts';
import { eventProblems, storedLog } from './support-stored.ts';
import type { World } from './support-world.ts';
import { buildWorld, closeWorld, facilitatorState, startTestServer } from './support-world.ts';

const SEED = 20_240_808;
const WORLDS = 6;
const RANDOM_PROBES = 1_900;
const HANDSHAKES = 160;
const RESERVED = [...RESERVED_IDS];

type Who = 'facilitator' | 'participant' | 'screen' | 'unjoined';

/** What one sender may send in one window of its limit: safely inside the server's budgets. */
const BUDGET: Record<Who, number> = { facilitator: 100, participant: 34, screen: 34, unjoined: 34 };

type Probe =
  | { kind: 'command'; payload: unknown; label: string; namesField?: string }
  | { kind: 'join'; payload: unknown; label: string }
  | { kind: 'sync'; label: string }
  /** Sent without an ack callback (or to no handler): nothing answers, the server must simply live on. */
  | { kind: 'noise'; event: string; args: unknown[]; label: string };

interface Sender {
  world: World;
  who: Who;
  client: Client;
  queue: Probe[];
  /** A phone whose id the fuzzed commands use, so it may be removed (and come back as someone new). */
  removable: boolean;
}

interface Outcome {
  probe: Probe;
  who: Who;
  answer: unknown;
}

// ---------- what gets sent ----------

const deepObject = (depth: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};
const deepArray = (depth: number): unknown => {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};
/** An object whose own key is "__proto__", as JSON.parse makes it (an object literal would set the prototype). */
const ownProto = (): unknown => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');

const weirdArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...RESERVED) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', 'a b', 'ö', '../etc', '\u0000', '<script>', 'x'.repeat(65), '💥'.repeat(300), 'x'.repeat(12_000)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 31, 2 ** 53, 2 ** 64, Number.NaN, Number.POSITIVE_INFINITY) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom<() => unknown>(
        () => [],
        () => ({}),
        () => ['a', 'b'],
        () => [{ id: 'x' }],
        () => deepObject(800),
        () => deepArray(2_000),
        ownProto,
      )
      .map((make) => make()),
  },
);

const keyArb = fc.constantFrom('extra', '__proto__', 'constructor', 'prototype', 'type', 'opId', 'toString', 'x'.repeat(300));

/** Every path to a value inside a command (not the command itself), e.g. ['row', 'ideaId'], ['sourceIds', 0]. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object')
    return Object.keys(value).flatMap((k) => [[...prefix, k], ...pathsOf((value as Record<string, unknown>)[k], [...prefix, k])]);
  return [];
}

type Container = Record<string | number, unknown>;

function parentOf(root: unknown, path: (string | number)[]): Container {
  let at = root as Container;
  for (const key of path.slice(0, -1)) at = at[key] as Container;
  return at;
}

/** Sets as an own property: `__proto__` becomes a key, never the prototype. */
function setOwn(target: Container, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutate(value: unknown, op: number, pick: number, weird: unknown, key: string): unknown {
  const copy: unknown = structuredClone(value);
  const paths = pathsOf(copy);
  const path = paths[pick % Math.max(1, paths.length)];
  const last = path?.at(-1);
  if (op < 6 || !path || last === undefined) return copy; // unchanged: half are sent as they are, so the workshops' state moves on
  const parent = parentOf(copy, path);
  if (op < 9) setOwn(parent, last, weird);
  else if (op === 9) delete parent[last];
  else if (op === 10) setOwn(copy !== null && typeof copy === 'object' ? (copy as Container) : parent, key, weird);
  else return weird;
  return copy;
}

/**
 * The ids fuzzed commands refer to: mostly those of the workshop the command goes to, some of another workshop,
 * ids of nothing, reserved names, and ids of another shape.
 */
function idsArb(worlds: readonly World[], home: World): fc.Arbitrary<ExampleIds> {
  const pick = (f: (w: World) => string) =>
    fc.oneof({ weight: 6, arbitrary: fc.constant(f(home)) }, { weight: 1, arbitrary: fc.constantFrom(...worlds.map(f)) });
  const some = (known: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 15, arbitrary: known },
      { weight: 1, arbitrary: fc.constantFrom('nope', 'fresh-x', ...RESERVED, 'x'.repeat(64), 'x'.repeat(65), '', 'a b') },
    );
  const idea = some(
    fc.oneof(
      pick((w) => w.ids.idea),
      pick((w) => w.ids.idea2),
      pick((w) => w.ids.ownIdea),
    ),
  );
  return fc.record({
    self: some(
      fc.oneof(
        pick((w) => w.ids.self),
        pick((w) => w.ids.other),
      ),
    ),
    other: some(
      fc.oneof(
        pick((w) => w.ids.self),
        pick((w) => w.ids.other),
      ),
    ),
    idea,
    idea2: idea,
    ownIdea: idea,
    group: some(pick((w) => w.ids.group)),
    board: some(fc.constantFrom('omvarld', 'gemensamt', 'kollegialt')),
    board2: some(fc.constantFrom('omvarld', 'erfarenhet')),
    row: some(fc.constantFrom('row-1', 'row-2')),
    fresh: some(fc.uuid()),
    boards: fc.oneof(fc.constant(home.ids.boards), fc.shuffledSubarray(home.ids.boards), fc.array(some(fc.constantFrom(...home.ids.boards)))),
    steps: fc.oneof(fc.constant(home.ids.steps), fc.shuffledSubarray(home.ids.steps), fc.array(some(fc.constantFrom(...home.ids.steps)))),
  });
}

/** A probe, who sends it, and the workshop whose ids it mostly uses. */
function probesArb(worlds: readonly World[]): fc.Arbitrary<[Who, World, Probe]> {
  return fc.constantFrom(...worlds).chain((home) => probesIn(worlds, home).map(([who, probe]): [Who, World, Probe] => [who, home, probe]));
}

function probesIn(worlds: readonly World[], home: World): fc.Arbitrary<[Who, Probe]> {
  const allTypes = fc.constantFrom(...COMMAND_TYPES);
  // Phones mostly send what phones may send, so their commands reach the rules and not only the role check.
  const phoneTypes = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...COMMAND_TYPES.filter((t) => PARTICIPANT_COMMANDS.has(t))) },
    { weight: 1, arbitrary: allTypes },
  );
  const commandArb = (types: fc.Arbitrary<ClientCommandType>) =>
    fc
      .tuple(types, idsArb(worlds, home), fc.integer({ min: 0, max: 11 }), fc.nat(), weirdArb, keyArb)
      .map(([type, ids, op, pick, weird, key]) => ({ type, command: mutate(example(type, ids), op, pick, weird, key) }));
  const opIdArb = fc.oneof(
    { weight: 12, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom('same-op', 'same-op-2') },
    { weight: 1, arbitrary: weirdArb },
  );
  const envelopeArb = (types: fc.Arbitrary<ClientCommandType>) =>
    fc.oneof(
      { weight: 12, arbitrary: fc.tuple(opIdArb, commandArb(types)).map(([opId, { type, command }]) => ({ type, payload: { opId, command } })) },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.integer({ min: 0, max: 5 }), commandArb(types), weirdArb).map(([shape, { type, command }, weird]) => {
          const shapes: unknown[] = [
            weird,
            { command },
            { opId: newOpId() },
            { opId: newOpId(), command, extra: weird },
            [newOpId(), command],
            { opId: newOpId(), command: [command] },
          ];
          return { type, payload: shapes[shape] };
        }),
      },
    );
  const command = fc
    .constantFrom<Who>('facilitator', 'facilitator', 'participant', 'participant', 'participant', 'participant', 'unjoined', 'unjoined', 'unjoined', 'screen')
    .chain((who) =>
      envelopeArb(who === 'participant' ? phoneTypes : allTypes).map(({ type, payload }): [Who, Probe] => [
        who,
        { kind: 'command', payload, label: `command ${type}` },
      ]),
    );
  const joinArb = fc
    .tuple(
      fc.constantFrom<Who>('unjoined', 'participant', 'facilitator', 'screen'),
      fc.constantFrom('Anna', 'Björn Öberg', 'x'.repeat(61), ' ', ''),
      fc.constantFrom('', 'Malmö stad', 'x'.repeat(81)),
      fc.oneof(fc.constant(undefined), fc.constant(newToken()), fc.constantFrom('__defineGetter__', '__lookupSetter__', 'short', 'x'.repeat(129))),
      fc.integer({ min: 0, max: 9 }),
      fc.nat(),
      weirdArb,
      keyArb,
    )
    .map(([who, name, organisation, token, op, pick, weird, key]): [Who, Probe] => [
      who,
      { kind: 'join', payload: mutate(token === undefined ? { name, organisation } : { name, organisation, token }, op, pick, weird, key), label: 'join' },
    ]);
  const syncArb = fc.constantFrom<Who>('facilitator', 'participant', 'unjoined', 'screen').map((who): [Who, Probe] => [who, { kind: 'sync', label: 'sync' }]);
  const noiseArb = fc
    .tuple(
      fc.constantFrom<Who>('participant', 'unjoined', 'screen'),
      fc.constantFrom('workshop:command', 'participant:join', 'workshop:sync', 'workshop:delete', 'session:hello', 'x'.repeat(200)),
      weirdArb,
    )
    .map(([who, event, weird]): [Who, Probe] => [who, { kind: 'noise', event, args: [weird], label: `noise ${event.slice(0, 20)}` }]);
  return fc.oneof({ weight: 88, arbitrary: command }, { weight: 5, arbitrary: joinArb }, { weight: 3, arbitrary: syncArb }, { weight: 4, arbitrary: noiseArb });
}

/** Each id field of each command set to each reserved name (and the op id): bad_request naming the field. */
function reservedProbes(ids: ExampleIds): Probe[] {
  const out: Probe[] = [];
  const idFields = (type: ClientCommandType) =>
    pathsOf(EXAMPLES[type](ids)).filter((p) => {
      const last = String(p[p.length - 1]);
      // In a list of ids (sources, reorders) the first place stands for all: the budgets hold no more.
      const idList = last === '0' && /Ids$/.test(String(p[p.length - 2]));
      return (/Id$|^id$/.test(last) || idList) && (p[0] !== 'groups' || p.length === 3) && p[0] !== 'settings';
    });
  for (const type of COMMAND_TYPES) {
    for (const path of idFields(type)) {
      for (const name of RESERVED) {
        const command = structuredClone(example(type, ids));
        const last = path.at(-1);
        if (last !== undefined) setOwn(parentOf(command, path), last, name);
        out.push({
          kind: 'command',
          payload: { opId: newOpId(), command },
          label: `reserved ${type} ${path.join('.')}`,
          namesField: ['command', ...path].join('.'),
        });
      }
    }
  }
  for (const name of RESERVED)
    out.push({ kind: 'command', payload: { opId: name, command: { type: 'timer:reset' } }, label: 'reserved opId', namesField: 'opId' });
  return out;
}

// ---------- sending ----------

async function revive(s: Sender): Promise<void> {
  // A phone the fuzz removed (its socket is closed by the server) comes back as a new person, if joining is open.
  s.client.close();
  s.client = await Client.connect(s.world.url, { code: s.world.code, role: 'participant' });
  const ack = await s.client.join('Ny', newToken());
  s.who = ack.ok ? 'participant' : 'unjoined';
}

/** The socket without its typed event map: the fuzz sends exactly what the types forbid. */
interface RawSocket {
  emit(event: string, ...args: unknown[]): unknown;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
}
const raw = (socket: FokusSocket): RawSocket => socket as unknown as RawSocket;

async function send(s: Sender, probe: Probe): Promise<unknown> {
  const socket = raw(s.client.socket);
  try {
    if (probe.kind === 'command') return await socket.timeout(5_000).emitWithAck('workshop:command', probe.payload);
    if (probe.kind === 'join') return await socket.timeout(5_000).emitWithAck('participant:join', probe.payload);
    if (probe.kind === 'sync') return await socket.timeout(5_000).emitWithAck('workshop:sync');
    socket.emit(probe.event, ...probe.args);
    return 'no answer expected';
  } catch (err) {
    return { noAnswer: err instanceof Error ? err.message : String(err), removed: s.client.removed };
  }
}

/** A value as the server receives it: Socket.IO sends JSON (NaN and Infinity arrive as null, undefined as null). */
function overTheWire(value: unknown): unknown {
  return (JSON.parse(JSON.stringify([value])) as unknown[])[0];
}

/** Which answers a probe may get from this sender: null when any typed answer will do. */
function expectedCode(probe: Probe, who: Who): string | null {
  if (probe.kind === 'command') {
    if (!commandEnvelopeSchema.safeParse(overTheWire(probe.payload)).success) return 'bad_request';
    if (who === 'screen') return 'forbidden';
    if (who === 'unjoined') return 'not_joined';
    return null;
  }
  if (probe.kind === 'join') {
    if (who === 'facilitator' || who === 'screen') return 'forbidden';
    return joinRequestSchema.safeParse(overTheWire(probe.payload)).success ? null : 'bad_request';
  }
  return probe.kind === 'sync' ? 'ok' : null;
}

/** Why an answer is wrong for its probe, or null. */
function problemWith({ probe, who, answer }: Outcome): string | null {
  if (probe.kind === 'noise') return null;
  const what = `${who} ${probe.label}: ${JSON.stringify(answer)?.slice(0, 200)}`;
  if (typeof answer === 'object' && answer !== null && 'noAnswer' in answer) {
    // Only a phone the fuzz itself removed may lose its socket while waiting.
    return 'removed' in answer && answer.removed === true ? null : `no answer: ${what}`;
  }
  if (!isTypedAnswer(answer)) return `untyped: ${what}`;
  const code = codeOf(answer);
  if (code === 'rate_limited') return null;
  if (probe.kind === 'command' && probe.namesField) {
    // A reserved name is refused, and the answer says in which field.
    return code === 'bad_request' && messageOf(answer).startsWith(`${probe.namesField}: `) ? null : `expected bad_request naming ${probe.namesField}: ${what}`;
  }
  const expected = expectedCode(probe, who);
  if (expected !== null && code !== expected) return `expected ${expected}: ${what}`;
  if (expected === null && code === 'bad_request') return `valid, yet bad_request: ${what}`;
  return null;
}

async function runSender(s: Sender, outcomes: Outcome[]): Promise<void> {
  for (const probe of s.queue) {
    if (!s.client.socket.connected) await revive(s);
    const who = s.who;
    const answer = await send(s, probe);
    if (probe.kind === 'join' && isTypedAnswer(answer) && codeOf(answer) === 'ok') s.who = 'participant';
    outcomes.push({ probe, who, answer });
  }
}

// ---------- the handshake ----------

interface HandshakeOutcome {
  auth: unknown;
  result: 'connected' | string;
}

function handshakesArb(worlds: readonly World[]): fc.Arbitrary<Record<string, unknown>> {
  const base = fc.record({
    v: fc.constant<unknown>(PROTOCOL_VERSION),
    code: fc.constantFrom<unknown>(...worlds.map((w) => w.code), ...worlds.map((w) => w.code.toLowerCase()), 'AAAAAA', 'ABC12'),
    role: fc.constantFrom<unknown>('participant', 'screen', 'facilitator'),
    key: fc.constantFrom<unknown>(undefined, ...worlds.map((w) => w.key), 'x'.repeat(16)),
    token: fc.constantFrom<unknown>(undefined, ...worlds.flatMap((w) => w.phones.map((p) => p.token)), newToken()),
  });
  return fc.tuple(base, fc.integer({ min: 0, max: 9 }), fc.nat(), weirdArb, keyArb).map(([auth, op, pick, weird, key]) => {
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(auth)) if (v !== undefined) clean[k] = v;
    const out = mutate(clean, op, pick, weird, key);
    // Socket.IO's own parser drops a handshake whose payload is not a plain object, before any of our code runs.
    return out !== null && typeof out === 'object' && !Array.isArray(out) ? (out as Record<string, unknown>) : { v: weird };
  });
}

function tryHandshake(url: string, auth: Record<string, unknown>): Promise<string> {
  const socket: FokusSocket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 5_000 });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      socket.close();
      resolve(isTypedAnswer(err.data) ? codeOf(err.data) : `untyped connect_error: ${err.message} ${JSON.stringify(err.data)}`);
    });
  });
}

// ---------- the test ----------

function prototypeSnapshot(): string {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',');
}

it('answers every fuzzed command, join, sync and handshake with a typed answer, stores nothing invalid, and survives', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fokus-fuzz-'));
  const protoBefore = prototypeSnapshot();
  const server = await startTestServer(dataDir);
  const worlds: World[] = [];
  const extra: Client[] = [];
  let restarted: Awaited<ReturnType<typeof startTestServer>> | null = null;
  try {
    for (let i = 0; i < WORLDS; i++) worlds.push(await buildWorld(server.url, `w${i}-`));
    const [first] = worlds;
    if (!first) throw new Error('no workshop');

    // Senders: per workshop its facilitator, four phones, three phones not joined and two screens.
    const senders: Sender[] = [];
    for (const w of worlds) {
      const more = await Promise.all(
        ['Åsa', 'Omar'].map(async (name) => {
          const client = await Client.connect(w.url, { code: w.code, role: 'participant' });
          const ack = await client.join(name);
          if (!ack.ok) throw new Error(ack.message);
          return client;
        }),
      );
      const unjoined = await Promise.all([1, 2].map(() => Client.connect(w.url, { code: w.code, role: 'participant' })));
      const screen2 = await Client.connect(w.url, { code: w.code, role: 'screen' });
      extra.push(...more, ...unjoined, screen2);
      const add = (who: Who, client: Client, removable = false) => senders.push({ world: w, who, client, queue: [], removable });
      add('facilitator', w.fac);
      for (const p of w.phones) add('participant', p.client, true);
      for (const c of more) add('participant', c);
      for (const c of [w.unjoined, ...unjoined]) add('unjoined', c);
      for (const c of [w.screen, screen2]) add('screen', c);
    }

    // Deal the probes: each to the sender of its role with the most budget left; reserved-name probes to anyone.
    const left = new Map(senders.map((s) => [s, BUDGET[s.who]]));
    let dropped = 0;
    const deal = (probe: Probe, who: Who | 'any', home: World | null) => {
      // Probes that must be answered go to senders the fuzz cannot remove.
      const fits = (s: Sender) => (who === 'any' ? !s.removable : s.who === who);
      const most = (among: Sender[]) => {
        let best: Sender | null = null;
        for (const s of among) if (fits(s) && (left.get(s) ?? 0) > (best ? (left.get(best) ?? 0) : 0)) best = s;
        return best;
      };
      // In the workshop whose ids it uses if that one has budget left, else wherever.
      const best = most(senders.filter((s) => s.world === home)) ?? most(senders);
      if (!best) return void dropped++;
      left.set(best, (left.get(best) ?? 0) - (probe.kind === 'noise' ? 0 : 1));
      best.queue.push(probe);
    };
    const random = fc.sample(probesArb(worlds), { seed: SEED, numRuns: RANDOM_PROBES });
    for (const [who, home, probe] of random) deal(probe, who, home);
    for (const probe of reservedProbes(first.ids)) deal(probe, 'any', null);
    expect(dropped, 'the probes fit the senders’ budgets').toBe(0);

    const outcomes: Outcome[] = [];
    await Promise.all(senders.map((s) => runSender(s, outcomes)));

    // The handshake: typed connect errors, and only a valid handshake connects.
    const handshakes: HandshakeOutcome[] = [];
    for (const auth of fc.sample(handshakesArb(worlds), { seed: SEED + 1, numRuns: HANDSHAKES })) {
      handshakes.push({ auth, result: await tryHandshake(server.url, auth) });
    }

    // Messages over the size limit: the socket is dropped, nothing is answered, the server lives on.
    const oversized: string[] = [];
    for (const event of ['workshop:command', 'participant:join'] as const) {
      const c = await Client.connect(server.url, { code: first.code, role: 'participant' });
      const dropped = new Promise<string>((resolve) => c.socket.once('disconnect', (reason) => resolve(reason)));
      raw(c.socket).emit(event, { opId: newOpId(), name: 'x'.repeat(40_000) }, () => oversized.push('answered'));
      oversized.push(await dropped);
      c.close();
    }

    // 1. Every answer typed and as the schema says; nothing internal.
    const problems = outcomes.map(problemWith).filter((p): p is string => p !== null);
    expect(problems.slice(0, 20)).toEqual([]);
    const answered = outcomes.filter((o) => o.probe.kind !== 'noise' && isTypedAnswer(o.answer));
    const codes = new Map<string, number>();
    for (const o of answered) codes.set(codeOf(o.answer), (codes.get(codeOf(o.answer)) ?? 0) + 1);
    expect(codes.get('internal') ?? 0).toBe(0);
    expect([...codes.keys()].every((c) => c === 'ok' || TYPED_CODES.has(c))).toBe(true);

    // 2. Coverage: every command type was answered both as a valid and as an invalid message, past the limits.
    const reached = (o: Outcome) => codeOf(o.answer) !== 'rate_limited';
    for (const type of COMMAND_TYPES) {
      const mine = answered.filter((o) => reached(o) && o.probe.label === `command ${type}`);
      expect(mine.filter((o) => codeOf(o.answer) !== 'bad_request').length, `${type} valid`).toBeGreaterThan(0);
      expect(mine.filter((o) => codeOf(o.answer) === 'bad_request').length, `${type} invalid`).toBeGreaterThan(0);
    }
    for (const who of ['facilitator', 'participant', 'screen', 'unjoined'] as const) {
      expect(answered.filter((o) => reached(o) && o.who === who).length, who).toBeGreaterThan(50);
    }
    const reservedAnswers = answered.filter((o) => o.probe.kind === 'command' && o.probe.namesField && reached(o));
    expect(reservedAnswers.length).toBe(reservedProbes(first.ids).length);
    expect(answered.filter((o) => o.probe.kind === 'join' && reached(o) && codeOf(o.answer) === 'ok').length).toBeGreaterThan(0);
    expect(codes.get('rate_limited') ?? 0, 'the fuzz stays inside the rate limits').toBe(0);
    expect(outcomes.length).toBeGreaterThan(2_000);

    // 3. The handshake.
    for (const h of handshakes) {
      const valid = handshakeSchema.safeParse(overTheWire(h.auth)).success;
      expect(TYPED_CODES.has(h.result) || h.result === 'connected', `${JSON.stringify(h.auth)?.slice(0, 200)} -> ${h.result}`).toBe(true);
      if (!valid) expect(h.result, JSON.stringify(h.auth)?.slice(0, 200)).toBe('bad_request');
    }
    expect(handshakes.filter((h) => h.result === 'connected').length).toBeGreaterThan(10);
    expect(new Set(handshakes.map((h) => h.result))).toEqual(new Set(['connected', 'bad_request', 'not_found', 'unauthorized', 'version_mismatch']));
    expect(oversized).toEqual(['transport close', 'transport close']);

    // 4. Alive: a new workshop, a phone joins and votes; no prototype was touched in this process.
    const fresh = await createWorkshop(server.url);
    const fac = await Client.connect(server.url, { code: fresh.code, role: 'facilitator', key: fresh.facilitatorKey });
    const phone = await Client.connect(server.url, { code: fresh.code, role: 'participant' });
    extra.push(fac, phone);
    expect((await phone.join('Efteråt')).ok).toBe(true);
    await fac.must({ type: 'idea:add', ideaId: 'after', boardId: 'omvarld', text: 'Efter fuzzen' });
    await fac.must({ type: 'voting:open' });
    expect(await phone.send({ type: 'vote:add', ideaId: 'after' })).toMatchObject({ ok: true });
    expect(prototypeSnapshot()).toBe(protoBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();

    // 5. Stored: what each workshop shows now is what it shows after a restart, and every stored event is well formed.
    // Closing voting releases whatever anonymous voting holds back live (that gate is not stored), so what is shown is complete.
    const shown = new Map<string, unknown>();
    for (const w of worlds) {
      if ((await w.fac.sync()).view.view.voting.status === 'open') await w.fac.must({ type: 'voting:close' });
      shown.set(w.code, await facilitatorState(w.fac));
    }
    for (const w of worlds) closeWorld(w);
    for (const c of extra) c.close();
    for (const s of senders) s.client.close();
    await server.stop();

    for (const w of worlds) {
      const { events } = await storedLog(dataDir, w.code);
      const bad = events.flatMap((e) => eventProblems(e.event).map((p) => `#${e.seq} ${p}`));
      expect(bad, w.code).toEqual([]);
      expect(replay(events.map((e) => e.event))?.version).toBe(events.length);
    }
    restarted = await startTestServer(dataDir);
    for (const w of worlds) {
      const again = await Client.connect(restarted.url, { code: w.code, role: 'facilitator', key: w.key });
      expect(await facilitatorState(again), w.code).toEqual(shown.get(w.code));
      again.close();
    }
  } finally {
    for (const w of worlds) closeWorld(w);
    for (const c of extra) c.close();
    await server.stop().catch(() => undefined);
    await restarted?.stop();
  }
}, 60_000);
