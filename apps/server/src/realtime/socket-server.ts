import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { AckError, ClientToServerEvents, ErrorCode, ServerToClientEvents, ViewRole } from '@fokus/protocol';
import { HOST_REFUSED, ORIGIN_REFUSED } from '../http/origin-policy.ts';
import type { OriginPolicy } from '../http/origin-policy.ts';
import type { RoomOutput } from '../workshop-room.ts';
import { jsonParser, preEncoded } from './json-encoder.ts';
import { PhoneFanout } from './phone-slices.ts';

export interface SocketData {
  workshopId: string;
  code: string;
  role: ViewRole;
  participantId: string | null;
  /** The client's address (a trusted proxy's forwarded one), for the per-address limits. */
  ip: string;
}

/** What Fokus processes tell each other through the Redis adapter (JSON text: msgpack would turn undefined into null). */
export interface ClusterEvents {
  'fokus:committed': (write: string) => void;
  'fokus:erased': (workshopId: string) => void;
  'fokus:presence': (presence: string) => void;
  /** Work for a workshop's writer (JSON), and its answer to the process that asked. */
  'fokus:forward': (work: string) => void;
  'fokus:answer': (answer: string) => void;
}

export type FokusServer = Server<ClientToServerEvents, ServerToClientEvents, ClusterEvents, SocketData>;

export const roleRoom = (workshopId: string, role: ViewRole) => `w:${workshopId}:${role}`;
export const participantRoom = (workshopId: string, participantId: string) => `w:${workshopId}:p:${participantId}`;
/** One slice of a workshop's phones (see phone-slices.ts). */
export const phoneSliceRoom = (workshopId: string, slice: number) => `w:${workshopId}:participant:${slice}`;

/** Small on purpose: the largest legitimate message is an idea with its details. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export function createSocketServer(http: HttpServer, policy: OriginPolicy): FokusServer {
  const io: FokusServer = new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    parser: jsonParser,
    pingInterval: 20_000,
    pingTimeout: 25_000,
    // Socket.IO's CORS only shapes headers; this refuses foreign pages outright, including WebSocket upgrades.
    // Browsers always send Origin on a WebSocket; scripts without one are no DNS-rebinding or CSRF vector.
    allowRequest: (req, callback) => {
      if (policy.hostOf(req) === null) return callback(HOST_REFUSED, false);
      const origin = req.headers.origin;
      if (origin !== undefined && !policy.originAllowed(origin, req)) return callback(ORIGIN_REFUSED, false);
      callback(null, true);
    },
  });
  // Engine.IO answers long-polling itself, outside Fastify: the same basic headers as every other response.
  io.engine.on('headers', (headers: Record<string, string>) => {
    headers['X-Content-Type-Options'] = 'nosniff';
    headers['Referrer-Policy'] = 'no-referrer';
  });
  return io;
}

/**
 * Sends what rooms publish to the Socket.IO rooms of their audience; each broadcast is encoded once. Only to this
 * process's sockets: with several processes, each one's room applies every event and serves its own sockets.
 */
export function socketOutput(io: FokusServer): RoomOutput {
  const here = io.local;
  const phones = new PhoneFanout();
  // Phones are many: their messages wait their turn in one line (phone-slices.ts). The facilitator and the screens are few.
  const toRole = (id: string, role: ViewRole, send: (to: ReturnType<typeof here.to>) => void): void => {
    if (role !== 'participant') {
      send(here.to(roleRoom(id, role)));
      return;
    }
    const count = io.sockets.adapter.rooms.get(roleRoom(id, 'participant'))?.size ?? 0;
    phones.send(count, (slices) => send(here.to(slices.map((slice) => phoneSliceRoom(id, slice)))));
  };
  return {
    view: (id, role, msg, json) => toRole(id, role, (to) => to.emit('workshop:view', onWire(msg, json))),
    tally: (id, role, msg, json) => toRole(id, role, (to) => to.emit('workshop:tally', onWire(msg, json))),
    me: (id, participantId, msg) => here.to(participantRoom(id, participantId)).emit('participant:me', msg),
    removed: (id, participantId) => {
      here.to(participantRoom(id, participantId)).emit('participant:removed');
      here.in(participantRoom(id, participantId)).disconnectSockets(true);
    },
  };
}

/** What is emitted for a message: its JSON as the room made it, when it did, else the message to be stringified. */
const onWire = <T>(msg: T, json: string | undefined): T => (json === undefined ? msg : preEncoded<T>(json));

export const ackError = (error: ErrorCode, message: string): AckError => ({ ok: false, error, message });

/** A connect_error the client can read: `err.data` carries the typed error. */
export function connectError(error: ErrorCode, message: string): Error & { data: AckError } {
  return Object.assign(new Error(message), { data: ackError(error, message) });
}
