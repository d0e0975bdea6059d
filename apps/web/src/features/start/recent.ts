import { keys, storage } from '../../realtime/storage.ts';

/**
 * The workshops this browser created or opened as facilitator. Their keys stay in this browser's
 * localStorage only (one per code); the list beside them holds title and when it was first seen here.
 */
export interface RecentConsole {
  code: string;
  title: string;
  at: number;
}

const KEY_PREFIX = keys.facilitator('');
const CODE = /^[A-HJ-KM-NP-Z2-9]{6}$/;

function readList(): RecentConsole[] {
  try {
    const data: unknown = JSON.parse(storage.get(keys.consoles) ?? '[]');
    if (!Array.isArray(data)) return [];
    return data.filter(
      (r): r is RecentConsole => typeof r === 'object' && r !== null && typeof r.code === 'string' && typeof r.title === 'string' && typeof r.at === 'number',
    );
  } catch {
    return [];
  }
}

/** Codes that have a facilitator key stored here (a console opened from its link stores only the key). */
function storedKeyCodes(): string[] {
  const codes: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(KEY_PREFIX) && CODE.test(k.slice(KEY_PREFIX.length))) codes.push(k.slice(KEY_PREFIX.length));
    }
  } catch {
    // no storage: nothing remembered
  }
  return codes;
}

/** The list, newest first, with every console opened here by its link added (first seen now, titled by its code). */
export function readRecent(now = Date.now()): RecentConsole[] {
  const list = readList();
  const known = new Set(list.map((r) => r.code));
  const found = storedKeyCodes().filter((c) => !known.has(c));
  if (found.length === 0) return list;
  const merged = [...found.map((code) => ({ code, title: code, at: now })), ...list];
  storage.set(keys.consoles, JSON.stringify(merged));
  return merged;
}

export function facilitatorKeyOf(code: string): string | null {
  return storage.get(keys.facilitator(code));
}

/** Forgets a console in this browser: its key and its line in the recent list (the workshop was deleted). */
export function forgetConsole(code: string): void {
  storage.remove(keys.facilitator(code));
  storage.set(keys.consoles, JSON.stringify(readList().filter((r) => r.code !== code)));
}

export function rememberConsole(code: string, title: string, key: string): void {
  storage.set(keys.facilitator(code), key);
  const rest = readList().filter((r) => r.code !== code);
  // No cap: every line holds a key that is the only way back into its workshop.
  storage.set(keys.consoles, JSON.stringify([{ code, title, at: Date.now() }, ...rest]));
}

/** Keeps the title the server gave, so the list reads right before the next look-up. */
export function retitleConsole(code: string, title: string): void {
  const list = readList();
  if (!list.some((r) => r.code === code && r.title !== title)) return;
  storage.set(keys.consoles, JSON.stringify(list.map((r) => (r.code === code ? { ...r, title } : r))));
}
