/**
 * Bytes to a SIP message (RFC 3261 §7, §25). The parser checks framing and the headers every
 * transaction needs, and nothing more: header values stay as received for the layers above.
 * It never throws; a request it cannot accept comes back with what could be read of it, so that
 * the transport can still answer 400 (§8.2.2, §18.3) to the right Via.
 */
import { isToken, scanToken, skipSpace } from './header-params.js';
import { type Parsed, type SipMessage, SipHeaders, canonicalHeaderName } from './sip-message.js';

export interface SipParseLimits {
  /** Larger input is refused whole (answer 513, §21.5.14). */
  maxMessageBytes: number;
  /** Longest start line or header (after unfolding), in characters. */
  maxLineLength: number;
  /** Most header fields (lines, after unfolding) in one message. */
  maxHeaders: number;
}

export const defaultParseLimits: Readonly<SipParseLimits> = {
  maxMessageBytes: 128 * 1024,
  maxLineLength: 8 * 1024,
  maxHeaders: 256,
};

/** What could be read of a bad request: enough to build its 400 response (§8.2.6). */
export interface SipParsePartial {
  method: string;
  requestUri: string;
  /** Via, From, To, Call-ID and CSeq, those whose lines were well formed. */
  headers: SipHeaders;
}

export interface SipParseError {
  /** For logs: what was wrong, never the offending bytes themselves. */
  reason: string;
  /** The status to answer a request with: 505 for another SIP version, 513 when too large. */
  status: 400 | 505 | 513;
  /** Present only when the data began with a readable request line. */
  partial?: SipParsePartial;
}

export type ParseResult =
  | { ok: true; message: SipMessage }
  | { ok: false; keepAlive: true }
  | { ok: false; keepAlive: false; error: SipParseError };

const CR = 0x0d;
const LF = 0x0a;

const keepAliveResult: ParseResult = { ok: false, keepAlive: true };

/** Headers a 400 response copies from its request (§8.2.6.2). */
const partialHeaderNames = new Set(['via', 'from', 'to', 'call-id', 'cseq']);
/** §8.1.1 mandatory headers; Max-Forwards is mandatory too but tolerated when missing. */
const requiredHeaders = ['via', 'from', 'to', 'call-id', 'cseq'] as const;
/** Headers that may appear once only: a second Content-Length in particular would let two parsers disagree. */
const singletonHeaders = new Set(['from', 'to', 'call-id', 'cseq', 'content-length', 'max-forwards']);

/**
 * A datagram of nothing but CR and LF: the RFC 5626 §4.4.1 ping (CRLFCRLF) or pong (CRLF), which
 * peers also send over UDP. An empty datagram counts too, as some NAT keep-alives are empty.
 */
export function isKeepAlive(data: Uint8Array): boolean {
  for (const byte of data) if (byte !== CR && byte !== LF) return false;
  return true;
}

/** Parses `CSeq: 1*DIGIT LWS Method` (§20.16); the number must stay below 2**31 (§8.1.1.5). */
export function parseCSeq(value: string): Parsed<{ seq: number; method: string }> {
  let i = skipSpace(value, 0);
  const start = i;
  while (i < value.length && i - start <= 10 && value.charCodeAt(i) >= 0x30 && value.charCodeAt(i) <= 0x39)
    i++;
  const seq = Number(value.slice(start, i));
  if (i === start || seq >= 2 ** 31) return { ok: false, reason: 'CSeq number missing or too large' };
  const methodStart = skipSpace(value, i);
  if (methodStart === i) return { ok: false, reason: 'CSeq without method' };
  const methodEnd = scanToken(value, methodStart);
  if (methodEnd === methodStart || skipSpace(value, methodEnd) !== value.length)
    return { ok: false, reason: 'malformed CSeq method' };
  return { ok: true, value: { seq, method: value.slice(methodStart, methodEnd) } };
}

