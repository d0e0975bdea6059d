import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ClusterEvents, FokusServer } from '../realtime/socket-server.ts';
import type { Rooms } from '../rooms.ts';
import type { CommandAck, JoinAck } from '@fokus/protocol';
import type { CommittedWrite, Forwarded, RoomShare } from '../workshop-room.ts';

/** A process's name in logs and presence: host, pid and a random suffix (a pid is reused after a restart). */
export const newProcessName = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** Whether Redis answers. */
export type ClusterHealth = { ok: true } | { ok: false; reason: string };

/** This process as one of several behind a load balancer, linked to the others through Redis. */
export interface Cluster {
  readonly share: RoomShare;
  /** The connected client, for what else the processes share (rate limits). */
  readonly redis: unknown;
  /** Starts applying what the other processes say to this process's rooms. */
  attach(rooms: Rooms): void;
  health(): Promise<ClusterHealth>;
  close(): Promise<void>;
}

/** Someone with a socket here, per workshop, as the other processes are told it. */
interface PresenceMessage {
  process: string;
  workshops: Record<string, string[]>;
}

/** Work handed to a workshop's writer (see RoomShare.forward), and its answer back to the process that asked. */
interface ForwardMessage {
  id: string;
  from: string;
  leader: string;
  workshopId: string;
  code: string;
  work: Forwarded;
}
interface AnswerMessage {
  id: string;
  to: string;
  answer: CommandAck | JoinAck | null;
}

/** A writer that has not answered by then is taken for gone: the process decides the work itself. */
const FORWARD_TIMEOUT_MS = 5000;

/** How often each process repeats who is connected to it; a process not heard from for PRESENCE_TTL_MS is gone. */
const PRESENCE_EVERY_MS = 3000;
const PRESENCE_TTL_MS = 10_000;

/** Which Redis, under which name (another name on the same Redis is another cluster), as which process. */
export interface ClusterLink {
  redisUrl: string;
  name: string;
  processName: string;
}

