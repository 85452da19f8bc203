/**
 * A SIP message to bytes (RFC 3261 §7): CRLF line ends, wire header names, and a Content-Length
 * always computed from the UTF-8 body, whatever the message carried (§18.3 makes it mandatory
 * on streams, and a stale value would desynchronise the peer's framing).
 */
import { type SipMessage, compactHeaderNames, wireHeaderName } from './sip-message.js';

export interface SerializeOptions {
  /**
   * Write compact header names (`v`, `f`, `i`, …) where they exist. §18.1.1 suggests it to keep a
   * UDP request under the path MTU before switching to TCP.
   */
  compact?: boolean;
}

const compactOf: ReadonlyMap<string, string> = new Map(
  Object.entries(compactHeaderNames).map(([short, long]) => [long, short]),
);

/**
 * CR or LF in a value would start a new header line: a value copied from one peer (a display
 * name, a reason phrase) must not inject headers into a message to another.
 */
function singleLine(text: string): string {
  return text.includes('\r') || text.includes('\n') ? text.replace(/[\r\n]+/g, ' ') : text;
}

export function serializeSipMessage(message: SipMessage, options: SerializeOptions = {}): Buffer {
  let text =
    message.kind === 'request'
      ? `${singleLine(message.method)} ${singleLine(message.uri)} SIP/2.0\r\n`
      : `SIP/2.0 ${message.status} ${singleLine(message.reason)}\r\n`;
  const contentLength = String(Buffer.byteLength(message.body, 'utf8'));
  let wroteLength = false;
  for (const [name, value] of message.headers) {
    const wireName = (options.compact === true ? compactOf.get(name) : undefined) ?? wireHeaderName(name);
    if (name === 'content-length') {
      // Kept in its original position, once: a second Content-Length would be a framing error.
      if (!wroteLength) text += `${wireName}: ${contentLength}\r\n`;
      wroteLength = true;
    } else {
      text += `${wireName}: ${singleLine(value)}\r\n`;
    }
  }
  if (!wroteLength) text += `${options.compact === true ? 'l' : 'Content-Length'}: ${contentLength}\r\n`;
  return Buffer.from(text + '\r\n' + message.body, 'utf8');
}
