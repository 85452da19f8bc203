import { type SipHeaders, splitHeaderList } from './sip-message.js';
import { parseCSeq as parseWireCSeq } from './sip-parser.js';

/**
 * The few header fields the transaction layer matches on (RFC 3261 §17.1.3, §17.2.3): the top
 * Via's sent-by and branch, CSeq and Call-ID.
 *
 * Deliberately minimal: a full Via parser (received, rport, maddr, ttl, IPv6 checks) lives in
 * via.ts, written separately. Matching needs only the branch parameter and sent-by, and must not
 * depend on the rest being well formed, so this reads just those and nothing else.
 */

/** What the transaction layer needs of the top Via (§20.42). */
export interface TopVia {
  /** Transport token of sent-protocol, upper case (`UDP`, `TCP`). */
  readonly transport: string;
  /** host[:port], lower case, whitespace removed (§20.42 allows LWS around the colon). */
  readonly sentBy: string;
  /** The branch parameter as received (compared case-sensitively), or undefined. */
  readonly branch: string | undefined;
}

// sent-protocol is `SIP / 2.0 / transport` with optional whitespace around each slash (§25.1 SLASH).
const sentProtocol = /^\s*SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z0-9.!%*_+`'~-]+)\s+([^;]+?)\s*$/i;

/** Parses one Via element (`SIP/2.0/UDP host:port;branch=z9hG4bK…;rport`), or undefined. */
export function parseViaElement(element: string): TopVia | undefined {
  const semicolon = element.indexOf(';');
  const head = semicolon === -1 ? element : element.slice(0, semicolon);
  const match = sentProtocol.exec(head);
  const transport = match?.[1];
  const sentBy = match?.[2]?.replace(/\s+/g, '').toLowerCase();
  if (transport === undefined || sentBy === undefined || sentBy.length === 0) return undefined;
  let branch: string | undefined;
  let start = semicolon;
  while (start !== -1) {
    const end = element.indexOf(';', start + 1);
    const param = element.slice(start + 1, end === -1 ? undefined : end);
    const eq = param.indexOf('=');
    if (eq !== -1 && param.slice(0, eq).trim().toLowerCase() === 'branch') {
      branch = param.slice(eq + 1).trim();
      break;
    }
    start = end;
  }
  return { transport: transport.toUpperCase(), sentBy, branch: branch === '' ? undefined : branch };
}

/** The first element of the first Via header, or undefined when there is none. */
export function topViaElement(headers: SipHeaders): string | undefined {
  const first = headers.get('via');
  return first === undefined ? undefined : splitHeaderList(first)[0];
}

/** The top Via, parsed minimally, or undefined if absent or malformed. */
export function readTopVia(headers: SipHeaders): TopVia | undefined {
  const element = topViaElement(headers);
  return element === undefined ? undefined : parseViaElement(element);
}

/** RFC 3261 §20.16. */
export interface CSeq {
  readonly seq: number;
  /** Case-sensitive, as methods are (§7.1). */
  readonly method: string;
}

/** Parses `4711 INVITE` with the wire parser's rules (number below 2**31, §8.1.1.5). */
export function parseCSeq(value: string): CSeq | undefined {
  const parsed = parseWireCSeq(value);
  return parsed.ok ? parsed.value : undefined;
}

export function readCSeq(headers: SipHeaders): CSeq | undefined {
  const value = headers.get('cseq');
  return value === undefined ? undefined : parseCSeq(value);
}

export function readCallId(headers: SipHeaders): string | undefined {
  const value = headers.get('call-id')?.trim();
  return value === '' ? undefined : value;
}

/**
 * Gives the top Via a branch parameter (§8.1.1.7), keeping any other Via values as they are.
 * Returns false when there is no Via to put it on.
 */
export function setTopViaBranch(headers: SipHeaders, branch: string): boolean {
  const top = headers.shift('via');
  if (top === undefined) return false;
  // Drop an existing (empty or non-cookie) branch rather than send two.
  const rest = top
    .split(';')
    .filter((part, index) => index === 0 || !/^\s*branch\s*(=|$)/i.test(part))
    .join(';');
  headers.prepend('via', `${rest};branch=${branch}`);
  return true;
}
