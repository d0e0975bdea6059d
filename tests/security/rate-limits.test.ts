import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@fokus/protocol';
import type { AckError } from '@fokus/protocol';
import { buildApp } from '../../apps/server/src/app.ts';
import type { FokusApp } from '../../apps/server/src/app.ts';
import { DEFAULT_RATE_LIMITS } from '../../apps/server/src/config.ts';
import type { Config, RateLimitConfig } from '../../apps/server/src/config.ts';
import { PERSON_LIMITS } from '../../apps/server/src/realtime/rate-limits.ts';
import type { PersonLimits } from '../../apps/server/src/realtime/rate-limits.ts';
import { MemoryStore } from '../../apps/server/src/store/memory-store.ts';
import { Client, createWorkshop } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';

const running: { stop(): Promise<void> }[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const r of running.splice(0)) await r.stop();
});

async function server(
  rateLimits: Partial<RateLimitConfig> = {},
  personLimits: PersonLimits = PERSON_LIMITS,
  config: Partial<Config> = {},
): Promise<RunningServer> {
  const s = await startServer(undefined, { config: { ...config, rateLimits: { ...DEFAULT_RATE_LIMITS, ...rateLimits } }, personLimits });
  running.push(s);
  return s;
}

/** The HTTP side without sockets, where each request can come from any address. */
async function app(rateLimits: Partial<RateLimitConfig> = {}, overrides: Partial<Config> = {}): Promise<FokusApp> {
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: null,
    redisUrl: null,
    allowedOrigins: [],
    allowedHosts: [],
    publicUrl: null,
    trustProxy: false,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...rateLimits },
    logLevel: 'silent',
    webDist: null,
    ...overrides,
  };
  const fokus = await buildApp(config, new MemoryStore());
  running.push({ stop: () => fokus.close() });
  return fokus;
}

async function connect(url: string, auth: Parameters<typeof Client.connect>[1]): Promise<Client> {
  const c = await Client.connect(url, auth);
  clients.push(c);
  return c;
}

/** A handshake's typed refusal (`connect_error` data), or 'connected'; `forwardedFor` as a proxy in front would say. */
function handshake(url: string, code: string, forwardedFor?: string): Promise<string> {
  const extraHeaders = forwardedFor ? { 'x-forwarded-for': forwardedFor } : undefined;
  const socket = io(url, {
    auth: { v: PROTOCOL_VERSION, code, role: 'participant' },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (err: Error & { data?: AckError }) => {
      socket.close();
      resolve(err.data?.error ?? err.message);
    });
  });
}

const wrongCode = (i: number) => `ZZ${'ABCDEFGHJK'[Math.floor(i / 100) % 10]}${'ABCDEFGHJK'[Math.floor(i / 10) % 10]}${'ABCDEFGHJK'[i % 10]}Z`;

