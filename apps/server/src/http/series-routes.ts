/**
 * A series over HTTP: created with its rooms (each a full workshop with its own code and host key), then read,
 * changed and compiled by its organiser. Every route past creation asks for the organiser key as a bearer
 * token; a room's host uses the ordinary workshop routes and console with the host key, for that room only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  createSeriesSchema,
  exportFormatSchema,
  firstIssue,
  parseDesign,
  putDesignSchema,
  reportFormatSchema,
  roomInputSchema,
  roomPatchSchema,
  seriesIdSchema,
} from '@fokus/protocol';
import type { NextThemeResponse, SeriesRoomCreated } from '@fokus/protocol';
import { PLAN_YEAR_RANGE, templateDesign } from '@fokus/core';
import { buildDocumentation, buildSeriesDocumentation, seriesOutline } from '@fokus/report';
import type { Config } from '../config.ts';
import { contentDisposition, fileName } from '../exports/file-name.ts';
import { exportOptions } from '../exports/query.ts';
import { rendererFor } from '../exports/registry.ts';
import { outlineRendererFor } from '../exports/outline-formats.ts';
import { render, renderOutline } from '../exports/render-thread.ts';
import type { CreatedRoom, SeriesRegistry } from '../series/registry.ts';
import { SeriesRefusal, SeriesRegistry as Registry } from '../series/registry.ts';
import { plenaryLinks } from '../series/plenary.ts';
import { roomStatus, seriesStatus } from '../series/status.ts';
import type { SeriesRecord } from '../store/store.ts';
import type { WorkshopSockets } from '../realtime/workshop-sockets.ts';
import { StorageUnavailableError } from '../unavailable.ts';
import type { Clock } from '../workshop-room.ts';

type IdParams = { Params: { id: string } };

const bearer = (req: FastifyRequest): string | null => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;

function roomBody({ room, hostKey }: CreatedRoom): SeriesRoomCreated {
  return {
    roomId: room.id,
    region: room.region,
    town: room.town,
    host: room.host,
    code: room.code,
    hostKey,
    links: { join: `/j/${room.code}`, screen: `/s/${room.code}`, facilitator: `/f/${room.code}#key=${hostKey}` },
  };
}

/** The meeting's year as the rooms' plan year, kept inside the range a workshop accepts (a date in 1999 is allowed). */
const planYearOf = (date: string): number => Math.min(PLAN_YEAR_RANGE.max, Math.max(PLAN_YEAR_RANGE.min, Number(date.slice(0, 4))));

/** "Nätverksträff-2019-09-03": letters and digits of the title, then the day. */
const seriesFileBase = (record: SeriesRecord): string =>
  [
    record.series.title
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'Fokus',
    record.series.date,
  ].join('-');