function isDigits(text: string, maxLength: number): boolean {
  if (text.length === 0 || text.length > maxLength) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

// Control characters other than HTAB have no place in a header section; NUL in particular
// would truncate the text in C-based peers that see what we relay.
// eslint-disable-next-line no-control-regex
const controlChars = /[\x00-\x08\x0a-\x1f\x7f]/;

/** Index of the LF that ends the last header line, and where the body begins. */
function findHeaderEnd(data: Buffer, from: number): { end: number; bodyStart: number } | undefined {
  let pos = from;
  for (;;) {
    const lf = data.indexOf(LF, pos);
    if (lf === -1) return undefined;
    if (data[lf + 1] === LF) return { end: lf, bodyStart: lf + 2 };
    if (data[lf + 1] === CR && data[lf + 2] === LF) return { end: lf, bodyStart: lf + 3 };
    pos = lf + 1;
  }
}

type StartLine =
  | { kind: 'request'; method: string; uri: string; version: string }
  | { kind: 'response'; status: number; reason: string; version: string };

function parseStartLine(line: string): StartLine | string {
  if (line.length >= 4 && line.slice(0, 4).toUpperCase() === 'SIP/') {
    const sp = line.indexOf(' ');
    if (sp === -1) return 'malformed status line';
    const version = line.slice(0, sp);
    const code = line.slice(sp + 1, sp + 4);
    const after = line.charCodeAt(sp + 4);
    if (!isDigits(code, 3) || (sp + 4 < line.length && after !== 0x20)) return 'malformed status code';
    const status = Number(code);
    if (status < 100 || status > 699) return `status code ${status} outside 100-699`;
    return { kind: 'response', status, reason: line.slice(sp + 5).trimEnd(), version };
  }
  const methodEnd = scanToken(line, 0);
  if (methodEnd === 0 || line.charCodeAt(methodEnd) !== 0x20) return 'malformed request line';
  const uriStart = skipSpace(line, methodEnd);
  let uriEnd = uriStart;
  while (uriEnd < line.length && line.charCodeAt(uriEnd) !== 0x20 && line.charCodeAt(uriEnd) !== 0x09)
    uriEnd++;
  const uri = line.slice(uriStart, uriEnd);
  const versionStart = skipSpace(line, uriEnd);
  const version = line.slice(versionStart).trimEnd();
  if (uri.indexOf(':') <= 0 || versionStart === uriEnd || version.length === 0 || version.includes(' '))
    return 'malformed request line';
  return { kind: 'request', method: line.slice(0, methodEnd), uri, version };
}

/** SIP-Version is "SIP" "/" 1*DIGIT "." 1*DIGIT, the literal case-insensitive (§7.1, §25.1). */
function isOtherSipVersion(version: string): boolean {
  const dot = version.indexOf('.');
  return (
    version.slice(0, 4).toUpperCase() === 'SIP/' &&
    dot > 4 &&
    isDigits(version.slice(4, dot), 9) &&
    isDigits(version.slice(dot + 1), 9)
  );
}

/**
 * Parses one message: a whole UDP datagram, or one message cut from a stream by the
 * stream-framer. Bytes after Content-Length are dropped and a missing Content-Length means
 * "to the end of the data" (§18.3); a body shorter than Content-Length is an error.
 */
export function parseSipMessage(
  data: Buffer,
  limits: Readonly<SipParseLimits> = defaultParseLimits,
): ParseResult {
  try {
    return parse(data, limits);
  } catch (error) {
    // Unreachable by design (the fuzz test holds it to that); a transport must never die of a packet.
    return failure(`internal parser error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function failure(
  reason: string,
  status: SipParseError['status'] = 400,
  partial?: SipParsePartial,
): ParseResult {
  return { ok: false, keepAlive: false, error: partial ? { reason, status, partial } : { reason, status } };
}

function parse(data: Buffer, limits: Readonly<SipParseLimits>): ParseResult {
  if (isKeepAlive(data)) return keepAliveResult;
  if (data.length > limits.maxMessageBytes)
    return failure(`message larger than ${limits.maxMessageBytes} bytes`, 513);

  // §7.5: CRLFs before the start line are ignored (stray keep-alives on streams).
  let start = 0;
  while (data[start] === CR || data[start] === LF) start++;
  const headerEnd = findHeaderEnd(data, start);
  const headerText = data.toString('utf8', start, headerEnd === undefined ? data.length : headerEnd.end);
  const lines = headerText.split('\n');

  const firstLine = stripCR(lines[0] ?? '');
  if (firstLine.length > limits.maxLineLength) return failure('start line too long');
  if (controlChars.test(firstLine)) return failure('control character in start line');
  const startLine = parseStartLine(firstLine);
  if (typeof startLine === 'string') return failure(startLine);

  const headers = new SipHeaders();
  const partialHeaders = new SipHeaders();
  const counts = new Map<string, number>();
  let firstError: string | undefined;
  let headerCount = 0;
  let current: { name: string; value: string } | undefined;
  let skipping = false;

  const flush = (): void => {
    if (current === undefined) return;
    if (current.value.length > limits.maxLineLength) {
      firstError ??= `header ${current.name} too long`;
    } else {
      headers.append(current.name, current.value);
      if (partialHeaderNames.has(current.name)) partialHeaders.append(current.name, current.value);
      if (singletonHeaders.has(current.name)) counts.set(current.name, (counts.get(current.name) ?? 0) + 1);
    }
    current = undefined;
  };

  for (let k = 1; k < lines.length; k++) {
    const line = stripCR(lines[k] ?? '');
    const folded = line.charCodeAt(0) === 0x20 || line.charCodeAt(0) === 0x09;
    if (line.length > limits.maxLineLength || controlChars.test(line)) {
      firstError ??=
        line.length > limits.maxLineLength ? 'header line too long' : 'control character in header';
      // A bad continuation spoils its header; a bad new line leaves the previous one whole.
      if (folded) current = undefined;
      else flush();
      skipping = true;
      continue;
    }
    if (folded) {
      // §7.3.1: a line starting with whitespace continues the previous header.
      if (current !== undefined) current.value += ' ' + line.trim();
      else if (!skipping) firstError ??= 'continuation line without a header';
      continue;
    }
    flush();
    skipping = false;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trimEnd() : '';
    if (!isToken(name)) {
      firstError ??= 'malformed header line';
      skipping = true;
      continue;
    }
    if (++headerCount > limits.maxHeaders) {
      firstError ??= `more than ${limits.maxHeaders} headers`;
      break;
    }
    current = { name: canonicalHeaderName(name), value: line.slice(colon + 1).trim() };
  }
  flush();

  const request = startLine.kind === 'request';
  const partial = (): SipParsePartial | undefined =>
    startLine.kind === 'request'
      ? { method: startLine.method, requestUri: startLine.uri, headers: partialHeaders }
      : undefined;

  if (startLine.version.toUpperCase() !== 'SIP/2.0') {
    if (request && isOtherSipVersion(startLine.version))
      return failure(`unsupported SIP version ${startLine.version.slice(0, 16)}`, 505, partial());
    return failure('malformed SIP version', 400, partial());
  }
  if (firstError !== undefined) return failure(firstError, 400, partial());
  if (headerEnd === undefined) return failure('no empty line after the headers', 400, partial());

  for (const name of requiredHeaders) {
    const value = headers.get(name);
    if (value === undefined || value.length === 0) return failure(`missing ${name} header`, 400, partial());
  }
  for (const [name, count] of counts)
    if (count > 1) return failure(`${name} header appears ${count} times`, 400, partial());

  const cseq = parseCSeq(headers.get('cseq') ?? '');
  if (!cseq.ok) return failure(cseq.reason, 400, partial());
  if (startLine.kind === 'request' && cseq.value.method !== startLine.method)
    return failure('CSeq method does not match the request method', 400, partial());

  const maxForwards = headers.get('max-forwards');
  if (maxForwards !== undefined && !isDigits(maxForwards, 3))
    return failure('malformed Max-Forwards', 400, partial());

  const available = data.length - headerEnd.bodyStart;
  let bodyLength = available;
  const contentLength = headers.get('content-length');
  if (contentLength !== undefined) {
    if (!isDigits(contentLength, 10)) return failure('malformed Content-Length', 400, partial());
    bodyLength = Number(contentLength);
    if (bodyLength > available) return failure('body shorter than Content-Length', 400, partial());
  }
  const body =
    bodyLength === 0 ? '' : data.toString('utf8', headerEnd.bodyStart, headerEnd.bodyStart + bodyLength);

  const message: SipMessage =
    startLine.kind === 'request'
      ? { kind: 'request', method: startLine.method, uri: startLine.uri, headers, body }
      : { kind: 'response', status: startLine.status, reason: startLine.reason, headers, body };
  return { ok: true, message };
}

function stripCR(line: string): string {
  return line.charCodeAt(line.length - 1) === CR ? line.slice(0, -1) : line;
}
