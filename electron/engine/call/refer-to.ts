import { phoneNumberSchema, sipUserSchema } from '../../../shared/domain/line.js';
import { parseHeaderParams } from '../sip/header-params.js';
import { parseNameAddr } from '../sip/name-addr.js';
import { formatSipUri, parseSipUri } from '../sip/sip-uri.js';

/** The dialog an attended transfer's target is to replace (RFC 3891 §6.1). */
export interface ReplacesTarget {
  callId: string;
  toTag: string;
  fromTag: string;
  /** `early-only`: replace the dialog only while it is still ringing. */
  earlyOnly: boolean;
}

/**
 * Where an agent's REFER asks the call to go: always a user at the office's PBX, never another
 * host (toll fraud: the engine must not relay calls to arbitrary SIP servers).
 */
export interface ReferTarget {
  /** The Request-URI to dial through the line's proxy: sip:user@registrar. */
  uri: string;
  /** An extension or a number. */
  user: string;
  /** Present for an attended transfer (RFC 3891 via a Refer-To URI header, RFC 3515 §2.1). */
  replaces: ReplacesTarget | undefined;
}

/** Why a REFER is refused: the status to answer it with and a reason phrase for people. */
export interface ReferRefusal {
  status: 400 | 403 | 416;
  reason: string;
}

export type ReferToResult = { ok: true; value: ReferTarget } | { ok: false; refusal: ReferRefusal };

const refuse = (status: ReferRefusal['status'], reason: string): ReferToResult => ({
  ok: false,
  refusal: { status, reason },
});

/**
 * Reads the Refer-To of a REFER (RFC 3515 §2.1) sent by an agent's phone on its leg.
 *
 * - Exactly one Refer-To (§2.4.1: a REFER with none, or several, is answered 400).
 * - A `tel:` URI (RFC 3966) or a sip:/sips: URI whose user is an extension or a number
 *   (the same syntax the office's settings accept for numbers and SIP users).
 * - Blind transfer: the host must be the line's registrar (403 otherwise).
 * - Attended transfer: a `Replaces` URI header (RFC 3891 §5, escaped in the URI) names the
 *   consultation dialog. Phones put the consulted phone's Contact in Refer-To, so any host is
 *   accepted there, but the INVITE still goes to the user at the registrar: the PBX routes it
 *   to that phone, and nothing is relayed to a host the office does not run.
 * Any other URI header (an `Accept-Contact`, a `Priority`) is ignored; `method` other than
 * INVITE is refused (416), as is anything unparsable (400).
 */
export function parseReferTo(values: readonly string[], registrar: string): ReferToResult {
  if (values.length === 0) return refuse(400, 'Bad Request (no Refer-To)');
  if (values.length > 1) return refuse(400, 'Bad Request (more than one Refer-To)');
  const address = parseNameAddr(values[0]!);
  if (!address.ok) return refuse(400, `Bad Request (Refer-To: ${address.reason})`);
  const written = address.value.uri;
  const registrarHost = splitRegistrar(registrar);

  if (/^tel:/i.test(written)) {
    // RFC 3966 §5.1.1: visual separators carry no meaning; parameters (;phone-context) dropped.
    const number = written
      .slice(4)
      .split(';')[0]!
      .replace(/[-.()]/g, '');
    if (!phoneNumberSchema.safeParse(number).success) return refuse(400, 'Bad Request (not a phone number)');
    return { ok: true, value: { uri: `sip:${number}@${registrar}`, user: number, replaces: undefined } };
  }

  const uri = parseSipUri(written);
  if (!uri.ok) return refuse(400, `Bad Request (Refer-To: ${uri.reason})`);
  const { user, host, port, headers, params } = uri.value;
  if (user === undefined) return refuse(400, 'Bad Request (Refer-To names no extension or number)');
  const number = user.replace(/[-.()]/g, '');
  const isNumber = params.get('user') === 'phone' && phoneNumberSchema.safeParse(number).success;
  if (!isNumber && !sipUserSchema.safeParse(user).success)
    return refuse(400, 'Bad Request (not an extension or a number)');
  const target = isNumber ? number : user;

  const method = params.get('method');
  if (method !== undefined && method?.toUpperCase() !== 'INVITE')
    return refuse(416, 'Unsupported URI Scheme (only INVITE may be referred)');

  let replaces: ReplacesTarget | undefined;
  const replacesHeaders = headers.filter(([name]) => name.toLowerCase() === 'replaces');
  if (replacesHeaders.length > 1) return refuse(400, 'Bad Request (more than one Replaces)');
  if (replacesHeaders[0]) {
    const parsed = parseReplaces(replacesHeaders[0][1]);
    if (!parsed) return refuse(400, 'Bad Request (malformed Replaces in Refer-To)');
    replaces = parsed;
  }
  const ours = host.toLowerCase() === registrarHost.host && (port ?? 5060) === registrarHost.port;
  if (!ours && !replaces) return refuse(403, 'Forbidden (transfers go to extensions or numbers of this PBX)');

  return {
    ok: true,
    value: {
      uri: formatSipUri({
        scheme: uri.value.scheme,
        user: target,
        password: undefined,
        host: registrarHost.hostAsWritten,
        port: registrarHost.writtenPort,
        params: new Map(),
        headers: [],
      }),
      user: target,
      replaces,
    },
  };
}

/**
 * The Replaces header value (RFC 3891 §6.1): `callid;to-tag=…;from-tag=…[;early-only]`, both
 * tags required. Undefined when malformed.
 */
export function parseReplaces(value: string): ReplacesTarget | undefined {
  const semi = value.indexOf(';');
  const callId = (semi < 0 ? value : value.slice(0, semi)).trim();
  if (semi < 0 || callId === '' || /\s/.test(callId)) return undefined;
  const params = parseHeaderParams(value, semi);
  if (!params.ok) return undefined;
  const toTag = params.value.get('to-tag');
  const fromTag = params.value.get('from-tag');
  if (!toTag || !fromTag) return undefined;
  return { callId, toTag, fromTag, earlyOnly: params.value.has('early-only') };
}

/** The Replaces header value for an INVITE (RFC 3891 §6.1). */
export function formatReplaces(target: ReplacesTarget): string {
  return `${target.callId};to-tag=${target.toTag};from-tag=${target.fromTag}${target.earlyOnly ? ';early-only' : ''}`;
}

function splitRegistrar(registrar: string): {
  host: string;
  hostAsWritten: string;
  port: number;
  writtenPort: number | undefined;
} {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(registrar.trim());
  const hostAsWritten = match?.[1] ?? registrar;
  const writtenPort = match?.[2] === undefined ? undefined : Number(match[2]);
  return {
    host: hostAsWritten.replace(/^\[|\]$/g, '').toLowerCase(),
    hostAsWritten: hostAsWritten.replace(/^\[|\]$/g, ''),
    port: writtenPort ?? 5060,
    writtenPort,
  };
}
