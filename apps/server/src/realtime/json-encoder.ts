import { Decoder, Encoder, type Packet } from 'socket.io-parser';

/**
 * Socket.IO's encoder, without its search for binary. The stock one walks every outgoing packet's whole data for
 * Buffers and typed arrays before it stringifies it; Fokus sends JSON only (the protocol's schemas have no binary),
 * and at 5,000 phones that walk cost more than the JSON.stringify after it (0.64 s and 0.54 s of 25 s busy in the
 * bench's profile: every broadcast view is walked to its last leaf). The text is the stock encoder's, byte for byte
 * (json-encoder.test.ts compares them), so clients and other processes read it as before.
 */
export class JsonEncoder extends Encoder {
  override encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += packet.id;
    if (packet.data != null) text += encodeData(packet.data);
    return [text];
  }
}

/** A message's JSON, made already: the encoder writes it as it is, not stringified again. */
class PreEncoded {
  constructor(readonly json: string) {}
}

/**
 * An event's argument already written as JSON (a room's broadcast, which the room stringified to see whether it
 * changed): sent as it is. Typed as the message it stands for, so it goes through the typed `emit`.
 */
export function preEncoded<T>(json: string): T {
  return new PreEncoded(json) as unknown as T;
}

function encodeData(data: unknown): string {
  if (!Array.isArray(data) || !data.some((d) => d instanceof PreEncoded)) return JSON.stringify(data);
  return `[${data.map((d) => (d instanceof PreEncoded ? d.json : (JSON.stringify(d) ?? 'null'))).join(',')}]`;
}

/** For `new Server(http, { parser })`: the stock decoder reads what phones send. */
export const jsonParser = { Encoder: JsonEncoder, Decoder };
