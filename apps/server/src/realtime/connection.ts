import type { IncomingMessage } from 'node:http';
import type { Actor } from '@fokus/core';
import type { Socket } from 'socket.io';
import { PROTOCOL_VERSION, commandEnvelopeSchema, handshakeSchema, joinRequestSchema } from '@fokus/protocol';
import type { ClientToServerEvents, ServerToClientEvents } from '@fokus/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Rooms } from '../rooms.ts';
import { secretMatches } from '../security.ts';
import type { WorkshopRoom } from '../workshop-room.ts';
import { WorkshopUnavailableError } from '../unavailable.ts';
import type { FokusServer, SocketData } from './socket-server.ts';
import { ackError, connectError, participantRoom, phoneSliceRoom, roleRoom } from './socket-server.ts';
import { nextSlice } from './phone-slices.ts';
import type { OriginPolicy } from '../http/origin-policy.ts';
import type { Asker, RateLimits } from './rate-limits.ts';

type FokusSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Authenticates each socket at the handshake, then wires its handlers: validate, decide, persist, ack. */
export function attachRealtime(io: FokusServer, rooms: Rooms, log: FastifyBaseLogger, limits: RateLimits, policy: OriginPolicy): void {
  const addressOf = new WeakMap<object, string>();
  io.engine.on('connection', (conn: { request: IncomingMessage | null }) => {
    if (!conn.request) return;
    addressOf.set(conn, policy.ipOf(conn.request));
    // Socket.IO keeps each connection's upgrade request (headers, URL, parser state) for as long as the connection
    // lives; nothing here reads it after the address, and a hall's worth of them is heap the collector walks.
    conn.request = null;
  });
  io.use(async (socket, next) => {
    try {
      const ip = addressOf.get(socket.conn);
      if (ip === undefined) return next(connectError('bad_request', 'invalid handshake'));
      const parsed = handshakeSchema.safeParse(socket.handshake.auth);
      if (!parsed.success) return next(connectError('bad_request', 'invalid handshake'));
      const auth = parsed.data;
      if (auth.v !== PROTOCOL_VERSION) {
        return next(connectError('version_mismatch', `server speaks protocol ${PROTOCOL_VERSION}; reload the page`));
      }
      const wait = await limits.lookupWait(ip);
      if (wait > 0) return next(connectError('rate_limited', `too many wrong codes from this address; try again in ${Math.ceil(wait / 1000)} s`));
      const room = await rooms.get(auth.code);
      if (!room) {
        await limits.lookupFailed(ip);
        return next(connectError('not_found', 'no workshop with this code'));
      }
      let participantId: string | null = null;
      if (auth.role === 'facilitator' && !(auth.key && secretMatches(auth.key, room.record.keyHash))) {
        return next(connectError('unauthorized', 'wrong facilitator key'));
      }
      if (auth.role === 'participant' && auth.token) {
        participantId = await room.resumeFresh(auth.token);
        // A token we never stored is a join that did not land: the phone joins again with it.
        if (!participantId && room.knowsRemovedToken(auth.token)) return next(connectError('unauthorized', 'you were removed from this workshop'));
      }
      socket.data = { workshopId: room.id, code: room.code, role: auth.role, participantId, ip };
      next();
    } catch (err) {
      if (err instanceof WorkshopUnavailableError) return next(connectError('unavailable', err.message));
      log.error({ err }, 'handshake failed');
      next(connectError('internal', 'something went wrong'));
    }
  });

  io.on('connection', (socket) => {
    void rooms.get(socket.data.code).then(
      (room) => {
        if (!room) return socket.disconnect(true);
        onConnection(socket, room, log, limits);
      },
      () => socket.disconnect(true),
    );
  });
}

