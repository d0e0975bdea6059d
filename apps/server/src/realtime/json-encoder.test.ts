import { Decoder, Encoder, type Packet, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { JsonEncoder, preEncoded } from './json-encoder.ts';

const packets: Packet[] = [
  { type: PacketType.CONNECT, nsp: '/' },
  { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } },
  { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'nej', data: { ok: false, error: 'not_found' } } },
  { type: PacketType.DISCONNECT, nsp: '/' },
  { type: PacketType.EVENT, nsp: '/', data: ['workshop:tally', { ideas: { a: { dots: 3, voters: 2 } } }] },
  { type: PacketType.EVENT, nsp: '/admin', id: 7, data: ['x', 'Samverkansöverenskommelsefrågor', null, 0] },
  { type: PacketType.ACK, nsp: '/', id: 0, data: [{ ok: true, value: { mine: { i1: 2 } } }] },
  { type: PacketType.ACK, nsp: '/', id: 123456, data: [{ ok: false, error: 'budget_exhausted', message: '"citat" \\ \u2028' }] },
];

describe('JsonEncoder', () => {
  it('writes what the stock Socket.IO encoder writes, for every kind of packet the server sends', () => {
    const stock = new Encoder();
    const ours = new JsonEncoder();
    for (const packet of packets) expect(ours.encode(packet)).toEqual(stock.encode(packet));
  });

  it('writes a message made already as it is: the same text as the stock encoder writes for the object', () => {
    const stock = new Encoder();
    const ours = new JsonEncoder();
    const msg = { version: 12, serverNow: 1_764_000_000_000, view: { title: 'Samverkansöverenskommelsefrågor "citat"', ideas: [null, 2] } };
    const packet = (data: unknown[]): Packet => ({ type: PacketType.EVENT, nsp: '/', data });
    expect(ours.encode(packet(['workshop:view', preEncoded(JSON.stringify(msg))]))).toEqual(stock.encode(packet(['workshop:view', msg])));
    // Beside ordinary arguments, and read back by the stock decoder as the object it stands for.
    const text = ours.encode(packet(['x', preEncoded('{"a":[1,"b"]}'), 'c', 3]))[0] as string;
    const decoded = new Promise<unknown>((resolve) => {
      const decoder = new Decoder();
      decoder.on('decoded', (p: Packet) => resolve(p.data));
      decoder.add(text);
    });
    return expect(decoded).resolves.toEqual(['x', { a: [1, 'b'] }, 'c', 3]);
  });
});
