/**
 * Downloads behind the facilitator key. A plain link cannot send `Authorization`, so the file is fetched, then
 * handed to the browser as a blob under the name the server gave it (content-disposition).
 */

/** The file name in a content-disposition header: `filename*` (UTF-8, RFC 6266) before `filename`; null if none. */
export function fileNameFrom(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return safeName(decodeURIComponent(star[1].trim()));
    } catch {
      // A broken percent-encoding: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  return name ? safeName(name) : null;
}

/** No folders in a name the server sends: the browser would refuse or flatten them anyway. */
function safeName(name: string): string | null {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base && base !== '.' && base !== '..' ? base : null;
}

/** Fetches `path` with the bearer key and saves it; resolves to the name it was saved as. */
export async function downloadWithKey(path: string, key: string, fallbackName: string): Promise<string> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  const name = fileNameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download by now; the blob is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

export const exportPath = (code: string, format: string, query = ''): string =>
  `/api/workshops/${encodeURIComponent(code)}/export.${format}${query ? `?${query}` : ''}`;