function onConnection(socket: FokusSocket, room: WorkshopRoom, log: FastifyBaseLogger, limits: RateLimits): void {
  const data = socket.data;
  // Budgets belong to the person and the address, not the socket: a hundred sockets share one.
  const asker = (): Asker =>
    data.role === 'facilitator'
      ? { kind: 'facilitator', workshopId: room.id }
      : data.participantId
        ? { kind: 'participant', workshopId: room.id, participantId: data.participantId }
        : { kind: 'socket', socketId: socket.id };
  void socket.join(roleRoom(room.id, data.role));
  if (data.role === 'participant') void socket.join(phoneSliceRoom(room.id, nextSlice()));
  if (data.participantId) enterAs(socket, room, data.participantId);
  greet(socket, room);

  socket.on('participant:join', async (req, ack) => {
    if (typeof ack !== 'function') return;
    if (data.role !== 'participant') return ack(ackError('forbidden', 'only phones join'));
    if (!(await limits.join(asker(), data.ip))) return ack(ackError('rate_limited', 'too many requests; wait a moment'));
    const parsed = joinRequestSchema.safeParse(req);
    if (!parsed.success) return ack(ackError('bad_request', parsed.error.issues[0]?.message ?? 'invalid join'));
    try {
      const res = await room.join(parsed.data.name, parsed.data.organisation, parsed.data.token, parsed.data.town);
      if (res.ok && data.participantId !== res.participantId) {
        if (data.participantId) leave(socket, room, data.participantId);
        enterAs(socket, room, res.participantId);
        // The room's view and tally are the ones this socket already has: only who it is now is new.
        hello(socket, room);
      }
      ack(res);
    } catch (err) {
      log.error({ err, workshop: room.id }, 'join failed');
      ack(ackError('internal', 'something went wrong; try again'));
    }
  });

  socket.on('workshop:command', async (envelope, ack) => {
    if (typeof ack !== 'function') return;
    if (!(await limits.command(asker(), data.ip))) return ack(ackError('rate_limited', 'too many requests; wait a moment'));
    const parsed = commandEnvelopeSchema.safeParse(envelope);
    if (!parsed.success) return ack(ackError('bad_request', describeIssue(parsed.error.issues[0])));
    const actor = actorOf(data);
    if (!actor) return ack(ackError(data.role === 'screen' ? 'forbidden' : 'not_joined', data.role === 'screen' ? 'the screen is read-only' : 'join first'));
    try {
      ack(await room.execute(actor, parsed.data.opId, parsed.data.command));
    } catch (err) {
      log.error({ err, workshop: room.id, command: parsed.data.command.type }, 'command failed');
      ack(ackError('internal', 'something went wrong; try again'));
    }
  });

  socket.on('workshop:sync', async (ack) => {
    if (typeof ack !== 'function') return;
    if (!(await limits.command(asker(), data.ip))) return ack(ackError('rate_limited', 'too many requests; wait a moment'));
    ack({
      ok: true,
      view: room.viewMessage(data.role),
      tally: room.tallyMessage(data.role),
      me: data.participantId ? room.meMessage(data.participantId) : null,
    });
  });

  socket.on('disconnect', () => {
    if (data.participantId) room.disconnected(data.participantId);
  });
}

function enterAs(socket: FokusSocket, room: WorkshopRoom, participantId: string): void {
  socket.data.participantId = participantId;
  void socket.join(participantRoom(room.id, participantId));
  room.connected(participantId);
}

function leave(socket: FokusSocket, room: WorkshopRoom, participantId: string): void {
  void socket.leave(participantRoom(room.id, participantId));
  room.disconnected(participantId);
}

/** Everything a new socket needs: who it is, and the room as its role sees it (built once for all who arrive). */
function greet(socket: FokusSocket, room: WorkshopRoom): void {
  const { role } = socket.data;
  socket.emit('session:hello', helloOf(socket, room));
  socket.emit('workshop:view', room.viewMessage(role));
  socket.emit('workshop:tally', room.tallyMessage(role));
  sendMe(socket, room);
}

function hello(socket: FokusSocket, room: WorkshopRoom): void {
  socket.emit('session:hello', helloOf(socket, room));
  sendMe(socket, room);
}

const helloOf = (socket: FokusSocket, room: WorkshopRoom) => ({
  protocolVersion: PROTOCOL_VERSION,
  role: socket.data.role,
  workshopId: room.id,
  participantId: socket.data.participantId,
  serverNow: Date.now(),
});

function sendMe(socket: FokusSocket, room: WorkshopRoom): void {
  const me = socket.data.participantId ? room.meMessage(socket.data.participantId) : null;
  if (me) socket.emit('participant:me', me);
}

function actorOf(data: SocketData): Actor | null {
  if (data.role === 'facilitator') return { role: 'facilitator' };
  if (data.role === 'participant' && data.participantId) return { role: 'participant', participantId: data.participantId };
  return null;
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  return issue ? `${issue.path.map(String).join('.') || 'message'}: ${issue.message}` : 'invalid command';
}
