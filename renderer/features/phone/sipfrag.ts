/** A SIP status line, as a REFER's NOTIFY reports how the referred call is going. */
export interface SipfragStatus {
  status: number;
  reason: string;
}

/**
 * The status line of a message/sipfrag body (RFC 3420 §2), which each NOTIFY of a REFER's
 * implicit subscription carries (RFC 3515 §2.4.5): "SIP/2.0 180 Ringing". Undefined when the
 * body does not start with one.
 */
export function parseSipfrag(body: string): SipfragStatus | undefined {
  const match = /^\s*SIP\/2\.0\s+([1-6]\d\d)(?:[ \t]+([^\r\n]*))?/i.exec(body);
  if (!match) return undefined;
  return { status: Number(match[1]), reason: (match[2] ?? '').trim() };
}
