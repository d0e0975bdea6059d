import type { CreateWorkshopRequest, CreateWorkshopResponse, WorkshopSummary } from '@fokus/protocol';

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

export const CODE_PATTERN = /^[A-HJ-KM-NP-Z2-9]{6}$/;
export function normaliseCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}