export interface ClusterLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Joins the processes that share REDIS_URL: Socket.IO's Redis Streams adapter carries broadcasts that name no
 * single process (an erased workshop's sockets) and the server-side messages by which each process keeps its
 * rooms level: events made durable, workshops erased, who is connected where. The log in the database stays the
 * truth; a lost message only costs a read of it (see WorkshopRoom.receive).
 */
export async function joinCluster(io: FokusServer, link: ClusterLink, log: ClusterLog): Promise<Cluster> {
  const { processName } = link;
  const redis = createClient({ url: link.redisUrl });
  // Without a listener an error event would end the process; the adapter and client reconnect on their own.
  redis.on('error', (err: unknown) => log.error({ err }, 'redis connection error'));
  await redis.connect();
  io.adapter(createAdapter(withPublishCaught(redis, log), { streamName: `${link.name}:socket.io`, channelPrefix: `${link.name}:socket.io` }));

  let rooms: Rooms | null = null;
  /** Work handed to another process, by id: what to do with its answer. */
  const waiting = new Map<string, (answer: CommandAck | JoinAck | null) => void>();
  const lastHeard = new Map<string, number>();
  let presenceTimer: NodeJS.Timeout | null = null;
  let presenceSoon: NodeJS.Timeout | null = null;
  /** Set as close() begins: from then on nothing is sent (a command after quit() is refused) and nobody waits. */
  let closing = false;
  const emit = (event: keyof ClusterEvents, payload: string) => {
    if (!closing) io.serverSideEmit(event, payload);
  };

  const sendPresence = () => {
    if (!rooms) return;
    const workshops: Record<string, string[]> = {};
    for (const room of rooms.liveRooms()) {
      const ids = room.onlineHere();
      if (ids.length > 0) workshops[room.id] = ids;
    }
    const msg: PresenceMessage = { process: processName, workshops };
    emit('fokus:presence', JSON.stringify(msg));
  };

  const share: RoomShare = {
    process: processName,
    committed: (write) => emit('fokus:committed', JSON.stringify({ ...write, process: processName } satisfies CommittedWrite)),
    // Every process hears the question and the answer; only the leader answers, only the asker listens.
    forward: (leader, workshopId, code, work) =>
      new Promise((resolve) => {
        // A process shutting down decides nothing more; the phone resends to the process it reconnects to.
        if (closing) return resolve(null);
        const id = randomBytes(9).toString('base64url');
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve(null);
        }, FORWARD_TIMEOUT_MS);
        waiting.set(id, (answer) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(answer);
        });
        const msg: ForwardMessage = { id, from: processName, leader, workshopId, code, work };
        emit('fokus:forward', JSON.stringify(msg));
      }),
    erased: (workshopId) => emit('fokus:erased', workshopId),
    // Comings and goings are gathered for a moment: a hall of phones reconnecting is one message, not hundreds.
    presenceChanged: () => {
      presenceSoon ??= setTimeout(() => {
        presenceSoon = null;
        sendPresence();
      }, 250);
    },
  };

  return {
    share,
    redis,
    attach(r) {
      rooms = r;
      io.on('fokus:committed', (json) => r.received(JSON.parse(json) as CommittedWrite));
      io.on('fokus:erased', (workshopId) => r.erasedElsewhere(workshopId));
      io.on('fokus:forward', (json) => {
        const msg = JSON.parse(json) as ForwardMessage;
        if (msg.leader !== processName) return;
        const reply = (answer: CommandAck | JoinAck | null) =>
          emit('fokus:answer', JSON.stringify({ id: msg.id, to: msg.from, answer } satisfies AnswerMessage));
        r.forwarded(msg.code, msg.work).then(reply, (err: unknown) => {
          log.error({ err, workshop: msg.workshopId }, 'work handed over by another process failed');
          reply(null);
        });
      });
      io.on('fokus:answer', (json) => {
        const msg = JSON.parse(json) as AnswerMessage;
        if (msg.to === processName) waiting.get(msg.id)?.(msg.answer);
      });
      io.on('fokus:presence', (json) => {
        const msg = JSON.parse(json) as PresenceMessage;
        lastHeard.set(msg.process, Date.now());
        for (const room of r.liveRooms()) room.onlineElsewhere(msg.process, msg.workshops[room.id] ?? null);
      });
      presenceTimer = setInterval(() => {
        sendPresence();
        const now = Date.now();
        for (const [name, at] of lastHeard) {
          if (now - at < PRESENCE_TTL_MS) continue;
          lastHeard.delete(name);
          log.warn({ process: name }, 'a Fokus process went quiet: its phones no longer count as connected');
          for (const room of r.liveRooms()) room.onlineElsewhere(name, null);
        }
      }, PRESENCE_EVERY_MS);
      presenceTimer.unref();
    },
    async health() {
      try {
        await redis.ping();
        return { ok: true };
      } catch (err) {
        return { ok: false, reason: err instanceof Error ? err.message : String(err) };
      }
    },
    async close() {
      if (presenceTimer) clearInterval(presenceTimer);
      if (presenceSoon) clearTimeout(presenceSoon);
      // The others stop counting this process's phones now rather than after the TTL.
      if (rooms) emit('fokus:presence', JSON.stringify({ process: processName, workshops: {} } satisfies PresenceMessage));
      closing = true;
      for (const answer of [...waiting.values()]) answer(null);
      await redis.quit().catch(() => undefined);
    },
  };
}

/**
 * The Streams adapter (0.3.1) sends server-side messages with PUBLISH and drops the promise: a publish that fails
 * (Redis restarting, or the client quit while the process shuts down) becomes an unhandled rejection, and that
 * ends a Node process. The adapter gets the client with its publishes caught and logged; the message is lost,
 * which the rooms already survive (a missed event costs a read of the log).
 */
export function withPublishCaught<C extends object>(client: C, log: ClusterLog): C {
  const caught = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      let fn = caught.get(key);
      if (!fn) {
        const notSent = (err: unknown) => {
          log.warn({ err }, 'a message to the other Fokus processes was not sent');
          return 0;
        };
        const publishes = key === 'publish' || key === 'sPublish' || key === 'PUBLISH' || key === 'SPUBLISH';
        fn = publishes
          ? (...args: unknown[]) => {
              try {
                return Promise.resolve(value.apply(target, args)).catch(notSent);
              } catch (err) {
                return Promise.resolve(notSent(err));
              }
            }
          : value.bind(target);
        caught.set(key, fn);
      }
      return fn;
    },
  });
}
