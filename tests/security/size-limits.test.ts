import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@fokus/protocol';
import type { AckError, CreateWorkshopResponse } from '@fokus/protocol';
import { MAX_MESSAGE_BYTES } from '../../apps/server/src/realtime/socket-server.ts';
import { Client, createWorkshop, newOpId } from '../support/fokus-client.ts';
import type { RunningServer } from '../support/test-server.ts';
import { startServer } from '../support/test-server.ts';

let server: RunningServer;
let w: CreateWorkshopResponse;
beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server.url);
});
afterAll(async () => {
  await server?.stop();
});

const post = (body: string) => fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const deep = (depth: number, leaf = '1') => '['.repeat(depth) + leaf + ']'.repeat(depth);
const alive = async () => expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

describe('HTTP bodies', () => {
  it('refuses an oversized body with 413 and a typed error, before reading it as JSON', async () => {
    const res = await post(JSON.stringify({ title: 'x'.repeat(20 * 1024) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'bad_request', message: expect.any(String) });
    await alive();
  });

  it('refuses deeply nested JSON as a bad request, and serves on', async () => {
    for (const body of [`{"title":${deep(5000)}}`, deep(8000), `{"title":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`]) {
      expect(body.length).toBeLessThan(16 * 1024);
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'bad_request' });
    }
    await alive();
  });

  it('refuses prototype keys in a body', async () => {
    const res = await post('{"template":"blank","__proto__":{"polluted":true}}');
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('socket messages', () => {
  it('closes only the socket that sends an oversized message', async () => {
    const big = await Client.connect(server.url, { code: w.code, role: 'participant' });
    const other = await Client.connect(server.url, { code: w.code, role: 'participant' });
    try {
      const closed = new Promise<string>((resolve) => big.socket.once('disconnect', (reason) => resolve(reason)));
      big.socket.emit(
        'workshop:command',
        { opId: newOpId(), command: { type: 'idea:add', ideaId: 'x', boardId: 'omvarld', text: 'x'.repeat(MAX_MESSAGE_BYTES * 2) } },
        () => {},
      );
      expect(await closed).toMatch(/transport (close|error)/);
      // The phone next to it is still connected and served.
      expect(other.socket.connected).toBe(true);
      expect(await other.join('Pia')).toMatchObject({ ok: true });
      await alive();
    } finally {
      big.close();
      other.close();
    }
  });

  it('answers deeply nested or wrong-typed commands with bad_request and keeps the socket', async () => {
    const phone = await Client.connect(server.url, { code: w.code, role: 'participant' });
    try {
      const envelopes = [
        { opId: newOpId(), command: JSON.parse(deep(3000, '{"type":"vote:add"}')) as unknown },
        { opId: newOpId(), command: { type: 'vote:add', ideaId: JSON.parse(deep(3000)) as unknown } },
        { opId: JSON.parse(deep(3000)) as unknown, command: { type: 'vote:add', ideaId: 'a' } },
        { opId: newOpId(), command: { type: 'idea:add', ideaId: 'a', boardId: 'omvarld', text: { toString: 'x' } } },
      ];
      for (const envelope of envelopes) {
        const ack = (await phone.socket.timeout(5000).emitWithAck('workshop:command', envelope as never)) as AckError;
        expect(ack).toMatchObject({ ok: false, error: 'bad_request' });
      }
      expect(phone.socket.connected).toBe(true);
      expect(await phone.join('Bo')).toMatchObject({ ok: true });
    } finally {
      phone.close();
    }
  });

  it('refuses a deeply nested handshake with a typed connect error', async () => {
    const socket = io(server.url, {
      auth: { v: PROTOCOL_VERSION, code: w.code, role: 'participant', token: JSON.parse(deep(3000)) as unknown },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const error = await new Promise<AckError | undefined>((resolve) => socket.once('connect_error', (err: Error & { data?: AckError }) => resolve(err.data)));
    socket.close();
    expect(error).toMatchObject({ ok: false, error: 'bad_request' });
    await alive();
  });
});
