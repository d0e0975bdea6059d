import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { createWorkshopRequestSchema, designFile, exportFormatSchema, firstIssue, joinCodeSchema, parseDesign } from '@fokus/protocol';
import type { CreateWorkshopResponse, WorkshopSummary } from '@fokus/protocol';
import { activeParticipants, designOf } from '@fokus/core';
import type { Config } from '../config.ts';
import type { Rooms } from '../rooms.ts';
import { secretMatches } from '../security.ts';
import { buildDocumentation } from '@fokus/report';
import { contentDisposition, fileName } from '../exports/file-name.ts';
import { exportOptions } from '../exports/query.ts';
import { rendererFor } from '../exports/registry.ts';
import { render } from '../exports/render-thread.ts';
import { datedRows } from '../exports/renderers/ics.ts';
import type { RateLimits } from '../realtime/rate-limits.ts';
import type { Clock, WorkshopRoom } from '../workshop-room.ts';
import type { OriginPolicy } from './origin-policy.ts';

export function workshopRoutes(app: FastifyInstance, rooms: Rooms, config: Config, limits: RateLimits, policy: OriginPolicy, clock: Clock): void {
  /**
   * The workshop behind the code in the path, or null once the reply (404, or 429 after too many wrong codes from
   * this address) is sent. Only misses count, so a venue looking up the right code is never held back.
   */
  const lookup = async (req: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply): Promise<WorkshopRoom | null> => {
    const wait = await limits.lookupWait(req.ip);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      await reply
        .code(429)
        .header('retry-after', String(seconds))
        .send({ error: 'rate_limited', message: `too many wrong codes from this address; try again in ${seconds} s` });
      return null;
    }
    const room = await roomOf(rooms, req.params.code);
    if (room) return room;
    await limits.lookupFailed(req.ip);
    await reply.code(404).send({ error: 'not_found', message: 'no workshop with this code' });
    return null;
  };

  const creation = { rateLimit: { max: config.rateLimits.ipCreatesPer10Minutes, timeWindow: 10 * 60_000 } };
  app.post('/api/workshops', { config: creation }, async (req, reply) => {
    const parsed = createWorkshopRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: firstIssue(parsed.error) });
    // A bad design is named by its first wrong field, and nothing is created.
    const design = parsed.data.design === undefined ? null : parseDesign(parsed.data.design);
    if (design && !design.ok) return reply.code(400).send({ error: 'bad_request', message: `design.${design.message}` });
    const { room, facilitatorKey } = await rooms.create({ ...parsed.data, design: design?.design });
    const body: CreateWorkshopResponse = {
      workshopId: room.id,
      code: room.code,
      facilitatorKey,
      links: { join: `/j/${room.code}`, screen: `/s/${room.code}`, facilitator: `/f/${room.code}#key=${facilitatorKey}` },
    };
    req.log.info({ workshop: room.id, template: parsed.data.design ? 'design' : parsed.data.template }, 'workshop created');
    return reply.code(201).send(body);
  });

  app.get<{ Params: { code: string } }>('/api/workshops/:code', async (req, reply) => {
    const room = await lookup(req, reply);
    if (!room) return reply;
    const s = room.snapshot;
    const body: WorkshopSummary = {
      workshopId: s.id,
      code: room.code,
      title: s.title,
      lang: s.lang,
      participants: activeParticipants(s).length,
      joiningLocked: s.joiningLocked,
      step: s.agenda[s.stepIndex]?.title ?? '',
      date: s.date || new Date(s.createdAt).toISOString().slice(0, 10),
      planYear: s.planYear,
    };
    return body;
  });

  app.get<{ Params: { code: string } }>('/api/workshops/:code/design.json', async (req, reply) => {
    const room = await lookup(req, reply);
    if (!room) return reply;
    if (!facilitatorAsks(req, room)) return reply.code(401).send({ error: 'unauthorized', message: 'the facilitator key is needed' });
    const file = designFile(designOf(room.snapshot));
    reply.header('content-disposition', `attachment; filename="fokus-design-${room.code}.json"`);
    return reply.type('application/json; charset=utf-8').send(file);
  });

  app.get<{ Params: { code: string } }>('/api/workshops/:code/qr.svg', async (req, reply) => {
    const room = await lookup(req, reply);
    if (!room) return reply;
    // PUBLIC_URL, or the Host the request hook has already checked: never a forwarded host from an untrusted peer.
    const base = policy.baseUrl(req.raw);
    if (!base) return reply.code(421).send({ error: 'bad_request', message: 'no address to draw' });
    const svg = await QRCode.toString(`${base}/j/${room.code}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    // Private: no shared cache may keep one host's picture for everyone.
    return reply.type('image/svg+xml').header('cache-control', 'private, max-age=600').header('vary', 'Host').send(svg);
  });

  app.get<{ Params: { code: string; format: string } }>('/api/workshops/:code/export.:format', async (req, reply) => {
    const format = exportFormatSchema.safeParse(req.params.format);
    if (!format.success) return reply.code(404).send({ error: 'not_found', message: `formats: ${exportFormatSchema.options.join(', ')}` });
    const room = await lookup(req, reply);
    if (!room) return reply;
    if (!facilitatorAsks(req, room)) return reply.code(401).send({ error: 'unauthorized', message: 'the facilitator key is needed' });
    const asked = exportOptions(req.query);
    if (!asked.ok) return reply.code(400).send({ error: 'bad_request', message: asked.message });
    const { options } = asked;
    // During anonymous voting an export counts only the released dots, like the console (anonymity-gate.ts).
    // The clock only dates the file ("Skapad med Fokus …", DTSTAMP).
    const doc = buildDocumentation(room.shown, { joinCode: room.code, now: clock.now() });
    const renderer = rendererFor(format.data);
    let suffix = '';
    if (format.data === 'ics' && options.row !== null) {
      const row = datedRows(doc).find((r) => r.id === options.row);
      if (!row) return reply.code(404).send({ error: 'not_found', message: 'no plan row with that id and a date' });
      suffix = `${row.month}-${String(row.day).padStart(2, '0')}`;
    }
    // DOCX, PDF and XLSX lay out pages on the render thread, so live workshops' sockets are not kept waiting.
    const { body } = await render(format.data, doc, options);
    return reply
      .type(renderer.mime)
      .header('content-disposition', contentDisposition(fileName(doc, renderer.extension, suffix)))
      .header('cache-control', 'no-store')
      .send(body);
  });
}

/** The request carries this workshop's facilitator key as a bearer token. */
function facilitatorAsks(req: FastifyRequest, room: WorkshopRoom): boolean {
  const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return !!key && secretMatches(key, room.record.keyHash);
}

async function roomOf(rooms: Rooms, raw: string) {
  const code = joinCodeSchema.safeParse(raw);
  return code.success ? rooms.get(code.data) : null;
}
