/**
 * User text as every format can hold it. XML 1.0 (DOCX, XLSX) has no place for control characters other than
 * tab and line feed, nor for U+FFFE/U+FFFF or half a surrogate pair: one such character in an idea would make
 * Word refuse the whole file. They are dropped here, once, so every format shows the same text.
 */
function writable(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x09 || cp === 0x0a) return true;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return false;
  if (cp === 0xfffe || cp === 0xffff) return false;
  // `for…of` walks code points, so a surrogate seen alone here has lost its other half.
  return cp < 0xd800 || cp > 0xdfff;
}

export function clean(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) if (writable(ch)) out += ch;
  return out;
}

/** One line: line breaks and runs of white space become one space (names, titles, table cells). */
export function oneLine(text: string): string {
  return clean(text).replace(/\s+/g, ' ').trim();
}
