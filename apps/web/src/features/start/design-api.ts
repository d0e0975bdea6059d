import type { CreateWorkshopResponse, DesignFile } from '@fokus/protocol';
import { LIMITS } from '@fokus/core';
import { HttpError } from '../../lib/api.ts';

/**
 * Designs over HTTP for reuse: read one with the facilitator key (design.json), start a workshop from one,
 * save one as a file, delete a past workshop. The key travels only as a bearer header, never in a URL.
 */

const workshopUrl = (code: string) => `/api/workshops/${encodeURIComponent(code)}`;

export async function fetchDesign(code: string, key: string): Promise<DesignFile> {
  const res = await fetch(`${workshopUrl(code)}/design.json`, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) throw new HttpError(res.status, res.statusText);
  return (await res.json()) as DesignFile;
}

export type Created = { ok: true; created: CreateWorkshopResponse } | { ok: false; status: number; message: string };

/** A new workshop from a design (a file or a bare design); a refusal keeps the server's message, which names the field. */
export async function createFromDesign(design: unknown): Promise<Created> {
  const res = await fetch('/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ design }) });
  if (res.status === 201) return { ok: true, created: (await res.json()) as CreateWorkshopResponse };
  const body: unknown = await res.json().catch(() => null);
  const message = typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : res.statusText;
  return { ok: false, status: res.status, message };
}

/** "Handlingsplan 2027" -> "Handlingsplan 2027 (kopia)", still within the title limit. */
export function copyTitle(title: string, suffix: string): string {
  return `${title.slice(0, LIMITS.title - suffix.length).trimEnd()}${suffix}`;
}

/** The design with a new title: a copy says it is one. */
export function retitled(file: DesignFile, title: string): DesignFile {
  return { ...file, design: { ...file.design, title } };
}

/** "Handlingsplan 2027 – Örebro" -> "handlingsplan-2027-orebro.fokus.json". */
export function designFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return `${slug || 'fokus'}.fokus.json`;
}

/** Hands a design file to the browser as a download. */
export function downloadDesign(file: DesignFile): void {
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = designFileName(file.design.title);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Erases a workshop on the server; 404 means it is already gone, which is what was asked. */
export async function deleteWorkshopAt(code: string, key: string): Promise<void> {
  const res = await fetch(workshopUrl(code), { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
  if (!res.ok && res.status !== 404) throw new HttpError(res.status, res.statusText);
}
