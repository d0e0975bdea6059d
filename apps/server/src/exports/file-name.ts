/**
 * The name a downloaded file gets: title, plan year and meeting day, "Handlingsplan-2027-2026-11-20.docx". The plain
 * `filename` is ASCII (å → a, anything else → -) for old mail programs; `filename*` (RFC 5987/6266) carries
 * the real name in UTF-8 for every browser since 2012.
 */
import type { Documentation } from '@fokus/report';

function base(doc: Documentation): string {
  // Letters and digits of any script; everything else (quotes, slashes, markup, emoji) becomes one hyphen.
  const title = doc.title
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  // The plan year names the plan: "Handlingsplan" of a meeting in 2026 for 2027 is Handlingsplan-2027-2026-11-20.
  const year = title.includes(String(doc.planYear)) ? '' : String(doc.planYear);
  return [title || 'Fokus', year, doc.date].filter(Boolean).join('-');
}

const ascii = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-(?=\.)/g, '');

/** RFC 5987 value-chars: the rest percent-encoded as UTF-8. */
const encode5987 = (name: string): string => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function fileName(doc: Documentation, extension: string, suffix = ''): string {
  return `${base(doc)}${suffix ? `-${suffix}` : ''}.${extension}`;
}

export function contentDisposition(name: string): string {
  return `attachment; filename="${ascii(name)}"; filename*=UTF-8''${encode5987(name)}`;
}
