/**
 * Cuts a SIP byte stream (TCP, TLS) into messages (RFC 3261 §18.3): the header section ends at
 * the first empty line and Content-Length, mandatory on streams, counts the body. CRLFs between
 * messages are the RFC 5626 §4.4.1 keep-alive: CRLFCRLF is a ping, a lone CRLF a pong.
 *
 * A stream that breaks framing cannot be resynchronised, so every error is final: the framer
 * reports it once, drops its buffer and ignores later input, and the transport closes the
 * connection. Header and body sizes are bounded, so a peer cannot make us buffer forever.
 */
import { canonicalHeaderName } from './sip-message.js';

export interface StreamFramerLimits {
  /** Bytes from the start line to the empty line, inclusive. */
  maxHeaderBytes: number;
  maxBodyBytes: number;
}

export const defaultStreamFramerLimits: Readonly<StreamFramerLimits> = {
  maxHeaderBytes: 32 * 1024,
  maxBodyBytes: 64 * 1024,
};

export type StreamFrame =
  /** One whole message, start line to the end of its body; a copy the caller may keep. */
  | { kind: 'message'; data: Buffer }
  /** CRLFCRLF: answer with a CRLF pong. */
  | { kind: 'ping' }
  /** A CRLF that was not part of a ping. */
  | { kind: 'pong' }
  | { kind: 'error'; reason: string };

const CR = 0x0d;
const LF = 0x0a;

export class SipStreamFramer {
  private readonly limits: Readonly<StreamFramerLimits>;
  /** Pending bytes live in buffer[start, end); it grows by doubling so that input costs linear time. */
  private buffer = Buffer.alloc(0);
  private start = 0;
  private end = 0;
  /** Where to resume looking for the empty line, so that a message dripping in is scanned once. */
  private scanFrom = 0;
  /** Body length of the message being read, once its header section is complete. */
  private bodyStart = -1;
  private bodyLength = 0;
  /** LFs seen between messages since the last keep-alive report. */
  private keepAliveLines = 0;
  private failed = false;

  constructor(limits: Partial<StreamFramerLimits> = {}) {
    this.limits = { ...defaultStreamFramerLimits, ...limits };
  }

  /** True once an error was reported: the connection should be closed. */
  get closed(): boolean {
    return this.failed;
  }

  /** Bytes held while waiting for the rest of a message. */
  get pendingBytes(): number {
    return this.end - this.start;
  }

  /** Takes the next chunk and returns what it completed, in stream order. */
  push(chunk: Uint8Array): StreamFrame[] {
    if (this.failed) return [];
    this.append(chunk);
    const frames: StreamFrame[] = [];
    for (;;) {
      const frame = this.next();
      if (frame === undefined) break;
      frames.push(frame);
      if (frame.kind === 'error') {
        this.failed = true;
        this.buffer = Buffer.alloc(0);
        this.start = this.end = 0;
        break;
      }
    }
    if (!this.failed && this.start === this.end) {
      // A CRLF left over at the end of a chunk is a pong: pings are written in one piece.
      if (this.keepAliveLines > 0) frames.push({ kind: 'pong' });
      this.keepAliveLines = 0;
      // Nothing pending: rewind, and let go of a buffer that one large message grew.
      this.start = this.end = this.scanFrom = 0;
      if (this.buffer.length > 64 * 1024) this.buffer = Buffer.alloc(0);
    }
    return frames;
  }

