/**
 * `name-addr` and `addr-spec` with header parameters (RFC 3261 §20.10, §25.1), the shape of
 * From, To, Contact, Route, Record-Route, Refer-To (RFC 3515) and Referred-By (RFC 3892).
 * The URI stays text: From and P-Asserted-Identity may carry `tel:` URIs that a SIP URI parser
 * rejects, and Route values must go back out byte for byte; parse it with sip-uri when needed.
 */
import {
  type HeaderParams,
  formatHeaderParams,
  isTokenChar,
  parseHeaderParams,
  quote,
  scanQuotedString,
  skipSpace,
  unquote,
} from './header-params.js';
import { type Parsed, splitHeaderList } from './sip-message.js';

export interface NameAddr {
  /** Unquoted display name; undefined when absent. */
  displayName: string | undefined;
  /** The URI as written between `<` and `>` (or the bare addr-spec). */
  uri: string;
  /** Header parameters (tag, expires, q, +sip.instance…); values as written, quotes kept. */
  params: HeaderParams;
}

const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** §25.1 absoluteURI / SIP-URI start with `scheme ":"`; anything else is not an address. */
function hasScheme(uri: string): boolean {
  const colon = uri.indexOf(':');
  if (colon <= 0) return false;
  const first = uri.charCodeAt(0) | 0x20;
  if (first < 0x61 || first > 0x7a) return false;
  for (let i = 1; i < colon; i++) {
    const c = uri.charCodeAt(i);
    const alnum = (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
    if (!alnum && c !== 0x2b && c !== 0x2d && c !== 0x2e) return false;
  }
  return true;
}

/**
 * Parses one address. In the addr-spec form (no angle brackets) everything after the first `;`
 * is a header parameter, never a URI parameter (§20.10). The Contact wildcard `*` is rejected:
 * check for it before calling.
 */
export function parseNameAddr(text: string): Parsed<NameAddr> {
  let i = skipSpace(text, 0);
  let displayName: string | undefined;
  let uri: string;
  let paramsFrom: number;

  // A display name is a quoted-string or tokens and spaces; a ':' first means a bare addr-spec.
  let j = i;
  if (text.charCodeAt(i) === 0x22) {
    const end = scanQuotedString(text, i);
    if (end === -1) return fail('unterminated quoted display name');
    displayName = unquote(text.slice(i, end));
    j = skipSpace(text, end);
    if (text.charCodeAt(j) !== 0x3c) return fail('expected "<" after the display name');
  } else {
    while (j < text.length) {
      const c = text.charCodeAt(j);
      // Unquoted UTF-8 names break §25.1 but are common; they cannot be mistaken for a URI.
      if (!isTokenChar(c) && c !== 0x20 && c !== 0x09 && c < 0x80) break;
      j++;
    }
  }

  if (text.charCodeAt(j) === 0x3c) {
    if (displayName === undefined) {
      const tokens = text.slice(i, j).trim();
      if (tokens.length > 0) displayName = tokens;
    }
    const close = text.indexOf('>', j + 1);
    if (close === -1) return fail('missing ">"');
    uri = text.slice(j + 1, close).trim();
    paramsFrom = close + 1;
  } else {
    if (text.charCodeAt(i) === 0x2a && skipSpace(text, i + 1) === text.length)
      return fail('the Contact wildcard "*" is not an address');
    let end = i;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 0x3b || c === 0x20 || c === 0x09) break;
      end++;
    }
    uri = text.slice(i, end);
    paramsFrom = end;
  }

  if (!hasScheme(uri)) return fail('address has no URI scheme');
  for (i = 0; i < uri.length; i++) {
    const c = uri.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || c === 0x3c || c === 0x22) return fail('invalid character in URI');
  }
  const params = parseHeaderParams(text, paramsFrom);
  if (!params.ok) return params;
  return { ok: true, value: { displayName, uri, params: params.value } };
}

/** Parses a list header value (Contact, Route, Record-Route), one address per element. */
export function parseNameAddrList(value: string): Parsed<NameAddr[]> {
  const list: NameAddr[] = [];
  for (const element of splitHeaderList(value)) {
    const parsed = parseNameAddr(element);
    if (!parsed.ok) return parsed;
    list.push(parsed.value);
  }
  return { ok: true, value: list };
}

/** Always writes the name-addr form: brackets keep URI parameters apart from header parameters. */
export function formatNameAddr(address: NameAddr): string {
  const name = address.displayName !== undefined && address.displayName.length > 0;
  return `${name ? quote(address.displayName ?? '') + ' ' : ''}<${address.uri}>${formatHeaderParams(address.params)}`;
}
