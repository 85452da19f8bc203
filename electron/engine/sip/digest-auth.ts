/**
 * The client side of HTTP Digest as SIP uses it (RFC 3261 §22.4, RFC 2617, RFC 7616, RFC 8760):
 * reading WWW-Authenticate / Proxy-Authenticate challenges, computing the Authorization /
 * Proxy-Authorization answer, and a session that keeps answering later requests with the same
 * nonce and an incrementing nonce count until the server challenges again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { quote, scanQuotedString, scanToken, skipSpace, unquote } from './header-params.js';
import type { Parsed, SipRequest, SipResponse } from './sip-message.js';

export type DigestAlgorithm =
  'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess' | 'SHA-512-256' | 'SHA-512-256-sess';

/** node:crypto names of the RFC 7616 §6.1 / RFC 8760 §2.2 hash algorithms. */
const hashNames: Readonly<Record<string, { name: DigestAlgorithm; hash: string }>> = {
  md5: { name: 'MD5', hash: 'md5' },
  'md5-sess': { name: 'MD5-sess', hash: 'md5' },
  'sha-256': { name: 'SHA-256', hash: 'sha256' },
  'sha-256-sess': { name: 'SHA-256-sess', hash: 'sha256' },
  'sha-512-256': { name: 'SHA-512-256', hash: 'sha512-256' },
  'sha-512-256-sess': { name: 'SHA-512-256-sess', hash: 'sha512-256' },
};

/** One challenge of any scheme, as read from an authenticate header (RFC 7235 §2.1). */
export interface AuthChallenge {
  /** Lowercased scheme name (`digest`, `basic`, …). */
  scheme: string;
  /** auth-params by lowercase name, values unquoted. */
  params: Map<string, string>;
}

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | undefined;
  algorithm: DigestAlgorithm;
  /** Offered qop values, lowercased; empty for an RFC 2069 challenge without qop. */
  qop: string[];
  /** RFC 7616 §3.3: the nonce expired but the credentials were right; retry without asking the user. */
  stale: boolean;
}

export interface DigestCredentials {
  username: string;
  password: string;
}

/** What the response hash covers: the request's method and Request-URI, and its body for auth-int. */
export interface DigestTarget {
  method: string;
  uri: string;
  body?: string;
}

const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/**
 * Parses an authenticate header value into its challenges. A value may hold several
 * (`Digest a=1, Digest b=2`): after a comma, a token followed by space and another token
 * (rather than `=`) starts the next one. Token68 forms (Basic, Bearer) are not needed by SIP
 * and make the value unparseable.
 */
export function parseAuthChallenges(value: string): Parsed<AuthChallenge[]> {
  const challenges: AuthChallenge[] = [];
  let current: AuthChallenge | undefined;
  let i = 0;
  for (;;) {
    i = skipSpace(value, i);
    while (value.charCodeAt(i) === 0x2c) i = skipSpace(value, i + 1);
    if (i >= value.length) break;
    const nameEnd = scanToken(value, i);
    if (nameEnd === i) return fail(`unexpected character at ${i}`);
    const name = value.slice(i, nameEnd);
    const afterName = skipSpace(value, nameEnd);
    if (value.charCodeAt(afterName) !== 0x3d) {
      // A new scheme: it must be followed by space (or end) and then its first parameter.
      if (afterName === nameEnd && afterName < value.length) return fail(`malformed challenge at ${i}`);
      current = { scheme: name.toLowerCase(), params: new Map() };
      challenges.push(current);
      i = afterName;
      continue;
    }
    if (current === undefined) return fail('auth-param before any scheme');
    i = skipSpace(value, afterName + 1);
    let paramValue: string;
    if (value.charCodeAt(i) === 0x22) {
      const end = scanQuotedString(value, i);
      if (end === -1) return fail(`unterminated quoted value of "${name.slice(0, 32)}"`);
      paramValue = unquote(value.slice(i, end));
      i = end;
    } else {
      const end = scanToken(value, i);
      if (end === i) return fail(`empty value of "${name.slice(0, 32)}"`);
      paramValue = value.slice(i, end);
      i = end;
    }
    const key = name.toLowerCase();
    if (current.params.has(key)) return fail(`auth-param "${key.slice(0, 32)}" appears twice`);
    current.params.set(key, paramValue);
    i = skipSpace(value, i);
    if (i < value.length && value.charCodeAt(i) !== 0x2c) return fail(`expected "," at ${i}`);
  }
  if (challenges.length === 0) return fail('no challenge');
  return { ok: true, value: challenges };
}

