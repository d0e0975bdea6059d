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

export interface SeriesOverview {
  seriesId: string;
  title: string;
  theme: string;
  date: string;
  lang: 'sv' | 'en';
  questions: SeriesQuestion[];
  rooms: SeriesRoom[];
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