describe('commands: per person across every socket, per address across every person', () => {
  it("holds one participant on 100 sockets to one person's rate", async () => {
    // The production budget, in a window longer than the test: a slow machine cannot split the burst over two.
    const s = await server({}, { ...PERSON_LIMITS, participant: { ...PERSON_LIMITS.participant, seconds: 3600 } });
    const w = await createWorkshop(s.url);
    const first = await connect(s.url, { code: w.code, role: 'participant' });
    const joined = await first.join('Abuser');
    if (!joined.ok) throw new Error(joined.message);
    const sockets = await Promise.all(Array.from({ length: 100 }, () => connect(s.url, { code: w.code, role: 'participant', token: joined.token })));
    expect(sockets.every((c) => c.me?.me.participantId === joined.participantId)).toBe(true);

    // Five commands from each socket at once: 500 in all, where one person may send PERSON_LIMITS.participant.points.
    const acks = await Promise.all(sockets.flatMap((c) => Array.from({ length: 5 }, () => c.send({ type: 'vote:add', ideaId: 'nope' }))));
    const limited = acks.filter((a) => !a.ok && a.error === 'rate_limited').length;
    const answered = acks.length - limited;
    console.log(`abuser on 100 sockets: ${answered} of 500 commands answered, ${limited} refused as rate_limited`);
    expect(answered).toBeLessThanOrEqual(PERSON_LIMITS.participant.points);
    expect(limited).toBeGreaterThanOrEqual(500 - PERSON_LIMITS.participant.points);
    // Someone else in the same room, from the same address, is not held back by it.
    const other = await connect(s.url, { code: w.code, role: 'participant' });
    expect(await other.join('Pia')).toMatchObject({ ok: true });
  });

  it('lets 300 phones behind one address join and place 10 dots each, with no rate_limited answer', async () => {
    const s = await server();
    const w = await createWorkshop(s.url);
    const fac = await connect(s.url, { code: w.code, role: 'facilitator', key: w.facilitatorKey });
    const ideas = ['a', 'b', 'c', 'd', 'e'];
    for (const id of ideas) await fac.must({ type: 'idea:add', ideaId: id, boardId: 'omvarld', text: `Idé ${id}` });
    await fac.must({ type: 'voting:open' });

    const started = Date.now();
    const phones = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const phone = await connect(s.url, { code: w.code, role: 'participant' });
        const joined = await phone.join(`Telefon ${i}`);
        return { phone, joined };
      }),
    );
    const joinedMs = Date.now() - started;
    const votes = await Promise.all(
      phones.flatMap(({ phone }) => Array.from({ length: 10 }, (_, d) => phone.send({ type: 'vote:add', ideaId: ideas[d % ideas.length] ?? 'a' }))),
    );
    const allMs = Date.now() - started;
    console.log(`venue: 300 joins in ${joinedMs} ms, 3,000 dots by ${allMs} ms, all from 127.0.0.1`);

    const refusals = [...phones.map((p) => p.joined), ...votes].filter((a) => !a.ok);
    expect(refusals.filter((a) => !a.ok && a.error === 'rate_limited')).toEqual([]);
    expect(refusals).toEqual([]);
    expect(allMs).toBeLessThan(60_000);
    expect(votes.filter((a) => a.ok)).toHaveLength(3000);
  }, 90_000);

  it('counts every person behind one address against the address: joins and commands', async () => {
    const s = await server({ ipJoinsPerMinute: 5, ipCommandsPerMinute: 12 });
    const w = await createWorkshop(s.url);
    const phones = await Promise.all(Array.from({ length: 6 }, () => connect(s.url, { code: w.code, role: 'participant' })));
    const joins = await Promise.all(phones.map((p, i) => p.join(`P${i}`)));
    expect(joins.filter((j) => j.ok)).toHaveLength(5);
    expect(joins.filter((j) => !j.ok && j.error === 'rate_limited')).toHaveLength(1);
    // Five joins spent five of the address's twelve commands; seven more pass, whoever sends them.
    const joined = phones.filter((_, i) => joins[i]?.ok);
    const acks = await Promise.all(joined.flatMap((p) => [p.send({ type: 'vote:add', ideaId: 'x' }), p.send({ type: 'vote:add', ideaId: 'x' })]));
    expect(acks.filter((a) => !a.ok && a.error === 'rate_limited')).toHaveLength(3);
  });
});

