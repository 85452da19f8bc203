/**
 * The SIP message model (RFC 3261 §7). Header names are kept in their lowercase long form
 * (compact forms are expanded by the parser, §7.3.3); values are kept as received, so that a
 * proxy-facing header (Via, Record-Route, Route) is never reformatted on its way back.
 */

/** RFC 3261 §7.3.3 compact forms, and the few the extensions we use define. */
export const compactHeaderNames: Readonly<Record<string, string>> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  e: 'content-encoding',
  k: 'supported',
  s: 'subject',
  o: 'event', // RFC 6665
  u: 'allow-events', // RFC 6665
  r: 'refer-to', // RFC 3515
  b: 'referred-by', // RFC 3892
  x: 'session-expires', // RFC 4028
};

/** Lowercase long form of a header name. */
export function canonicalHeaderName(name: string): string {
  const lower = name.trim().toLowerCase();
  return compactHeaderNames[lower] ?? lower;
}

/** The way each header is written on the wire (RFC 3261 §20 capitalisation). */
const wireNames: Readonly<Record<string, string>> = {
  'call-id': 'Call-ID',
  cseq: 'CSeq',
  'www-authenticate': 'WWW-Authenticate',
  'content-id': 'Content-ID',
  'mime-version': 'MIME-Version',
  rack: 'RAck',
  rseq: 'RSeq',
};

export function wireHeaderName(canonical: string): string {
  return (
    wireNames[canonical] ??
    canonical.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())
  );
}

/**
 * Headers in order of arrival. Multiple header lines of one name stay separate entries; a
 * comma-separated line (allowed for list headers, §7.3.1) stays one entry: use
 * {@link splitHeaderList} where the elements matter (Via, Route, Record-Route, Contact).
 */
export class SipHeaders {
  private readonly entries: [name: string, value: string][] = [];

  static from(pairs: Iterable<readonly [string, string]>): SipHeaders {
    const headers = new SipHeaders();
    for (const [name, value] of pairs) headers.append(name, value);
    return headers;
  }

  /** First value of the header, or undefined. */
  get(name: string): string | undefined {
    const key = canonicalHeaderName(name);
    return this.entries.find(([n]) => n === key)?.[1];
  }

  /** Every value of the header, one per element (comma-separated lists split). */
  getAll(name: string): string[] {
    const key = canonicalHeaderName(name);
    return this.entries.filter(([n]) => n === key).flatMap(([, v]) => splitHeaderList(v));
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Replaces every value of the header with one. */
  set(name: string, value: string): this {
    const key = canonicalHeaderName(name);
    const index = this.entries.findIndex(([n]) => n === key);
    this.remove(key);
    if (index === -1) this.entries.push([key, value]);
    else this.entries.splice(index, 0, [key, value]);
    return this;
  }

  append(name: string, value: string): this {
    this.entries.push([canonicalHeaderName(name), value]);
    return this;
  }

  /** Adds before the other values of the same header (a new top Via, §8.1.1.7). */
  prepend(name: string, value: string): this {
    const key = canonicalHeaderName(name);
    const index = this.entries.findIndex(([n]) => n === key);
    this.entries.splice(index === -1 ? this.entries.length : index, 0, [key, value]);
    return this;
  }

  remove(name: string): this {
    const key = canonicalHeaderName(name);
    for (let i = this.entries.length - 1; i >= 0; i--)
      if (this.entries[i]?.[0] === key) this.entries.splice(i, 1);
    return this;
  }

  /** Removes the first element of a list header (the top Via of a response, §18.1.2). */
  shift(name: string): string | undefined {
    const key = canonicalHeaderName(name);
    const index = this.entries.findIndex(([n]) => n === key);
    const entry = this.entries[index];
    if (!entry) return undefined;
    const [first, ...rest] = splitHeaderList(entry[1]);
    if (rest.length === 0) this.entries.splice(index, 1);
    else entry[1] = rest.join(', ');
    return first;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries.map(([n, v]): [string, string] => [n, v])[Symbol.iterator]();
  }

  clone(): SipHeaders {
    return SipHeaders.from(this.entries);
  }
}

/**
 * Splits a list header on commas that are not inside quotes or angle brackets
 * (`<sip:a;x=1,2>` and `"Doe, John" <sip:j@x>` each stay one element).
 */
export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let depthAngle = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '<') depthAngle++;
    else if (ch === '>') depthAngle = Math.max(0, depthAngle - 1);
    else if (ch === ',' && depthAngle === 0) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}

export interface SipRequest {
  readonly kind: 'request';
  method: string;
  /** The Request-URI as written (parse with sip-uri when needed). */
  uri: string;
  headers: SipHeaders;
  /** Decoded as UTF-8; Content-Length counts its bytes. */
  body: string;
}

export interface SipResponse {
  readonly kind: 'response';
  status: number;
  reason: string;
  headers: SipHeaders;
  body: string;
}

export type SipMessage = SipRequest | SipResponse;

/** Where a message came from or goes to, as the transport sees it. */
export interface SipEndpoint {
  transport: 'udp' | 'tcp';
  address: string;
  port: number;
}

/** RFC 3261 §8.1.1.7: branches of RFC 3261 transactions start with this cookie. */
export const BRANCH_MAGIC_COOKIE = 'z9hG4bK';

/**
 * Outcome of parsing text that came off the wire. Parsers of peer input return this instead of
 * throwing: a bad header is an everyday event, and the engine must keep every other call running.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
