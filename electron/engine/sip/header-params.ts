/**
 * Lexical pieces shared by the header parsers (RFC 3261 §25.1): tokens, quoted strings and the
 * `;name=value` generic parameters of From/To/Contact/Route/Via. Every scanner here is a single
 * forward pass over the text, so that hostile input costs linear time and never backtracks.
 */
import type { Parsed } from './sip-message.js';

/** Header parameters by lowercase name; values as written (quotes kept), null for a bare flag. */
export type HeaderParams = Map<string, string | null>;

const tokenTable = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++) tokenTable[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) tokenTable[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) tokenTable[c] = 1;
for (const ch of "-.!%*_+`'~") tokenTable[ch.charCodeAt(0)] = 1;

/** RFC 3261 §25.1 `token` character. */
export function isTokenChar(code: number): boolean {
  return code < 128 && tokenTable[code] === 1;
}

export function isToken(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isTokenChar(text.charCodeAt(i))) return false;
  return true;
}

/** Index of the first character at or after `from` that is not SP or HTAB. */
export function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) break;
    i++;
  }
  return i;
}

/** Index just past the end of a token starting at `from` (equal to `from` when there is none). */
export function scanToken(text: string, from: number): number {
  let i = from;
  while (i < text.length && isTokenChar(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Index just past the closing quote of the quoted-string opening at `from` (§25.1
 * `quoted-string`, with `\` quoted-pairs), or -1 when it is unterminated or holds CR/LF.
 */
export function scanQuotedString(text: string, from: number): number {
  if (text.charCodeAt(from) !== 0x22) return -1;
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) i++;
    else if (c === 0x0d || c === 0x0a) return -1;
  }
  return -1;
}

/** The content of a quoted-string with its quoted-pairs resolved; other text is returned as is. */
export function unquote(text: string): string {
  if (text.length < 2 || text.charCodeAt(0) !== 0x22 || text.charCodeAt(text.length - 1) !== 0x22)
    return text;
  const inner = text.slice(1, -1);
  if (!inner.includes('\\')) return inner;
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '\\' && i + 1 < inner.length) out += inner[++i];
    else out += ch;
  }
  return out;
}

/**
 * Writes text as a quoted-string. CR and LF become spaces: a display name or realm taken from
 * one peer must never be able to start a new header line in a message to another.
 */
export function quote(text: string): string {
  let out = '"';
  for (const ch of text) {
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\r' || ch === '\n') out += ' ';
    else out += ch;
  }
  return out + '"';
}

/** Unquoted gen-value characters: tokens, hosts (`:`, `[`, `]`) and the odd `=`, `/`, `<` seen in the wild. */
function isParamValueChar(code: number): boolean {
  return code > 0x20 && code < 0x7f && code !== 0x3b && code !== 0x2c && code !== 0x22;
}

/**
 * Parses `*( SEMI generic-param )` (§25.1, §20.10) starting at `from`, up to the end of the text.
 * Names are lowercased (they are case-insensitive); a repeated name is an error, as the RFC
 * gives it no meaning and picking one silently invites tag confusion.
 */
export function parseHeaderParams(text: string, from = 0): Parsed<HeaderParams> {
  const params: HeaderParams = new Map();
  let i = from;
  for (;;) {
    i = skipSpace(text, i);
    if (i >= text.length) return { ok: true, value: params };
    if (text.charCodeAt(i) !== 0x3b) return { ok: false, reason: `expected ";" before parameter at ${i}` };
    i = skipSpace(text, i + 1);
    const nameEnd = scanToken(text, i);
    if (nameEnd === i) return { ok: false, reason: `empty or invalid parameter name at ${i}` };
    const name = text.slice(i, nameEnd).toLowerCase();
    i = skipSpace(text, nameEnd);
    let value: string | null = null;
    if (text.charCodeAt(i) === 0x3d) {
      i = skipSpace(text, i + 1);
      if (text.charCodeAt(i) === 0x22) {
        const end = scanQuotedString(text, i);
        if (end === -1) return { ok: false, reason: `unterminated quoted value of parameter "${name}"` };
        value = text.slice(i, end);
        i = end;
      } else {
        const start = i;
        while (i < text.length && isParamValueChar(text.charCodeAt(i))) i++;
        if (i === start) return { ok: false, reason: `empty value of parameter "${name}"` };
        value = text.slice(start, i);
      }
    }
    if (params.has(name)) return { ok: false, reason: `parameter "${name}" appears twice` };
    params.set(name, value);
  }
}

/** Writes parameters as `;name=value` / `;name`, values as stored. */
export function formatHeaderParams(params: ReadonlyMap<string, string | null>): string {
  let out = '';
  for (const [name, value] of params) out += value === null ? `;${name}` : `;${name}=${value}`;
  return out;
}
