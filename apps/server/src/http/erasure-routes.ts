import type { FastifyInstance } from 'fastify';
import { joinCodeSchema } from '@fokus/protocol';
import type { WorkshopSockets } from '../realtime/workshop-sockets.ts';
import type { Rooms } from '../rooms.ts';
import { secretMatches } from '../security.ts';
import { StorageUnavailableError } from '../unavailable.ts';

/** Deletes a facilitator makes; a few a minute is plenty, and it keeps the route from answering code guesses. */
const DELETES_PER_MINUTE = 30;

/**
 * `DELETE /api/workshops/:code` with `Authorization: Bearer <facilitator key>`: the workshop is erased — its
 * events, op records and record, with nothing of its text left in any file — its sockets are told
 * (`workshop:deleted`) and closed, and its room leaves memory. 204 when done, 503 `storage_unavailable` if the
 * store could not (ask again); a quarantined workshop can be erased too.
 */
export function erasureRoutes(app: FastifyInstance, rooms: Rooms, sockets: WorkshopSockets): void {
  const limit = { rateLimit: { max: DELETES_PER_MINUTE, timeWindow: 60_000 } };
  app.delete<{ Params: { code: string } }>('/api/workshops/:code', { config: limit }, async (req, reply) => {
    // The key first: without one, nothing is said about the code.
    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!key) return reply.code(401).send({ error: 'unauthorized', message: 'the facilitator key is needed' });
    const code = joinCodeSchema.safeParse(req.params.code);
    const record = code.success ? await rooms.recordOf(code.data) : null;
    if (!record) return reply.code(404).send({ error: 'not_found', message: 'no workshop with this code' });
    if (!secretMatches(key, record.keyHash)) return reply.code(401).send({ error: 'unauthorized', message: 'the facilitator key is needed' });
    try {
      await rooms.erase(record, sockets.deleted);
    } catch (err) {
      // The erasure is one transaction, so asking again is safe; if only its checkpoint failed, the next one empties the WAL.
      throw new StorageUnavailableError(err);
    }
    // Named by id and code only: nothing anyone wrote reaches the log.
    req.log.info({ workshop: record.id, code: record.code }, 'workshop erased by its facilitator');
    return reply.code(204).send();
  });
}
