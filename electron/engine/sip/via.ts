/**
 * One Via element (RFC 3261 §20.42, §25.1 `via-parm`), the server-side stamping of the top Via
 * (§18.2.1 `received`, RFC 3581 `rport`), and where a response goes (§18.2.2, RFC 3581 §4).
 */
import { randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import {
  type HeaderParams,
  formatHeaderParams,
  parseHeaderParams,
  scanToken,
  skipSpace,
} from './header-params.js';
import { BRANCH_MAGIC_COOKIE, type Parsed, type SipHeaders, splitHeaderList } from './sip-message.js';
import { formatHost, hostKind } from './sip-uri.js';

export interface Via {
  /** `SIP/2.0` as written, uppercased. */
  protocol: string;
  /** `UDP`, `TCP`, `TLS`, `WS`, `WSS`, … uppercased (transport names are case-insensitive). */
  transport: string;
  /** sent-by host; IPv6 without brackets. */
  host: string;
  port: number | undefined;
  /** branch, received, rport, maddr, ttl, …; values as written, null for a flag. */
  params: HeaderParams;
}

const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

function isHostChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f
  );
}

/** Parses one via-parm; for a whole header value use {@link parseViaList}. */
export function parseVia(text: string): Parsed<Via> {
  // sent-protocol = protocol-name SLASH protocol-version SLASH transport; SLASH allows LWS around it.
  const parts: string[] = [];
  let i = skipSpace(text, 0);
  for (let n = 0; n < 3; n++) {
    if (n > 0) {
      if (text.charCodeAt(i) !== 0x2f) return fail('malformed sent-protocol');
      i = skipSpace(text, i + 1);
    }
    const end = scanToken(text, i);
    if (end === i) return fail('malformed sent-protocol');
    parts.push(text.slice(i, end).toUpperCase());
    i = skipSpace(text, end);
  }
  const [name, version, transport] = parts as [string, string, string];
  if (text.charCodeAt(i - 1) !== 0x20 && text.charCodeAt(i - 1) !== 0x09)
    return fail('missing space before sent-by');

  let host: string;
  if (text.charCodeAt(i) === 0x5b) {
    const close = text.indexOf(']', i);
    if (close === -1) return fail('unterminated IPv6 reference in sent-by');
    host = text.slice(i + 1, close);
    if (!isIPv6(host)) return fail('invalid IPv6 address in sent-by');
    i = close + 1;
  } else {
    const start = i;
    while (i < text.length && isHostChar(text.charCodeAt(i))) i++;
    host = text.slice(start, i);
    if (host.length === 0) return fail('missing sent-by host');
  }

  let port: number | undefined;
  const afterHost = skipSpace(text, i);
  if (text.charCodeAt(afterHost) === 0x3a) {
    const start = skipSpace(text, afterHost + 1);
    i = start;
    while (i < text.length && i - start < 6 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    port = Number(text.slice(start, i));
    if (i === start || port < 1 || port > 65535) return fail('invalid sent-by port');
  }

  const params = parseHeaderParams(text, i);
  if (!params.ok) return params;
  return { ok: true, value: { protocol: `${name}/${version}`, transport, host, port, params: params.value } };
}

/** Parses a Via header value that may hold several comma-separated elements (§7.3.1). */
export function parseViaList(value: string): Parsed<Via[]> {
  const list: Via[] = [];
  for (const element of splitHeaderList(value)) {
    const via = parseVia(element);
    if (!via.ok) return via;
    list.push(via.value);
  }
  return { ok: true, value: list };
}

export function formatVia(via: Via): string {
  const port = via.port === undefined ? '' : `:${via.port}`;
  return `${via.protocol}/${via.transport} ${formatHost(via.host)}${port}${formatHeaderParams(via.params)}`;
}

/** The first Via element of a message: the one that names this hop (§8.2.6.2, §18.1.2). */
export function topVia(headers: SipHeaders): Parsed<Via> {
  const first = headers.get('via');
  const element = first === undefined ? undefined : splitHeaderList(first)[0];
  if (element === undefined) return fail('no Via header');
  return parseVia(element);
}

export function viaBranch(via: Via): string | undefined {
  return via.params.get('branch') ?? undefined;
}

/** A fresh RFC 3261 branch (§8.1.1.7): magic cookie plus 96 random bits, token characters only. */
export function newBranch(): string {
  return BRANCH_MAGIC_COOKIE + randomBytes(12).toString('base64url');
}

/**
 * Canonical text of an IP address, so that `::1` and `0:0::1` compare equal, and an IPv4-mapped
 * address from a dual-stack socket (`::ffff:192.0.2.1`) is its IPv4 form; other text is lowercased.
 */
export function normalizeAddress(address: string): string {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return bare.toLowerCase();
  let head = bare.toLowerCase();
  let v4: string | undefined;
  const lastColon = head.lastIndexOf(':');
  if (head.includes('.', lastColon)) {
    v4 = head.slice(lastColon + 1);
    head = head.slice(0, lastColon + 1) + '0:0';
  }
  const [left = '', right] = head.split('::');
  const leftGroups = left === '' ? [] : left.split(':');
  const rightGroups = right === undefined || right === '' ? [] : right.split(':');
  const groups = [
    ...leftGroups,
    ...Array<string>(8 - leftGroups.length - rightGroups.length).fill('0'),
    ...rightGroups,
  ].map((g) => Number.parseInt(g, 16));
  if (v4 !== undefined && groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return v4;
  if (v4 !== undefined) {
    const octets = v4.split('.').map(Number);
    groups[6] = ((octets[0] ?? 0) << 8) | (octets[1] ?? 0);
    groups[7] = ((octets[2] ?? 0) << 8) | (octets[3] ?? 0);
  }
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const hi = groups[6] ?? 0;
    const lo = groups[7] ?? 0;
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  // RFC 5952: compress the longest run (of two or more) of zero groups.
  let bestStart = -1;
  let bestLength = 1;
  for (let s = 0; s < 8;) {
    if (groups[s] !== 0) {
      s++;
      continue;
    }
    let e = s;
    while (e < 8 && groups[e] === 0) e++;
    if (e - s > bestLength) {
      bestStart = s;
      bestLength = e - s;
    }
    s = e;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * Stamps the top Via of a received request (§18.2.1, RFC 3581 §4): `received` when the sent-by
 * host is a name or an address other than the packet's source, and always when `rport` came
 * without a value, which is then filled with the source port. Returns a new Via.
 */
export function applyReceived(via: Via, sourceAddress: string, sourcePort: number): Via {
  const source = normalizeAddress(sourceAddress);
  const params: HeaderParams = new Map(via.params);
  const wantsRport = params.has('rport') && params.get('rport') === null;
  if (wantsRport) params.set('rport', String(sourcePort));
  const sentByIsSource = hostKind(via.host) !== 'domain' && normalizeAddress(via.host) === source;
  if (wantsRport || !sentByIsSource) params.set('received', source);
  return { ...via, params };
}

/** Default port of a transport (§19.1.2, RFC 7118 for WS/WSS). */
export function defaultPort(transport: string): number {
  switch (transport.toUpperCase()) {
    case 'TLS':
      return 5061;
    case 'WS':
      return 80;
    case 'WSS':
      return 443;
    default:
      return 5060;
  }
}

/**
 * Where to send a response over an unreliable transport, from the top Via of the request as
 * stamped by {@link applyReceived} (§18.2.2, RFC 3581 §4): maddr first, then received with
 * rport, then sent-by. Connection-oriented transports reuse the request's connection first.
 */
export function responseTarget(via: Via): { host: string; port: number } {
  const sentByPort = via.port ?? defaultPort(via.transport);
  const maddr = via.params.get('maddr');
  if (maddr) return { host: maddr, port: sentByPort };
  const received = via.params.get('received');
  const rport = via.params.get('rport');
  const rportNumber = rport ? Number(rport) : Number.NaN;
  const port =
    Number.isInteger(rportNumber) && rportNumber > 0 && rportNumber < 65536 ? rportNumber : sentByPort;
  if (received) return { host: received, port };
  return { host: via.host, port };
}
