/**
 * CSV as Swedish Excel opens it: semicolons (Excel in a Swedish locale splits on `;`), CRLF line ends and a
 * UTF-8 byte-order mark so å, ä and ö are read as UTF-8. `?sep=comma` gives commas for other programs.
 */
export type Separator = ';' | ',';

/**
 * One field. Free text that starts with = + - @ (or a tab or CR) would run as a formula in a spreadsheet: it gets
 * a leading apostrophe, which Excel shows as nothing (OWASP "CSV injection"). Numbers we wrote stay numbers.
 */
export function csvField(value: string | number, sep: Separator): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(rows: readonly (readonly (string | number)[])[], sep: Separator): string {
  return `\uFEFF${rows.map((row) => row.map((v) => csvField(v, sep)).join(sep)).join('\r\n')}\r\n`;
}
