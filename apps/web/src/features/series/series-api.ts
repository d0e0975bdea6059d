/**
 * The organiser's reads of a series over HTTP (GET /api/series/:id and the report's towns), checked at the
 * boundary: the server's answer is data from the network like any other.
 */

export interface SeriesRoom {
  roomId: string;
  region: string;
  town: string;
  host: string;
  code: string;
  closed: boolean;
  /** 'gone': its workshop was erased; 'unavailable': it could not be loaded right now. */
  state: string;
}

export interface SeriesQuestion {
  boardId: string;
  title: string;
}

/** The next-theme vote's plenary workshop (links without keys). */
export interface SeriesPlenary {
  code: string;
  state: string;
  join: string;
  screen: string;
  participants: number;
  voting: 'idle' | 'open' | 'closed';
}

export interface SeriesOverview {
  seriesId: string;
  title: string;
  theme: string;
  date: string;
  lang: 'sv' | 'en';
  questions: SeriesQuestion[];
  rooms: SeriesRoom[];
  plenary: SeriesPlenary | null;
}

export type SeriesLoad =
  | { state: 'loading' }
  | { state: 'unauthorized' }
  | { state: 'not-found' }
  | { state: 'failed' }
  | { state: 'ready'; series: SeriesOverview };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Obj, k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');

function asRoom(v: unknown): SeriesRoom | null {
  if (!isObj(v) || typeof v['roomId'] !== 'string' || typeof v['code'] !== 'string') return null;
  return {
    roomId: str(v, 'roomId'),
    region: str(v, 'region'),
    town: str(v, 'town'),
    host: str(v, 'host'),
    code: str(v, 'code'),
    closed: v['closed'] === true,
    state: str(v, 'state'),
  };
}

function asQuestion(v: unknown): SeriesQuestion | null {
  if (!isObj(v) || typeof v['boardId'] !== 'string' || typeof v['title'] !== 'string') return null;
  return { boardId: str(v, 'boardId'), title: str(v, 'title') };
}

function asPlenary(v: unknown): SeriesPlenary | null {
  if (!isObj(v) || typeof v['code'] !== 'string' || !isObj(v['links'])) return null;
  const voting = v['voting'];
  return {
    code: str(v, 'code'),
    state: str(v, 'state'),
    // Only our own paths: a link from the answer is never followed off this site.
    join: `/j/${encodeURIComponent(str(v, 'code'))}`,
    screen: `/s/${encodeURIComponent(str(v, 'code'))}`,
    participants: typeof v['participants'] === 'number' ? v['participants'] : 0,
    voting: voting === 'open' || voting === 'closed' ? voting : 'idle',
  };
}

const present = <T>(x: T | null): x is T => x !== null;

export function asSeriesOverview(data: unknown): SeriesOverview | null {
  if (!isObj(data) || typeof data['seriesId'] !== 'string' || !Array.isArray(data['rooms']) || !Array.isArray(data['questions'])) return null;
  return {
    seriesId: str(data, 'seriesId'),
    title: str(data, 'title'),
    theme: str(data, 'theme'),
    date: str(data, 'date'),
    lang: data['lang'] === 'en' ? 'en' : 'sv',
    questions: data['questions'].map(asQuestion).filter(present),
    rooms: data['rooms'].map(asRoom).filter(present),
    plenary: asPlenary(data['plenary']),
  };
}

const authorised = (key: string) => ({ headers: { authorization: `Bearer ${key}` }, cache: 'no-store' as const });

export async function fetchSeries(seriesId: string, key: string): Promise<SeriesLoad> {
  try {
    const res = await fetch(`/api/series/${encodeURIComponent(seriesId)}`, authorised(key));
    if (res.status === 401) return { state: 'unauthorized' };
    if (res.status === 404) return { state: 'not-found' };
    const series = res.ok ? asSeriesOverview(await res.json()) : null;
    return series ? { state: 'ready', series } : { state: 'failed' };
  } catch {
    return { state: 'failed' };
  }
}

/**
 * The towns each room's participants came from (roomId -> towns, distinct, in order of first appearance), read
 * from the compiled report: the projector's view a room sends does not name people or their towns.
 */
export async function fetchTowns(seriesId: string, key: string): Promise<Map<string, string[]> | null> {
  try {
    const res = await fetch(`/api/series/${encodeURIComponent(seriesId)}/report.json`, authorised(key));
    if (!res.ok) return null;
    const data: unknown = await res.json();
    if (!isObj(data) || !Array.isArray(data['regions'])) return null;
    const towns = new Map<string, string[]>();
    for (const r of data['regions']) {
      if (!isObj(r) || typeof r['roomId'] !== 'string' || !Array.isArray(r['towns'])) continue;
      towns.set(
        r['roomId'],
        r['towns'].filter((t): t is string => typeof t === 'string'),
      );
    }
    return towns;
  } catch {
    return null;
  }
}

/**
 * POST /api/series/:id/next-theme: the plenary's code and, the first time only, its console link with the new
 * facilitator key (null after that: the key was shown once). Null when the request failed.
 */
export async function startNextTheme(seriesId: string, key: string): Promise<{ code: string; console: string | null } | null> {
  try {
    const res = await fetch(`/api/series/${encodeURIComponent(seriesId)}/next-theme`, { method: 'POST', ...authorised(key) });
    if (!res.ok) return null;
    const data: unknown = await res.json();
    if (!isObj(data) || typeof data['code'] !== 'string') return null;
    const code = data['code'];
    const facKey = typeof data['facilitatorKey'] === 'string' ? data['facilitatorKey'] : null;
    return { code, console: facKey === null ? null : `/f/${encodeURIComponent(code)}#key=${encodeURIComponent(facKey)}` };
  } catch {
    return null;
  }
}
