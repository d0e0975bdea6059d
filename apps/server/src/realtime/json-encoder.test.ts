import { Encoder, type Packet, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { JsonEncoder } from './json-encoder.ts';

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
});