/** Reads a Digest challenge we can answer: known algorithm, and qop `auth`, `auth-int` or none. */
export function toDigestChallenge(challenge: AuthChallenge): Parsed<DigestChallenge> {
  if (challenge.scheme !== 'digest') return fail(`scheme "${challenge.scheme.slice(0, 32)}" is not Digest`);
  const realm = challenge.params.get('realm');
  const nonce = challenge.params.get('nonce');
  if (realm === undefined) return fail('Digest challenge without realm');
  if (nonce === undefined || nonce.length === 0) return fail('Digest challenge without nonce');
  const algorithmText = challenge.params.get('algorithm') ?? 'MD5';
  const algorithm = hashNames[algorithmText.toLowerCase()];
  if (algorithm === undefined) return fail(`unsupported Digest algorithm "${algorithmText.slice(0, 32)}"`);
  const qopText = challenge.params.get('qop');
  const qop =
    qopText === undefined
      ? []
      : qopText
          .split(',')
          .map((q) => q.trim().toLowerCase())
          .filter((q) => q.length > 0);
  if (qopText !== undefined && !qop.includes('auth') && !qop.includes('auth-int'))
    return fail(`no supported qop in "${qopText.slice(0, 32)}"`);
  return {
    ok: true,
    value: {
      realm,
      nonce,
      opaque: challenge.params.get('opaque'),
      algorithm: algorithm.name,
      qop,
      stale: challenge.params.get('stale')?.toLowerCase() === 'true',
    },
  };
}

/** The first Digest challenge in a header value that {@link toDigestChallenge} accepts. */
export function parseDigestChallenge(value: string): Parsed<DigestChallenge> {
  const parsed = parseAuthChallenges(value);
  if (!parsed.ok) return parsed;
  let reason = 'no Digest challenge';
  for (const challenge of parsed.value) {
    const digest = toDigestChallenge(challenge);
    if (digest.ok) return digest;
    reason = digest.reason;
  }
  return fail(reason);
}

function hashOf(algorithm: DigestAlgorithm): string {
  return hashNames[algorithm.toLowerCase()]?.hash ?? 'md5';
}

function h(hash: string, text: string): string {
  return createHash(hash).update(text, 'utf8').digest('hex');
}

/** The nonce count as the 8 hex digits of RFC 2617 §3.2.2. */
export function formatNonceCount(nc: number): string {
  return nc.toString(16).padStart(8, '0');
}

export interface DigestAnswerOptions {
  /** Client nonce; required when the challenge offers qop. */
  cnonce: string;
  /** Nonce count, 1 for the first use of this nonce. */
  nc: number;
}

/** The qop to answer with: `auth` when offered (it does not hash the body), else `auth-int`. */
export function chooseQop(challenge: DigestChallenge): 'auth' | 'auth-int' | undefined {
  if (challenge.qop.includes('auth')) return 'auth';
  if (challenge.qop.includes('auth-int')) return 'auth-int';
  return undefined;
}

/** The `response` value (RFC 7616 §3.4.1, RFC 2617 §3.2.2.1; RFC 2069 form without qop). */
export function computeDigestResponse(
  challenge: DigestChallenge,
  credentials: DigestCredentials,
  target: DigestTarget,
  options: DigestAnswerOptions,
): string {
  const hash = hashOf(challenge.algorithm);
  const qop = chooseQop(challenge);
  let ha1 = h(hash, `${credentials.username}:${challenge.realm}:${credentials.password}`);
  if (challenge.algorithm.endsWith('-sess')) ha1 = h(hash, `${ha1}:${challenge.nonce}:${options.cnonce}`);
  const ha2 =
    qop === 'auth-int'
      ? h(hash, `${target.method}:${target.uri}:${h(hash, target.body ?? '')}`)
      : h(hash, `${target.method}:${target.uri}`);
  if (qop === undefined) return h(hash, `${ha1}:${challenge.nonce}:${ha2}`);
  return h(hash, `${ha1}:${challenge.nonce}:${formatNonceCount(options.nc)}:${options.cnonce}:${qop}:${ha2}`);
}

/** The Authorization / Proxy-Authorization header value answering a challenge. */
export function buildAuthorization(
  challenge: DigestChallenge,
  credentials: DigestCredentials,
  target: DigestTarget,
  options: DigestAnswerOptions,
): string {
  const qop = chooseQop(challenge);
  const response = computeDigestResponse(challenge, credentials, target, options);
  const parts = [
    `Digest username=${quote(credentials.username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(target.uri)}`,
    `response="${response}"`,
    `algorithm=${challenge.algorithm}`,
  ];
  if (qop !== undefined)
    parts.push(`cnonce=${quote(options.cnonce)}`, `qop=${qop}`, `nc=${formatNonceCount(options.nc)}`);
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  return parts.join(', ');
}

