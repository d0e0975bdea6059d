import { keys, storage } from '../../realtime/storage.ts';

export interface RecentConsole {
  code: string;
  title: string;
  at: number;
}

export function readRecent(): RecentConsole[] {
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

/** Forgets a console in this browser: its key and its line in the recent list (the workshop was deleted). */
export function forgetConsole(code: string): void {
  storage.remove(keys.facilitator(code));
  storage.set(keys.consoles, JSON.stringify(readRecent().filter((r) => r.code !== code)));
}

export function rememberConsole(code: string, title: string, key: string): void {
  storage.set(keys.facilitator(code), key);
  const rest = readRecent().filter((r) => r.code !== code);
  storage.set(keys.consoles, JSON.stringify([{ code, title, at: Date.now() }, ...rest].slice(0, 8)));
}
