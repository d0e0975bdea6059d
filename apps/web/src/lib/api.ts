import type { CreateWorkshopRequest, CreateWorkshopResponse, ExportFormat, WorkshopSummary } from '@fokus/protocol';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new HttpError(res.status, await res.text().catch(() => res.statusText));
  return (await res.json()) as T;
}

export async function createWorkshop(req: CreateWorkshopRequest): Promise<CreateWorkshopResponse> {
  const res = await fetch('/api/workshops', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req),
  });
  return json<CreateWorkshopResponse>(res);
}

/** The workshop behind a code, or null if there is none. */
export async function getWorkshop(code: string): Promise<WorkshopSummary | null> {
  const res = await fetch(`/api/workshops/${encodeURIComponent(code)}`);
  if (res.status === 404) return null;
  return json<WorkshopSummary>(res);
}

export const qrUrl = (code: string) => `/api/workshops/${encodeURIComponent(code)}/qr.svg`;

/** Fetches an export with the facilitator key and hands it to the browser as a download. */
export async function downloadExport(code: string, key: string, format: ExportFormat, title: string): Promise<void> {
  const res = await fetch(`/api/workshops/${encodeURIComponent(code)}/export.${format}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  if (!res.ok) throw new HttpError(res.status, res.statusText);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${slug(title) || 'fokus'}-${code}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const CODE_PATTERN = /^[A-HJ-KM-NP-Z2-9]{6}$/;
export function normaliseCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}