export interface AuthorizationHeader {
  name: 'authorization' | 'proxy-authorization';
  value: string;
}

export type ChallengeOutcome =
  | { ok: true; stale: boolean }
  /** Do not resend: the credentials were refused, or no challenge can be answered. */
  | { ok: false; reason: string };

interface NonceState {
  header: AuthorizationHeader['name'];
  challenge: DigestChallenge;
  cnonce: string;
  /** Uses of this nonce so far. */
  nc: number;
}

export interface DigestSessionOptions {
  /** Client nonces; random 128 bits by default (tests pin it). */
  newCnonce?: () => string;
}

/**
 * Digest state for one account towards one server. After a 401/407 it answers every request,
 * reusing the nonce with nc+1 (RFC 7616 §3.4, saving a challenge round trip per REGISTER
 * refresh or INVITE), until the server challenges again. A challenge carrying the nonce we
 * already answered, without stale=true, means the password is wrong: it is refused so that a
 * transaction user cannot loop. Callers still allow only one resend per request, since some
 * servers answer a wrong password with a fresh nonce.
 */
export class DigestSession {
  private readonly states = new Map<string, NonceState>();
  private readonly newCnonce: () => string;

  constructor(
    private readonly credentials: DigestCredentials,
    options: DigestSessionOptions = {},
  ) {
    this.newCnonce = options.newCnonce ?? (() => randomBytes(16).toString('hex'));
  }

  /**
   * Learns the challenges of a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate) response: per
   * realm, the topmost one we support (RFC 8760 §2.4 lists them in the server's preference).
   */
  handleChallenge(response: SipResponse): ChallengeOutcome {
    const source =
      response.status === 401
        ? 'www-authenticate'
        : response.status === 407
          ? 'proxy-authenticate'
          : undefined;
    if (source === undefined) return { ok: false, reason: `status ${response.status} is not a challenge` };
    const header = source === 'www-authenticate' ? 'authorization' : 'proxy-authorization';

    const chosen = new Map<string, DigestChallenge>();
    let reason = `no ${source} header`;
    // Entries, not getAll(): a challenge's own commas must not split it.
    for (const [name, value] of response.headers) {
      if (name !== source) continue;
      const parsed = parseAuthChallenges(value);
      if (!parsed.ok) {
        reason = parsed.reason;
        continue;
      }
      for (const candidate of parsed.value) {
        const digest = toDigestChallenge(candidate);
        if (!digest.ok) reason = digest.reason;
        else if (!chosen.has(digest.value.realm)) chosen.set(digest.value.realm, digest.value);
      }
    }
    if (chosen.size === 0) return { ok: false, reason };

    let stale = false;
    for (const [realm, challenge] of chosen) {
      const key = `${header} ${realm}`;
      const previous = this.states.get(key);
      if (
        previous !== undefined &&
        previous.nc > 0 &&
        previous.challenge.nonce === challenge.nonce &&
        !challenge.stale
      ) {
        this.states.delete(key);
        return { ok: false, reason: `credentials for realm "${realm.slice(0, 64)}" were refused` };
      }
      stale ||= challenge.stale;
      this.states.set(key, { header, challenge, cnonce: this.newCnonce(), nc: 0 });
    }
    return { ok: true, stale };
  }

  /** Authorization headers for a request, one per known realm; empty before any challenge. */
  authorize(target: DigestTarget): AuthorizationHeader[] {
    const headers: AuthorizationHeader[] = [];
    for (const state of this.states.values()) {
      if (state.nc >= 0xffffffff) {
        state.nc = 0;
        state.cnonce = this.newCnonce();
      }
      state.nc++;
      headers.push({
        name: state.header,
        value: buildAuthorization(state.challenge, this.credentials, target, {
          cnonce: state.cnonce,
          nc: state.nc,
        }),
      });
    }
    return headers;
  }

  /** Replaces the request's credentials with fresh ones (a resent request gets a new nc). */
  applyTo(request: SipRequest): void {
    request.headers.remove('authorization').remove('proxy-authorization');
    for (const { name, value } of this.authorize({
      method: request.method,
      uri: request.uri,
      body: request.body,
    }))
      request.headers.append(name, value);
  }

  /** Forgets every nonce (after a password change, or on unregistering). */
  reset(): void {
    this.states.clear();
  }
}
