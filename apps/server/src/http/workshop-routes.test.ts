import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, WorkshopSummary } from '@fokus/protocol';
import { buildApp } from '../app.ts';
import type { FokusApp } from '../app.ts';
import { MemoryStore } from '../store/memory-store.ts';
import { TEST_CONFIG } from '../test-config.ts';

const config = TEST_CONFIG;
let fokus: FokusApp;

beforeEach(async () => {
  fokus = await buildApp(config, new MemoryStore());
});
afterEach(async () => {
  await fokus.close();
});

async function create(body: object = { template: 'handlingsplan', lang: 'sv' }) {
  const res = await fokus.app.inject({ method: 'POST', url: '/api/workshops', payload: body });
  expect(res.statusCode).toBe(201);
  return res.json<CreateWorkshopResponse>();
}

describe('HTTP API', () => {
  it('creates a workshop from a template, with links that keep the key out of path and query', async () => {
    const created = await create();
    expect(created.code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
    expect(created.links.join).toBe(`/j/${created.code}`);
    expect(created.links.facilitator).toBe(`/f/${created.code}#key=${created.facilitatorKey}`);
    const summary = await fokus.app.inject({ url: `/api/workshops/${created.code.toLowerCase()}` });
    expect(summary.json<WorkshopSummary>()).toMatchObject({ code: created.code, title: 'Handlingsplan', lang: 'sv', participants: 0, step: 'Välkommen' });
  });

  it('refuses a bad body with a clear error', async () => {
    for (const payload of [{ template: 'nope' }, { lang: 'de' }, { title: '' }, { title: 'x'.repeat(121) }, { extra: 1 }]) {
      const res = await fokus.app.inject({ method: 'POST', url: '/api/workshops', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request' });
    }
    const huge = await fokus.app.inject({ method: 'POST', url: '/api/workshops', payload: { title: 'x'.repeat(40_000) } });
    expect(huge.statusCode).toBe(413);
    expect(await fokus.rooms.get('AAAAAA')).toBeNull();
  });

  it('answers unknown codes with 404', async () => {
    expect((await fokus.app.inject({ url: '/api/workshops/ZZZZZZ' })).statusCode).toBe(404);
    expect((await fokus.app.inject({ url: '/api/workshops/not-a-code' })).statusCode).toBe(404);
  });

  it('draws the QR code of the public join link', async () => {
    const created = await create();
    const res = await fokus.app.inject({ url: `/api/workshops/${created.code}/qr.svg` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toMatch(/^<svg/);
  });

  it('exports only with the facilitator key, with Swedish characters intact', async () => {
    const created = await create({ template: 'handlingsplan', lang: 'sv', title: 'Handlingsplan 2023 – Göteborg' });
    expect((await fokus.app.inject({ url: `/api/workshops/${created.code}/export.md` })).statusCode).toBe(401);
    const wrong = await fokus.app.inject({ url: `/api/workshops/${created.code}/export.md`, headers: { authorization: 'Bearer nope-nope-nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    const auth = { authorization: `Bearer ${created.facilitatorKey}` };
    const md = await fokus.app.inject({ url: `/api/workshops/${created.code}/export.md`, headers: auth });
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toContain('# Handlingsplan 2023 – Göteborg');
    expect(md.body).toContain('### Omvärldsbevakning');
    const csv = await fokus.app.inject({ url: `/api/workshops/${created.code}/export.csv`, headers: auth });
    expect(csv.body.startsWith('\uFEFFDimension;Placering;Tema #;Tema;')).toBe(true);
    const json = await fokus.app.inject({ url: `/api/workshops/${created.code}/export.json`, headers: auth });
    expect(json.json()).toMatchObject({ title: 'Handlingsplan 2023 – Göteborg', boards: [{ title: 'Omvärldsbevakning', focus: [] }, {}, {}, {}] });
    expect((await fokus.app.inject({ url: `/api/workshops/${created.code}/export.exe`, headers: auth })).statusCode).toBe(404);
  });
});
