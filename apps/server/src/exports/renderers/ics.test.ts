import { describe, expect, it } from 'vitest';
import { doc2023, docEmpty, docHostile } from '../test-docs.ts';
import { escapeText, fold } from './ics-writer.ts';
import { icsRenderer } from './ics.ts';

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 3.1: a CRLF followed by one space or tab continues the line before it. */
function unfold(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

/** NAME;PARAM=V;…:VALUE (no quoted parameter values are written here). */
function property(line: string): Property {
  const colon = line.indexOf(':');
  const [name = '', ...params] = line.slice(0, colon).split(';');
  return { name, params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value: line.slice(colon + 1) };
}

const unescapeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function events(text: string): Property[][] {
  const out: Property[][] = [];
  let current: Property[] | null = null;
  for (const p of unfold(text).map(property)) {
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = [];
    else if (p.name === 'END' && p.value === 'VEVENT') {
      if (current) out.push(current);
      current = null;
    } else current?.push(p);
  }
  return out;
}
const prop = (event: Property[], name: string) => event.find((p) => p.name === name);
const render = (doc = doc2023(), row: string | null = null) => String(icsRenderer.render(doc, { sep: ';', row }));

describe('export.ics', () => {
  it('is a calendar with one event per plan row that has a month and a day', () => {
    const doc = doc2023();
    const text = render(doc);
    const lines = unfold(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    const dated = doc.plan.filter((r) => r.day !== null);
    expect(dated).toHaveLength(11);
    expect(events(text).map((e) => prop(e, 'UID')?.value)).toEqual(dated.map((r) => `${r.id}.${doc.workshopId}@fokus`));
  });

  it('writes an all-day meeting as DATE values, the next day exclusive', () => {
    const first = events(render())[0] ?? [];
    expect(prop(first, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20230116' });
    expect(prop(first, 'DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20230117' });
    expect(prop(first, 'DURATION')).toBeUndefined();
  });

  it('writes a timed meeting in Swedish time with its time zone defined', () => {
    const text = render();
    const feb = events(text)[1] ?? [];
    expect(prop(feb, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/Stockholm' }, value: '20230206T090000' });
    expect(prop(feb, 'DTEND')?.value).toBe('20230206T100000');
    expect(unescapeText(prop(feb, 'SUMMARY')?.value ?? '')).toBe('Månadsmöte – Tema 27: Policy & Branschpraxis – del 1');
    expect(unescapeText(prop(feb, 'DESCRIPTION')?.value ?? '')).toBe('Värd: Daniel\nHandlingsplan 2023');
    expect(unfold(text)).toContain('TZID:Europe/Stockholm');
    expect(prop(feb, 'DTSTAMP')?.value).toBe('20261202T120000Z');
  });

  it('never writes a line over 75 octets, nor cuts a character in two', () => {
    for (const text of [render(), render(docHostile())]) {
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(Buffer.from(text, 'utf8').toString('utf8')).not.toContain('\uFFFD');
    }
  });

  it('keeps hostile text intact through escaping and folding', () => {
    const doc = docHostile();
    const [event] = events(render(doc));
    const row = doc.plan[0];
    expect(unescapeText(prop(event ?? [], 'SUMMARY')?.value ?? '')).toBe(`Månadsmöte – Tema 3: ${row?.theme}`);
    expect(unescapeText(prop(event ?? [], 'DESCRIPTION')?.value ?? '')).toBe(
      `Värd: =Värd\nBackup: -Backup\nKommentar: Rad 1\nRad 2; "citat", komma\n${doc.title}`,
    );
    // The second row has no day: it is in the plan but not in the calendar file.
    expect(events(render(doc))).toHaveLength(1);
  });

  it('gives one meeting alone for "Lägg till i kalender"', () => {
    const one = events(render(doc2023(), 'p11'));
    expect(one).toHaveLength(1);
    expect(prop(one[0] ?? [], 'DTSTART')?.value).toBe('20231204T090000');
  });

  it('is a valid empty calendar for an empty workshop', () => {
    const lines = unfold(render(docEmpty()));
    expect(lines).not.toContain('BEGIN:VEVENT');
    expect(lines).not.toContain('BEGIN:VTIMEZONE');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
  });
});

describe('the iCalendar writer', () => {
  it('folds by octets at code point boundaries, and unfolding gives the line back', () => {
    for (const line of [`SUMMARY:${'å'.repeat(100)}`, `SUMMARY:${'a'.repeat(73)}😀😀`, `X:${'👩‍👩‍👧'.repeat(20)}`, 'SHORT:ok']) {
      const folded = fold(line);
      for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    }
  });

  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});