describe('join codes: wrong guesses are limited per address, right ones never counted', () => {
  it('answers 429 rate_limited over HTTP once the allowance of wrong codes is spent, for every look-up', async () => {
    const fokus = await app();
    const created = await fokus.app.inject({ method: 'POST', url: '/api/workshops', payload: {}, remoteAddress: '10.0.0.9' });
    const code = created.json<{ code: string }>().code;
    const guess = (path: string, remoteAddress = '203.0.113.7') => fokus.app.inject({ url: path, remoteAddress });

    // The right code, many times: a venue looking it up is never counted.
    for (let i = 0; i < 300; i++) expect((await guess(`/api/workshops/${code}`)).statusCode).toBe(200);
    const allowance = DEFAULT_RATE_LIMITS.ipBadCodesPer10Minutes;
    const paths = (i: number) =>
      [`/api/workshops/${wrongCode(i)}`, `/api/workshops/${wrongCode(i)}/qr.svg`, `/api/workshops/${wrongCode(i)}/export.md`][i % 3] ?? '';
    for (let i = 0; i < allowance; i++) expect((await guess(paths(i))).statusCode).toBe(404);

    const refused = await guess(`/api/workshops/${wrongCode(allowance)}`);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/try again/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Now the right code waits too: otherwise a hit would still tell the guesser.
    expect((await guess(`/api/workshops/${code}`)).statusCode).toBe(429);
    expect((await guess(`/api/workshops/${code}/qr.svg`)).statusCode).toBe(429);
    // Another address is not affected.
    expect((await guess(`/api/workshops/${code}`, '203.0.113.8')).statusCode).toBe(200);
    expect((await guess(`/api/workshops/${wrongCode(0)}`, '203.0.113.8')).statusCode).toBe(404);
  });

  it('refuses the handshake with rate_limited after the allowance, HTTP and sockets sharing one budget', async () => {
    const s = await server({ ipBadCodesPer10Minutes: 10 });
    const w = await createWorkshop(s.url);
    for (let i = 0; i < 5; i++) expect((await fetch(`${s.url}/api/workshops/${wrongCode(i)}`)).status).toBe(404);
    for (let i = 5; i < 10; i++) expect(await handshake(s.url, wrongCode(i))).toBe('not_found');
    expect(await handshake(s.url, wrongCode(10))).toBe('rate_limited');
    expect(await handshake(s.url, w.code)).toBe('rate_limited');
    const http = await fetch(`${s.url}/api/workshops/${wrongCode(11)}`);
    expect(http.status).toBe(429);
    expect(await http.json()).toMatchObject({ error: 'rate_limited' });
  });

  it('does not count right codes at the handshake either', async () => {
    const s = await server({ ipBadCodesPer10Minutes: 3 });
    const w = await createWorkshop(s.url);
    for (let i = 0; i < 20; i++) expect(await handshake(s.url, w.code)).toBe('connected');
    for (let i = 0; i < 3; i++) expect(await handshake(s.url, wrongCode(i))).toBe('not_found');
    expect(await handshake(s.url, wrongCode(3))).toBe('rate_limited');
  });

  it("counts a socket behind a trusted proxy against its client's address, read before the upgrade request is let go", async () => {
    const s = await server({ ipBadCodesPer10Minutes: 2 }, PERSON_LIMITS, { trustProxy: ['127.0.0.1'] });
    const w = await createWorkshop(s.url);
    for (let i = 0; i < 2; i++) expect(await handshake(s.url, wrongCode(i), '192.0.2.1')).toBe('not_found');
    expect(await handshake(s.url, wrongCode(2), '192.0.2.1')).toBe('rate_limited');
    expect(await handshake(s.url, wrongCode(3), '192.0.2.2')).toBe('not_found');
    // The live connections keep no request: a hall's worth of headers and parsers is heap the collector walks.
    const phone = await connect(s.url, { code: w.code, role: 'participant' });
    expect(phone.socket.connected).toBe(true);
    const live = [...s.fokus.io.sockets.sockets.values()];
    expect(live.length).toBe(1);
    expect(live.map((socket) => socket.conn.request)).toEqual([null]);
  });
});

describe('creating workshops', () => {
  it('is limited per address with 429 rate_limited', async () => {
    const fokus = await app();
    const create = (remoteAddress: string) => fokus.app.inject({ method: 'POST', url: '/api/workshops', payload: {}, remoteAddress });
    for (let i = 0; i < DEFAULT_RATE_LIMITS.ipCreatesPer10Minutes; i++) expect((await create('198.51.100.1')).statusCode).toBe(201);
    const refused = await create('198.51.100.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/try again/) });
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await create('198.51.100.2')).statusCode).toBe(201);
  });

  it('takes the address from X-Forwarded-For only when TRUST_PROXY names the proxy', async () => {
    const direct = await app({ ipCreatesPer10Minutes: 1 });
    const create = (fokus: FokusApp, forwardedFor: string) =>
      fokus.app.inject({ method: 'POST', url: '/api/workshops', payload: {}, remoteAddress: '198.51.100.9', headers: { 'x-forwarded-for': forwardedFor } });
    expect((await create(direct, '192.0.2.1')).statusCode).toBe(201);
    // A made-up header does not buy a fresh budget.
    expect((await create(direct, '192.0.2.2')).statusCode).toBe(429);

    const proxied = await app({ ipCreatesPer10Minutes: 1 }, { trustProxy: ['198.51.100.0/24'] });
    expect((await create(proxied, '192.0.2.1')).statusCode).toBe(201);
    expect((await create(proxied, '192.0.2.2')).statusCode).toBe(201);
    expect((await create(proxied, '192.0.2.1')).statusCode).toBe(429);
  });
});