  private append(chunk: Uint8Array): void {
    const length = this.end - this.start;
    if (this.end + chunk.length > this.buffer.length) {
      const needed = length + chunk.length;
      if (needed <= this.buffer.length && this.start > 0) {
        this.buffer.copy(this.buffer, 0, this.start, this.end);
      } else {
        const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2, 4096));
        this.buffer.copy(grown, 0, this.start, this.end);
        this.buffer = grown;
      }
      this.scanFrom -= this.start;
      if (this.bodyStart !== -1) this.bodyStart -= this.start;
      this.start = 0;
      this.end = length;
    }
    this.buffer.set(chunk, this.end);
    this.end += chunk.length;
  }

  private next(): StreamFrame | undefined {
    if (this.bodyStart === -1) {
      // Between messages: consume keep-alive CRLFs.
      while (this.start < this.end) {
        const byte = this.buffer[this.start];
        if (byte !== CR && byte !== LF) break;
        this.start++;
        if (byte === LF && ++this.keepAliveLines === 2) {
          this.keepAliveLines = 0;
          return { kind: 'ping' };
        }
      }
      if (this.start === this.end) {
        this.scanFrom = this.start;
        return undefined;
      }
      if (this.keepAliveLines > 0) {
        this.keepAliveLines = 0;
        return { kind: 'pong' };
      }
      const headerEnd = this.findEmptyLine();
      if (headerEnd === undefined) {
        if (this.end - this.start > this.limits.maxHeaderBytes)
          return { kind: 'error', reason: `header section over ${this.limits.maxHeaderBytes} bytes` };
        return undefined;
      }
      if (headerEnd.bodyStart - this.start > this.limits.maxHeaderBytes)
        return { kind: 'error', reason: `header section over ${this.limits.maxHeaderBytes} bytes` };
      const length = this.contentLength(headerEnd.end);
      if (typeof length === 'string') return { kind: 'error', reason: length };
      if (length > this.limits.maxBodyBytes)
        return { kind: 'error', reason: `body of ${length} bytes over ${this.limits.maxBodyBytes}` };
      this.bodyStart = headerEnd.bodyStart;
      this.bodyLength = length;
    }
    const messageEnd = this.bodyStart + this.bodyLength;
    if (messageEnd > this.end) return undefined;
    const data = Buffer.from(this.buffer.subarray(this.start, messageEnd));
    this.start = this.scanFrom = messageEnd;
    this.bodyStart = -1;
    return { kind: 'message', data };
  }

  /** Finds LF (CR) LF from scanFrom; remembers how far it got. */
  private findEmptyLine(): { end: number; bodyStart: number } | undefined {
    const buffer = this.buffer;
    // Step back so that an empty line split across chunks is still seen whole.
    let pos = Math.max(this.start, this.scanFrom - 2);
    for (;;) {
      const lf = buffer.indexOf(LF, pos);
      if (lf === -1 || lf >= this.end) {
        this.scanFrom = this.end;
        return undefined;
      }
      if (lf + 1 >= this.end || (buffer[lf + 1] === CR && lf + 2 >= this.end)) {
        this.scanFrom = lf;
        return undefined;
      }
      if (buffer[lf + 1] === LF) return { end: lf, bodyStart: lf + 2 };
      if (buffer[lf + 1] === CR && buffer[lf + 2] === LF) return { end: lf, bodyStart: lf + 3 };
      pos = lf + 1;
    }
  }

  /** Content-Length of the header section in [start, end), or why there is none to trust. */
  private contentLength(end: number): number | string {
    // Header names are ASCII; latin1 decodes each byte to one character and cannot fail.
    const lines = this.buffer.toString('latin1', this.start, end).split('\n');
    let found: string | undefined;
    for (let k = 1; k < lines.length; k++) {
      const line = lines[k] ?? '';
      const colon = line.indexOf(':');
      if (colon <= 0 || line.charCodeAt(0) === 0x20 || line.charCodeAt(0) === 0x09) continue;
      if (canonicalHeaderName(line.slice(0, colon)) !== 'content-length') continue;
      let value = line.slice(colon + 1).trim();
      // §7.3.1 folding: continuation lines belong to this value.
      for (let f = k + 1; f < lines.length; f++) {
        const next = lines[f] ?? '';
        if (next.charCodeAt(0) !== 0x20 && next.charCodeAt(0) !== 0x09) break;
        value += ' ' + next.trim();
      }
      value = value.trim();
      if (found !== undefined && found !== value) return 'conflicting Content-Length headers';
      found = value;
    }
    if (found === undefined) return 'message without Content-Length on a stream (RFC 3261 §18.3)';
    if (!/^\d{1,10}$/.test(found)) return 'malformed Content-Length';
    return Number(found);
  }
}
