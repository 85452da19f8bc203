/**
 * SIP and SIPS URIs (RFC 3261 §19.1). Components are held unescaped; {@link formatSipUri}
 * escapes them again with the character sets of §25.1, so the written form may differ from the
 * received one while staying equal under the comparison rules of §19.1.4.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Parsed } from './sip-message.js';

export interface SipUri {
  scheme: 'sip' | 'sips';
  /** Unescaped user part (a telephone number with `user=phone`), if any. */
  user: string | undefined;
  /** §19.1.1 calls passwords in URIs NOT RECOMMENDED; kept only so that a URI round-trips. */
  password: string | undefined;
  /** A domain name or IP address; IPv6 without brackets. */
  host: string;
  port: number | undefined;
  /** uri-parameters by lowercase name, unescaped; null for a flag such as `lr`. */
  params: Map<string, string | null>;
  /** The `?h=v&…` headers part, in order, unescaped (a name may repeat). */
  headers: [name: string, value: string][];
}

type CharSet = Uint8Array;

function charSet(extra: string): CharSet {
  const set = new Uint8Array(128);
  for (let c = 0x30; c <= 0x39; c++) set[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) set[c] = 1;
  for (let c = 0x61; c <= 0x7a; c++) set[c] = 1;
  for (const ch of "-_.!~*'()" + extra) set[ch.charCodeAt(0)] = 1; // §25.1 unreserved = alphanum / mark
  return set;
}

/** §25.1 user-unreserved; `#` is tolerated on input because PBXes send feature codes unescaped. */
const userChars = charSet('&=+$,;?/');
const userInputChars = charSet('&=+$,;?/#');
const passwordChars = charSet('&=+$,');
const paramChars = charSet('[]/:&+$');
const headerChars = charSet('[]/?:+$');

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/**
 * Checks text against an allowed set (escapes and non-ASCII tolerated) and resolves `%HH`
 * escapes as UTF-8; undefined when a character is not allowed or an escape is malformed.
 */
function unescapeComponent(text: string, allowed: CharSet): string | undefined {
  let hasEscape = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25) {
      if (!isHex(text.charCodeAt(i + 1)) || !isHex(text.charCodeAt(i + 2))) return undefined;
      hasEscape = true;
      i += 2;
    } else if (c < 128 ? allowed[c] !== 1 : c === 0x7f) return undefined;
  }
  if (!hasEscape) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 128) bytes.push(c);
    else {
      const cp = text.codePointAt(i) ?? c;
      if (cp > 0xffff) i++;
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) bytes.push(b);
    }
  }
  try {
    return fatalUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined; // an escape that is not UTF-8 would change identity if replaced
  }
}

function escapeComponent(text: string, allowed: CharSet): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 128 && allowed[c] === 1) out += ch;
    else
      for (const b of Buffer.from(ch, 'utf8'))
        out += '%' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
  }
  return out;
}

function isHostChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f // not in §25.1 hostname, but common in internal names
  );
}

export type HostKind = 'ipv4' | 'ipv6' | 'domain';

export function hostKind(host: string): HostKind {
  if (isIPv4(host)) return 'ipv4';
  if (isIPv6(host)) return 'ipv6';
  return 'domain';
}

/** A host as written in a URI or Via: IPv6 references in brackets (§25.1 IPv6reference). */
export function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/**
 * Parses a `sip:` or `sips:` URI. `tel:` URIs (RFC 3966) and other schemes are rejected with a
 * reason: where a header may hold them (From, P-Asserted-Identity), keep the raw text instead.
 */
