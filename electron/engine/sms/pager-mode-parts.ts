/**
 * A text cut into parts of at most `maxBytes` UTF-8 bytes each, for MESSAGE requests that must
 * stay small (RFC 3428: at most 1300 bytes over a transport without congestion control, such as
 * UDP). Cuts fall between characters, never inside one, and at the last space or line break of
 * a part when there is one in its second half, so words stay whole where they can. Joined back,
 * the parts are the text.
 */
export function pagerModeParts(text: string, maxBytes: number): string[] {
  if (maxBytes < 4) throw new RangeError('A part must hold at least one character (4 bytes)');
  const parts: string[] = [];
  let rest = text;
  while (Buffer.byteLength(rest) > maxBytes) {
    let end = 0;
    let bytes = 0;
    for (const char of rest) {
      const size = Buffer.byteLength(char);
      if (bytes + size > maxBytes) break;
      bytes += size;
      end += char.length;
    }
    const space = Math.max(rest.lastIndexOf(' ', end - 1), rest.lastIndexOf('\n', end - 1));
    if (space >= end / 2) end = space + 1;
    parts.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  if (rest !== '' || parts.length === 0) parts.push(rest);
  return parts;
}
