/**
 * A small iCalendar (RFC 5545) writer for the plan's meetings. The `ics` package (3.12) was checked and not used:
 * it folds long lines after 75 characters rather than 75 octets (a line of å is 140 bytes), writes a one-day
 * DURATION as `P1DT` (invalid: a T needs a time after it) and stamps DTSTAMP from its own clock. What Outlook
 * and Google Calendar need is small enough to write exactly: this file.
 */

export interface IcsEvent {
  uid: string;
  summary: string;
  description: string;
  year: number;
  month: number;
  day: number;
  /** 'HH:MM' wall-clock time in Sweden; null for an all-day event. */
  start: string | null;
  end: string | null;
}

export const TIME_ZONE = 'Europe/Stockholm';

/** Sweden's rules since 1996 (EU summer time), as Google Calendar writes them. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping (RFC 5545 3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Content lines fold at 75 octets (3.1): a longer line continues on the next after CRLF and one space, which
 * counts towards that line's 75. Cuts fall between code points, so no UTF-8 sequence is ever split.
 */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const basicDate = (y: number, m: number, d: number): string => `${pad(y, 4)}${pad(m)}${pad(d)}`;

/** The wall-clock date and time `minutes` after a start, across midnight and month ends. */
function wallClock(e: IcsEvent, time: string, plusMinutes = 0): string {
  const [h, min] = time.split(':').map(Number) as [number, number];
  const t = new Date(Date.UTC(e.year, e.month - 1, e.day, h, min + plusMinutes));
  return `${basicDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}00`;
}

function eventLines(e: IcsEvent, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`];
  if (e.start === null) {
    // All day: DTEND is the next day, exclusive (3.6.1).
    const next = new Date(Date.UTC(e.year, e.month - 1, e.day + 1));
    lines.push(
      `DTSTART;VALUE=DATE:${basicDate(e.year, e.month, e.day)}`,
      `DTEND;VALUE=DATE:${basicDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate())}`,
    );
  } else {
    // A meeting with a start and no end is booked for an hour, so it shows as a block rather than a line.
    const end = e.end === null ? wallClock(e, e.start, 60) : wallClock(e, e.end);
    lines.push(`DTSTART;TZID=${TIME_ZONE}:${wallClock(e, e.start)}`, `DTEND;TZID=${TIME_ZONE}:${end}`);
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole calendar: CRLF line ends, every line folded. `stamp` is DTSTAMP, UTC in basic form (…T…Z). */
export function icsCalendar(events: readonly IcsEvent[], options: { stamp: string; name: string; lang: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Fokus//Handlingsplan//${options.lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    ...(events.some((e) => e.start !== null) ? VTIMEZONE : []),
    ...events.flatMap((e) => eventLines(e, options.stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** An ISO instant as DTSTAMP wants it: 20261202T120000Z. */
export function icsStamp(iso: string): string {
  return `${iso.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15)}Z`;
}
