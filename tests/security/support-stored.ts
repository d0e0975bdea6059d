/** Reading a workshop's log straight from the SQLite file, and checking that what is stored is well formed. */
import { join } from 'node:path';
import { LIMITS, RESERVED_IDS } from '@fokus/core';
import { idSchema } from '@fokus/protocol';
import type { StoredEvent, WorkshopRecord } from '../../apps/server/src/store/store.ts';
import { SqliteStore } from '../../apps/server/src/store/sqlite-store.ts';

/** The stored log of one workshop, by code, read with the server stopped. */
export async function storedLog(dataDir: string, code: string): Promise<{ record: WorkshopRecord; events: StoredEvent[] }> {
  const store = new SqliteStore(join(dataDir, 'fokus.db'));
  try {
    const record = await store.findByCode(code);
    if (!record) throw new Error(`no workshop ${code} on disk`);
    return { record, events: await store.loadEvents(record.id) };
  } finally {
    await store.close();
  }
}

/** Fields that hold one id (or null), and fields that hold a list of ids. */
const ID_FIELDS = new Set(['workshopId', 'participantId', 'ideaId', 'groupId', 'boardId', 'targetId', 'rowId', 'authorId', 'id']);
const ID_LIST_FIELDS = new Set(['sourceIds', 'added', 'removed']);
const MAX_DEPTH = 5;

/**
 * Why a stored event is not one a valid command could have caused, as a list (empty when it is fine): every
 * id passes the protocol's id rule (so no reserved name and nothing of another shape), no object carries a
 * reserved or unexpected key, strings are bounded, numbers finite, and nothing is nested deeper than events are.
 * Deliberately generic over event types, so new events are checked too.
 */
export function eventProblems(event: unknown): string[] {
  const problems: string[] = [];
  const isId = (v: unknown) => idSchema.safeParse(v).success;
  const walk = (value: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return void problems.push(`${path}: nested too deep`);
    if (typeof value === 'string') {
      if (value.length > LIMITS.ideaDetails) problems.push(`${path}: a string of ${value.length} characters`);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push(`${path}: ${value}`);
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}.${i}`, depth + 1);
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const v = (value as Record<string, unknown>)[key];
        const at = `${path}.${key}`;
        if (RESERVED_IDS.has(key)) problems.push(`${at}: a reserved key`);
        if (ID_FIELDS.has(key) && v !== null && !isId(v)) problems.push(`${at}: not an id: ${JSON.stringify(v)?.slice(0, 80)}`);
        if (ID_LIST_FIELDS.has(key) && !(Array.isArray(v) && v.every(isId))) problems.push(`${at}: not a list of ids`);
        if (key === 'assignment') {
          const rec = v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
          for (const [pid, gid] of Object.entries(rec)) if (!isId(pid) || !isId(gid)) problems.push(`${at}: ${pid} -> ${String(gid)}`);
        }
        walk(v, at, depth + 1);
      }
    } else if (typeof value !== 'boolean' && value !== null) {
      problems.push(`${path}: a ${typeof value}`);
    }
  };
  if (event === null || typeof event !== 'object' || typeof (event as { type?: unknown }).type !== 'string') return ['not an event'];
  walk(event, (event as { type: string }).type, 0);
  return problems;
}
