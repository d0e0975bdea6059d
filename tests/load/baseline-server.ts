/**
 * The baseline: the least a Socket.IO server can do for the same swarm. Phones join a room, send dots (or take
 * them back) and get an ack; tallies go out coalesced at Fokus's rates (screen 100 ms, phones 500 ms). No validation,
 * no persistence, no dedupe. Env: PORT, HOST. Run: node --import tsx tests/load/baseline-server.ts
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io';

interface Room {
  open: boolean;
  dots: number;
  tallies: Record<string, number>;
  dirtyScreen: boolean;
  dirtyPhones: boolean;
}

const SCREEN_INTERVAL_MS = 100;
const PHONE_INTERVAL_MS = 500;

const rooms = new Map<string, Room>();
const roomOf = (name: string): Room => {
  let r = rooms.get(name);
  if (!r) {
    r = { open: false, dots: 0, tallies: {}, dirtyScreen: false, dirtyPhones: false };
    rooms.set(name, r);
  }
  return r;
};

const http = createServer((req, res) => {
  res.writeHead(req.url === '/api/health' ? 200 : 404, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
});
const io = new Server(http, { serveClient: false, pingInterval: 20_000, pingTimeout: 25_000 });

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

io.on('connection', (socket: Socket) => {
  const auth = socket.handshake.auth as Record<string, unknown>;
  const name = str(auth.room);
  const role = str(auth.role);
  const room = roomOf(name);
  void socket.join(`${name}:${role}`);
  socket.emit('open', room.open);
  if (role === 'screen') socket.emit('tally', { dots: room.dots, tallies: room.tallies });

  socket.on('join', (_req: unknown, ack: unknown) => {
    if (typeof ack === 'function') ack({ ok: true });
  });
  // `remove: true` takes a dot back (the soak's vote:remove); unchecked, like everything here.
  socket.on('dot', (req: unknown, ack: unknown) => {
    const r = typeof req === 'object' && req !== null ? (req as Record<string, unknown>) : {};
    const ideaId = str(r.ideaId);
    const delta = r.remove === true ? -1 : 1;
    room.dots += delta;
    room.tallies[ideaId] = (room.tallies[ideaId] ?? 0) + delta;
    room.dirtyScreen = room.dirtyPhones = true;
    if (typeof ack === 'function') ack({ ok: true });
  });
  socket.on('open', (ack: unknown) => {
    room.open = true;
    io.to([`${name}:participant`, `${name}:screen`]).emit('open', true);
    if (typeof ack === 'function') ack({ ok: true });
  });
  socket.on('count', (ack: unknown) => {
    if (typeof ack === 'function') ack({ dots: room.dots });
  });
});

// Coalesced broadcasts: one timer per audience, each room sent at most once per interval.
setInterval(() => {
  for (const [name, r] of rooms) {
    if (!r.dirtyScreen) continue;
    r.dirtyScreen = false;
    io.to(`${name}:screen`).emit('tally', { dots: r.dots, tallies: r.tallies });
  }
}, SCREEN_INTERVAL_MS);
setInterval(() => {
  for (const [name, r] of rooms) {
    if (!r.dirtyPhones) continue;
    r.dirtyPhones = false;
    io.to(`${name}:participant`).emit('tally', { dots: r.dots });
  }
}, PHONE_INTERVAL_MS);

http.listen(Number(process.env.PORT ?? 3100), process.env.HOST ?? '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void io.close(() => process.exit(0));
  });
}
