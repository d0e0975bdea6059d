import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { AckError, ClientToServerEvents, ErrorCode, ServerToClientEvents, ViewRole } from '@fokus/protocol';
import type { RoomOutput } from '../workshop-room.ts';

export interface SocketData {
  workshopId: string;
  code: string;
  role: ViewRole;
  participantId: string | null;
}

export type FokusServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const roleRoom = (workshopId: string, role: ViewRole) => `w:${workshopId}:${role}`;
export const participantRoom = (workshopId: string, participantId: string) => `w:${workshopId}:p:${participantId}`;

/** Small on purpose: the largest legitimate message is an idea with its details. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export function createSocketServer(http: HttpServer, allowedOrigins: readonly string[]): FokusServer {
  return new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    pingInterval: 20_000,
    pingTimeout: 25_000,
    // Socket.IO's CORS only shapes headers; this refuses foreign pages outright, including WebSocket upgrades.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || originAllowed(origin, req.headers.host, allowedOrigins));
    },
  });
}

export function originAllowed(origin: string, host: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes(origin) || allowed.includes('*')) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Sends what rooms publish to the Socket.IO rooms of their audience; each broadcast is encoded once. */
export function socketOutput(io: FokusServer): RoomOutput {
  return {
    view: (id, role, msg) => io.to(roleRoom(id, role)).emit('workshop:view', msg),
    tally: (id, role, msg) => io.to(roleRoom(id, role)).emit('workshop:tally', msg),
    me: (id, participantId, msg) => io.to(participantRoom(id, participantId)).emit('participant:me', msg),
    removed: (id, participantId) => {
      io.to(participantRoom(id, participantId)).emit('participant:removed');
      io.in(participantRoom(id, participantId)).disconnectSockets(true);
    },
  };
}

export const ackError = (error: ErrorCode, message: string): AckError => ({ ok: false, error, message });

/** A connect_error the client can read: `err.data` carries the typed error. */
export function connectError(error: ErrorCode, message: string): Error & { data: AckError } {
  return Object.assign(new Error(message), { data: ackError(error, message) });
}