export function seriesRoutes(app: FastifyInstance, registry: SeriesRegistry, config: Config, clock: Clock, sockets: WorkshopSockets): void {
  /** The series in the path if the organiser key comes with the request; else null once 404 or 401 is sent. */
  const organiser = async (req: FastifyRequest<IdParams>, reply: FastifyReply): Promise<SeriesRecord | null> => {
    const id = seriesIdSchema.safeParse(req.params.id);
    const record = id.success ? await registry.find(id.data) : null;
    if (!record) {
      await reply.code(404).send({ error: 'not_found', message: 'no series with this id' });
      return null;
    }
    if (!Registry.organiserAsks(record, bearer(req))) {
      await reply.code(401).send({ error: 'unauthorized', message: 'the organiser key is needed' });
      return null;
    }
    return record;
  };
  const bad = (reply: FastifyReply, message: string) => reply.code(400).send({ error: 'bad_request', message });

  const creation = { rateLimit: { max: config.rateLimits.ipCreatesPer10Minutes, timeWindow: 10 * 60_000 } };
  app.post('/api/series', { config: creation, bodyLimit: 64 * 1024 }, async (req, reply) => {
    const parsed = createSeriesSchema.safeParse(req.body ?? {});
    if (!parsed.success) return bad(reply, firstIssue(parsed.error));
    const input = parsed.data;
    const design =
      input.design === undefined ? { ok: true as const, design: templateDesign('fragerunda', input.lang, planYearOf(input.date)) } : parseDesign(input.design);
    if (!design.ok) return bad(reply, `design.${design.message}`);
    const { record, organiserKey, rooms } = await registry.create(input, design.design);
    req.log.info({ series: record.id, rooms: rooms.length }, 'series created');
    return reply.code(201).send({ seriesId: record.id, organiserKey, rooms: rooms.map(roomBody) });
  });

  app.get<IdParams>('/api/series/:id', async (req, reply) => {
    const record = await organiser(req, reply);
    if (!record) return reply;
    return seriesStatus(record, await registry.linked(record), await registry.plenary(record));
  });

  // The next-theme vote across the rooms: one plenary workshop, made once, with every open room's suggestions.
  app.post<IdParams>('/api/series/:id/next-theme', async (req, reply) => {
    const record = await organiser(req, reply);
    if (!record) return reply;
    const made = await registry.startPlenary(record.id, (r, linked) => {
      const rooms = linked.map((l) => ({ room: l.room, workshop: l.workshop?.shown ?? null }));
      return buildSeriesDocumentation(r.series, rooms, { now: clock.now() }).nextTheme.suggestions;
    });
    if (!made) return reply.code(404).send({ error: 'not_found', message: 'no series with this id' });
    const { code, facilitatorKey } = made;
    req.log.info({ series: record.id, plenary: code, made: facilitatorKey !== null }, 'series next-theme plenary');
    const body: NextThemeResponse = {
      code,
      facilitatorKey,
      links: { ...plenaryLinks(code), facilitator: facilitatorKey === null ? null : `/f/${code}#key=${facilitatorKey}` },
    };
    return reply.code(facilitatorKey === null ? 200 : 201).send(body);
  });

  app.post<IdParams>('/api/series/:id/rooms', async (req, reply) => {
    const record = await organiser(req, reply);
    if (!record) return reply;
    const parsed = roomInputSchema.safeParse(req.body ?? {});
    if (!parsed.success) return bad(reply, firstIssue(parsed.error));
    try {
      const made = await registry.addRoom(record.id, parsed.data);
      if (!made) return reply.code(404).send({ error: 'not_found', message: 'no series with this id' });
      return reply.code(201).send(roomBody(made));
    } catch (err) {
      if (err instanceof SeriesRefusal) return reply.code(409).send({ error: 'limit_reached', message: err.message });
      throw err;
    }
  });

  app.patch<{ Params: { id: string; roomId: string } }>('/api/series/:id/rooms/:roomId', async (req, reply) => {
    const record = await organiser(req, reply);
    if (!record) return reply;
    const parsed = roomPatchSchema.safeParse(req.body ?? {});
    if (!parsed.success) return bad(reply, firstIssue(parsed.error));
    const room = await registry.patchRoom(record.id, req.params.roomId, parsed.data);
    if (!room) return reply.code(404).send({ error: 'not_found', message: 'no such room in this series' });
    const fresh = (await registry.find(record.id)) ?? record;
    const linked = (await registry.linked(fresh)).find((l) => l.room.id === room.id);
    return linked ? roomStatus(linked) : reply.code(404).send({ error: 'not_found', message: 'no such room in this series' });
  });

  app.put<IdParams>('/api/series/:id/design', { bodyLimit: 64 * 1024 }, async (req, reply) => {
    const record = await organiser(req, reply);
    if (!record) return reply;
    const parsed = putDesignSchema.safeParse(req.body ?? {});
    if (!parsed.success) return bad(reply, firstIssue(parsed.error));
    const design = parseDesign(parsed.data.design);
    if (!design.ok) return bad(reply, `design.${design.message}`);
    const result = await registry.applyDesign(record.id, design.design);
    return result ?? reply.code(404).send({ error: 'not_found', message: 'no series with this id' });
  });

  // The organiser erases the series (host names, intro, the room list); `?rooms=erase` erases every room's workshop too.
  app.delete<IdParams & { Querystring: { rooms?: string } }>(
    '/api/series/:id',
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (req, reply) => {
      const record = await organiser(req, reply);
      if (!record) return reply;
      const rooms = req.query.rooms === 'erase';
      let erased: number;
      try {
        erased = await registry.erase(record.id, rooms, sockets.deleted);
      } catch (err) {
        throw new StorageUnavailableError(err);
      }
      req.log.info({ series: record.id, workshopsErased: erased }, 'series erased by its organiser');
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { id: string; format: string } }>('/api/series/:id/report.:format', async (req, reply) => {
    const format = reportFormatSchema.safeParse(req.params.format);
    if (!format.success) return reply.code(404).send({ error: 'not_found', message: `formats: ${reportFormatSchema.options.join(', ')}` });
    const record = await organiser(req, reply);
    if (!record) return reply;
    const rooms = (await registry.linked(record)).map((l) => ({ room: l.room, workshop: l.workshop?.shown ?? null }));
    // The plenary as shown: with anonymous voting open, only the dots the anonymity gate has released.
    const plenary = (await registry.plenary(record))?.workshop?.shown ?? null;
    const doc = buildSeriesDocumentation(record.series, rooms, { now: clock.now(), plenary });
    const name = seriesFileBase(record);
    reply.header('cache-control', 'no-store');
    if (format.data === 'json') {
      reply.header('content-disposition', contentDisposition(`${name}.json`));
      return reply.type('application/json; charset=utf-8').send(`${JSON.stringify(doc, null, 2)}\n`);
    }
    const renderer = outlineRendererFor(format.data);
    const { body } = await renderOutline(format.data, seriesOutline(doc));
    return reply
      .type(renderer.mime)
      .header('content-disposition', contentDisposition(`${name}.${renderer.extension}`))
      .send(body);
  });

  // One room's own documentation for the organiser (its host has the workshop's export route with the host key).
  app.get<{ Params: { id: string; roomId: string; format: string } }>('/api/series/:id/rooms/:roomId/export.:format', async (req, reply) => {
    const format = exportFormatSchema.safeParse(req.params.format);
    if (!format.success) return reply.code(404).send({ error: 'not_found', message: `formats: ${exportFormatSchema.options.join(', ')}` });
    const record = await organiser(req, reply);
    if (!record) return reply;
    const asked = exportOptions(req.query);
    if (!asked.ok) return bad(reply, asked.message);
    const linked = (await registry.linked(record)).find((l) => l.room.id === req.params.roomId);
    if (!linked?.workshop) return reply.code(404).send({ error: 'not_found', message: 'no such room, or its workshop is gone' });
    const doc = buildDocumentation(linked.workshop.shown, { joinCode: linked.room.code, now: clock.now() });
    const { body } = await render(format.data, doc, asked.options);
    const renderer = rendererFor(format.data);
    return reply
      .type(renderer.mime)
      .header('content-disposition', contentDisposition(fileName(doc, renderer.extension)))
      .header('cache-control', 'no-store')
      .send(body);
  });
}
