import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '@fokus/core';
import type { CreateWorkshopResponse } from '@fokus/protocol';
import { exportFormatSchema } from '@fokus/protocol';
import { buildApp } from '../app.ts';
import type { FokusApp } from '../app.ts';
import { MemoryStore } from '../store/memory-store.ts';
import { TEST_CONFIG } from '../test-config.ts';

const config = TEST_CONFIG;
let fokus: FokusApp;
let created: CreateWorkshopResponse;
let auth: { authorization: string };

beforeEach(async () => {
  fokus = await buildApp(config, new MemoryStore());
  const res = await fokus.app.inject({ method: 'POST', url: '/api/workshops', payload: { template: 'handlingsplan', lang: 'sv' } });
  created = res.json<CreateWorkshopResponse>();
  auth = { authorization: `Bearer ${created.facilitatorKey}` };
  const room = await fokus.rooms.get(created.code);
  const commands: Command[] = [
    { type: 'workshop:update', title: 'Årsplan Göteborg 2027', planYear: 2027, place: 'Göteborg', date: '2026-11-20' },
    {
      type: 'plan:set',
      row: {
        id: 'r1',
        month: '2027-03',
        day: 1,
        start: null,
        end: null,
        kind: 'monthly',
        themeNo: null,
        theme: 'Trygghet',
        ideaId: null,
        host: 'Pia',
        backup: '',
        comment: '',
      },
    },
    {
      type: 'plan:set',
      row: {
        id: 'r2',
        month: '2027-04',
        day: null,
        start: null,
        end: null,
        kind: 'study',
        themeNo: null,
        theme: 'Resa',
        ideaId: null,
        host: '',
        backup: '',
        comment: '',
      },
    },
  ];
  for (const [n, command] of commands.entries()) expect(await room?.execute({ role: 'facilitator' }, `op${n}`, command)).toMatchObject({ ok: true });
});
afterEach(async () => {
  await fokus.close();
});

const get = (path: string, headers: Record<string, string> = auth) => fokus.app.inject({ url: `/api/workshops/${created.code}/${path}`, headers });

/** The UTF-8 name of RFC 5987's filename*. */
const realName = (disposition: string | undefined) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition ?? '')?.[1] ?? '');

describe('GET /api/workshops/:code/export.<format>', () => {
  it('serves every format with its type and a file name from the title and date', async () => {
    const expected: Record<string, string> = {
      md: 'text/markdown; charset=utf-8',
      csv: 'text/csv; charset=utf-8',
      'plan.csv': 'text/csv; charset=utf-8',
      json: 'application/json; charset=utf-8',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
      ics: 'text/calendar; charset=utf-8',
    };
    for (const format of exportFormatSchema.options) {
      const res = await get(`export.${format}`);
      expect(res.statusCode, format).toBe(200);
      expect(res.headers['content-type']).toBe(expected[format]);
      expect(res.headers['cache-control']).toBe('no-store');
      const disposition = String(res.headers['content-disposition']);
      expect(realName(disposition)).toBe(`Årsplan-Göteborg-2027-2026-11-20.${format}`);
      expect(disposition).toContain(`filename="Arsplan-Goteborg-2027-2026-11-20.${format}"`);
      expect(res.rawPayload.length).toBeGreaterThan(0);
    }
  });

  it('answers export.json with the documentation model', async () => {
    const doc = (await get('export.json')).json();
    expect(doc).toMatchObject({ schemaVersion: 1, title: 'Årsplan Göteborg 2027', focusTitle: 'Fokus år 2027', joinCode: created.code, place: 'Göteborg' });
    expect(doc.plan.map((r: { id: string }) => r.id)).toEqual(['r1', 'r2']);
  });

  it('splits CSV on commas on request, and refuses a separator it does not know', async () => {
    expect((await get('export.plan.csv?sep=comma')).body.split('\r\n')[0]).toBe('\uFEFFMånad,Dag,Start,Slut,Mötestyp,Tema #,Tema,Värd,Backup,Kommentar');
    expect((await get('export.plan.csv')).body.split('\r\n')[0]).toContain('Månad;Dag;');
    expect((await get('export.csv?sep=tab')).statusCode).toBe(400);
  });

  it('gives one meeting as its own calendar file, and 404 for a row without a day or none at all', async () => {
    const one = await get('export.ics?row=r1');
    expect(one.statusCode).toBe(200);
    expect(one.body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(realName(one.headers['content-disposition'])).toBe('Årsplan-Göteborg-2027-2026-11-20-2027-03-01.ics');
    expect((await get('export.ics?row=r2')).statusCode).toBe(404);
    expect((await get('export.ics?row=nope')).statusCode).toBe(404);
    expect((await get('export.ics?row=__proto__')).statusCode).toBe(400);
  });

  it('needs the facilitator key and a known format', async () => {
    expect((await get('export.docx', {})).statusCode).toBe(401);
    expect((await get('export.pdf', { authorization: 'Bearer wrong-wrong-wrong' })).statusCode).toBe(401);
    expect((await get('export.exe')).statusCode).toBe(404);
    expect((await get('export.plan.pdf')).statusCode).toBe(404);
  });
});
