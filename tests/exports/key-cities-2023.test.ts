/**
 * The Key Cities Group 2023 meeting (seed 002) replayed through a real server: 14 phones join, write and vote,
 * the facilitator groups, reveals, suggests the focus at 6 dots and adds "Politisk påverkan" (5) by hand, and
 * writes the year plan. The documentation the server exports then has the seed's "Fokus år 2023", and every
 * format read back with its own parser agrees with it.
 */
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { clientCommandSchema } from '@fokus/protocol';
import type { Documentation } from '@fokus/report';
import type { Action } from '../../packages/report/src/test-workshops.ts';
import { FOKUS_2023, script2023 } from '../../packages/report/src/test-workshops.ts';
import { findAll, parseXml } from '../../apps/server/src/exports/xml-tree.ts';
import type { Client } from '../support/fokus-client.ts';
import { createWorkshop, newToken } from '../support/fokus-client.ts';
import { trackedServers } from '../support/tracked.ts';

const servers = trackedServers();
const sorted = (lists: Readonly<Record<string, readonly string[]>>) => Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v].sort()]));
const focusLists = (doc: Documentation) => Object.fromEntries(doc.boards.map((b) => [b.id, b.focus.map((i) => i.text)]));

/** Runs a script the way people do: each person on their own phone, the facilitator on the console. */
async function replay(url: string, code: string, facilitator: Client, actions: readonly Action[]): Promise<void> {
  const phones = new Map<string, { client: Client; participantId: string }>();
  // Core's command type is wider than the wire's: each command is checked against the wire schema, as the server will.
  const wire = (command: unknown) => clientCommandSchema.parse(command);
  for (const a of actions) {
    if ('join' in a) {
      const client = await servers.connect(url, { code, role: 'participant' });
      const ack = await client.join(a.join, newToken(), a.organisation);
      if (!ack.ok) throw new Error(`${a.join} could not join: ${ack.message}`);
      phones.set(a.join, { client, participantId: ack.participantId });
    } else if (a.by === 'participant') {
      const phone = phones.get(a.name);
      if (!phone) throw new Error(`${a.name} has not joined`);
      await phone.client.must(wire(a.command));
    } else if ('forName' in a) await facilitator.must(wire(a.command(phones.get(a.forName)?.participantId ?? '')));
    else await facilitator.must(wire(a.command));
  }
}

describe('Key Cities Group 2023 through the server', () => {
  it('exports the seed\'s "Fokus år 2023", the same in JSON, CSV, DOCX and the calendar', async () => {
    const server = await servers.start();
    const created = await createWorkshop(server.url);
    const facilitator = await servers.connect(server.url, { code: created.code, role: 'facilitator', key: created.facilitatorKey });
    const get = (format: string) =>
      fetch(`${server.url}/api/workshops/${created.code}/export.${format}`, { headers: { authorization: `Bearer ${created.facilitatorKey}` } });
    const script = script2023();
    const byHand = script.findIndex((a) => 'command' in a && typeof a.command === 'object' && a.command.type === 'focus:toggle');

    // Threshold 6 alone: 3 + 4 + 4 + 0, "Politisk påverkan" (5) not yet in.
    await replay(server.url, created.code, facilitator, script.slice(0, byHand));
    const before = (await (await get('json')).json()) as Documentation;
    expect(before.boards.map((b) => b.focus.length)).toEqual([3, 4, 4, 0]);
    expect(before.boards[2]?.focus.map((i) => i.text)).not.toContain('Politisk påverkan');

    await replay(server.url, created.code, facilitator, script.slice(byHand));
    const doc = (await (await get('json')).json()) as Documentation;
    expect(doc).toMatchObject({ schemaVersion: 1, title: 'Handlingsplan 2023', focusTitle: 'Fokus år 2023', joinCode: created.code });
    expect(sorted(focusLists(doc))).toEqual(sorted(FOKUS_2023));
    expect(doc.boards.map((b) => b.focus.length)).toEqual([3, 4, 5, 0]);
    expect(doc.participants).toHaveLength(14);
    expect(doc.voting).toMatchObject({ status: 'closed', dots: 117 });
    expect(doc.plan).toHaveLength(12);

    // The CSV marks exactly those themes "ja".
    const csv: string[][] = parse(await (await get('csv')).text(), { delimiter: ';', bom: true });
    const csvFocus = csv.slice(1).filter((r) => r[7] === 'ja');
    expect(csvFocus.map((r) => r[3]).sort()).toEqual(Object.values(FOKUS_2023).flat().sort());

    // The DOCX sets exactly those themes, with their dots, in bold (each twice: the vote list and "Fokus år 2023").
    const zip = await JSZip.loadAsync(await (await get('docx')).arrayBuffer());
    const body = parseXml((await zip.file('word/document.xml')?.async('string')) ?? '');
    const bold = findAll(body, 'w:r')
      .filter((r) => findAll(r, 'w:b').length > 0)
      .map((r) =>
        findAll(r, 'w:t')
          .map((t) => t.text)
          .join(''),
      );
    const expected = doc.boards.flatMap((b) => b.focus.map((i) => `${i.text} ${i.dots}`));
    for (const label of expected)
      expect(
        bold.filter((t) => t === label),
        label,
      ).toHaveLength(2);
    expect(bold).toContain('Politisk påverkan 5');

    // The calendar file holds the eleven meetings with a day.
    const ics = await (await get('ics')).text();
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(11);
  }, 60_000);
});