export function parseSipUri(text: string): Parsed<SipUri> {
  const colon = text.indexOf(':');
  if (colon <= 0) return fail('not a URI: no scheme');
  const scheme = text.slice(0, colon).toLowerCase();
  if (scheme === 'tel') return fail('tel: URIs (RFC 3966) are not SIP URIs; expected sip: or sips:');
  if (scheme !== 'sip' && scheme !== 'sips') return fail(`unsupported URI scheme "${scheme.slice(0, 32)}"`);

  let user: string | undefined;
  let password: string | undefined;
  let i = colon + 1;
  // '@' is escaped everywhere but between userinfo and host, so the first one is the separator.
  const at = text.indexOf('@', i);
  if (at !== -1) {
    const userinfo = text.slice(i, at);
    const pw = userinfo.indexOf(':');
    const rawUser = pw === -1 ? userinfo : userinfo.slice(0, pw);
    if (rawUser.length === 0) return fail('empty user part before "@"');
    user = unescapeComponent(rawUser, userInputChars);
    if (user === undefined) return fail('invalid character or escape in user part');
    if (pw !== -1) {
      password = unescapeComponent(userinfo.slice(pw + 1), passwordChars);
      if (password === undefined) return fail('invalid character or escape in password');
    }
    i = at + 1;
  }

  let host: string;
  if (text.charCodeAt(i) === 0x5b) {
    const close = text.indexOf(']', i);
    if (close === -1) return fail('unterminated IPv6 reference');
    host = text.slice(i + 1, close);
    if (!isIPv6(host)) return fail('invalid IPv6 address');
    i = close + 1;
  } else {
    const start = i;
    while (i < text.length && isHostChar(text.charCodeAt(i))) i++;
    host = text.slice(start, i);
    if (host.length === 0) return fail('missing host');
    if (/^[\d.]+$/.test(host) && !isIPv4(host)) return fail('invalid IPv4 address');
  }

  let port: number | undefined;
  if (text.charCodeAt(i) === 0x3a) {
    const start = ++i;
    while (i < text.length && i - start < 6 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    port = Number(text.slice(start, i));
    if (i === start || port < 1 || port > 65535) return fail('invalid port');
  }

  const params = new Map<string, string | null>();
  while (text.charCodeAt(i) === 0x3b) {
    let end = i + 1;
    while (end < text.length && text.charCodeAt(end) !== 0x3b && text.charCodeAt(end) !== 0x3f) end++;
    const param = text.slice(i + 1, end);
    const eq = param.indexOf('=');
    const name = unescapeComponent(eq === -1 ? param : param.slice(0, eq), paramChars);
    const value = eq === -1 ? null : unescapeComponent(param.slice(eq + 1), paramChars);
    if (name === undefined || name.length === 0 || value === undefined) return fail('invalid URI parameter');
    const key = name.toLowerCase();
    if (params.has(key)) return fail(`URI parameter "${key.slice(0, 32)}" appears twice`);
    params.set(key, value);
    i = end;
  }

  const headers: [string, string][] = [];
  if (text.charCodeAt(i) === 0x3f) {
    for (const pair of text.slice(i + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) return fail('URI header without "name="');
      const name = unescapeComponent(pair.slice(0, eq), headerChars);
      const value = unescapeComponent(pair.slice(eq + 1), headerChars);
      if (name === undefined || value === undefined) return fail('invalid character or escape in URI header');
      headers.push([name, value]);
    }
    i = text.length;
  }

  if (i !== text.length) return fail(`unexpected character at ${i}`);
  return { ok: true, value: { scheme, user, password, host, port, params, headers } };
}

export function formatSipUri(uri: SipUri): string {
  let out = uri.scheme + ':';
  if (uri.user !== undefined) {
    out += escapeComponent(uri.user, userChars);
    if (uri.password !== undefined) out += ':' + escapeComponent(uri.password, passwordChars);
    out += '@';
  }
  out += formatHost(uri.host);
  if (uri.port !== undefined) out += ':' + String(uri.port);
  for (const [name, value] of uri.params) {
    out += ';' + escapeComponent(name, paramChars);
    if (value !== null) out += '=' + escapeComponent(value, paramChars);
  }
  uri.headers.forEach(([name, value], index) => {
    out +=
      (index === 0 ? '?' : '&') +
      escapeComponent(name, headerChars) +
      '=' +
      escapeComponent(value, headerChars);
  });
  return out;
}
