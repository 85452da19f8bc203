import { describe, expect, it } from 'vitest';
import { parseSipMessage } from './sip-parser.js';
import { SipStreamFramer, type StreamFrame } from './stream-framer.js';

function message(callId: string, body = ''): string {
  return [
    'MESSAGE sip:office@127.0.0.1 SIP/2.0',
    'Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK-' + callId,
    'From: <sip:a@127.0.0.1>;tag=1',
    'To: <sip:office@127.0.0.1>',
    `Call-ID: ${callId}`,
    'CSeq: 1 MESSAGE',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

const texts = (frames: StreamFrame[]): string[] =>
  frames.map((f) => (f.kind === 'message' ? f.data.toString('utf8') : f.kind));

describe('SipStreamFramer', () => {
  it('emits a message that arrives in one chunk', () => {
    const framer = new SipStreamFramer();
    const text = message('one', 'hello');
    expect(texts(framer.push(Buffer.from(text)))).toEqual([text]);
    expect(framer.pendingBytes).toBe(0);
  });

  it('joins a message split at every byte, body included', () => {
    const framer = new SipStreamFramer();
    const text = message('drip', '안녕, world');
    const bytes = Buffer.from(text);
    const frames: StreamFrame[] = [];
    for (let i = 0; i < bytes.length; i++) frames.push(...framer.push(bytes.subarray(i, i + 1)));
    expect(texts(frames)).toEqual([text]);
  });

  it('splits several messages from one chunk, skipping CRLF keep-alives between them', () => {
    const framer = new SipStreamFramer();
    const a = message('a', 'x');
    const b = message('b');
    const c = message('c', 'zz');
    expect(texts(framer.push(Buffer.from(`\r\n\r\n${a}\r\n\r\n${b}\r\n${c}`)))).toEqual([
      'ping',
      a,
      'ping',
      b,
      'pong',
      c,
    ]);
  });

  it('reports a ping and a pong that arrive alone (RFC 5626 §4.4.1)', () => {
    const framer = new SipStreamFramer();
    expect(texts(framer.push(Buffer.from('\r\n\r\n')))).toEqual(['ping']);
    expect(texts(framer.push(Buffer.from('\r\n')))).toEqual(['pong']);
    expect(texts(framer.push(Buffer.from('\r\n\r\n\r\n\r\n')))).toEqual(['ping', 'ping']);
  });

  it('keeps a message whose empty line is split across chunks', () => {
    const framer = new SipStreamFramer();
    const text = message('split', 'body');
    const cut = text.indexOf('\r\n\r\n') + 3;
    expect(framer.push(Buffer.from(text.slice(0, cut)))).toEqual([]);
    expect(texts(framer.push(Buffer.from(text.slice(cut))))).toEqual([text]);
  });

  it('hands the parser exact messages, bare LF included', () => {
    const framer = new SipStreamFramer();
    const lf = message('lf', 'abc').replaceAll('\r\n', '\n');
    const frames = framer.push(Buffer.from(lf + message('next')));
    expect(frames).toHaveLength(2);
    for (const frame of frames) {
      expect(frame.kind).toBe('message');
      if (frame.kind === 'message') expect(parseSipMessage(frame.data).ok).toBe(true);
    }
  });

  it('reads compact and folded Content-Length', () => {
    const framer = new SipStreamFramer();
    const compact = message('c', 'four').replace('Content-Length: 4', 'l:4');
    const folded = message('f', 'five!').replace('Content-Length: 5', 'Content-Length:\r\n 5');
    expect(texts(framer.push(Buffer.from(compact + folded)))).toEqual([compact, folded]);
  });

  it('returns copies that later input does not overwrite', () => {
    const framer = new SipStreamFramer();
    const [first] = framer.push(Buffer.from(message('keep', 'A')));
    framer.push(Buffer.from(message('over', 'B').repeat(50)));
    expect(first?.kind === 'message' && first.data.toString()).toBe(message('keep', 'A'));
  });

  it('fails a message without Content-Length, once, and then ignores the stream', () => {
    const framer = new SipStreamFramer();
    const bad = message('nolen').replace('Content-Length: 0\r\n', '');
    expect(framer.push(Buffer.from(bad))).toEqual([
      { kind: 'error', reason: 'message without Content-Length on a stream (RFC 3261 §18.3)' },
    ]);
    expect(framer.closed).toBe(true);
    expect(framer.push(Buffer.from(message('after')))).toEqual([]);
    expect(framer.pendingBytes).toBe(0);
  });

  it.each([
    ['malformed', 'Content-Length: -5', /malformed Content-Length/],
    ['conflicting', 'Content-Length: 0\r\nl: 10', /conflicting/],
    ['over the body limit', 'Content-Length: 999999', /over 65536/],
  ])('fails a %s Content-Length', (_name, header, reason) => {
    const framer = new SipStreamFramer();
    const frames = framer.push(Buffer.from(message('x').replace('Content-Length: 0', header)));
    expect(frames).toHaveLength(1);
    expect(frames[0]?.kind === 'error' && frames[0].reason).toMatch(reason);
  });

  it('closes on an endless header section instead of buffering it', () => {
    const framer = new SipStreamFramer({ maxHeaderBytes: 4096 });
    const line = Buffer.from('X-Filler: ' + 'y'.repeat(90) + '\r\n');
    let frames: StreamFrame[] = framer.push(Buffer.from('INVITE sip:a@b SIP/2.0\r\n'));
    for (let i = 0; i < 100 && frames.length === 0; i++) frames = framer.push(line);
    expect(frames).toEqual([{ kind: 'error', reason: 'header section over 4096 bytes' }]);
    expect(framer.closed).toBe(true);
  });

  it('closes on a header section over the limit that arrives complete', () => {
    const framer = new SipStreamFramer({ maxHeaderBytes: 200 });
    const frames = framer.push(
      Buffer.from(message('big', 'x'.repeat(10)).replace('CSeq', 'X: ' + 'y'.repeat(300) + '\r\nCSeq')),
    );
    expect(frames[0]).toEqual({ kind: 'error', reason: 'header section over 200 bytes' });
  });

  it('frames a long stream cut at random points', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const sent: string[] = [];
    let stream = '';
    for (let i = 0; i < 300; i++) {
      const text = message(`m${i}`, 'b'.repeat(Math.floor(random() * 3000)));
      sent.push(text);
      stream += (random() < 0.2 ? '\r\n\r\n' : '') + text;
    }
    const bytes = Buffer.from(stream);
    const framer = new SipStreamFramer();
    const received: string[] = [];
    for (let at = 0; at < bytes.length;) {
      const size = 1 + Math.floor(random() * 4000);
      for (const frame of framer.push(bytes.subarray(at, at + size)))
        if (frame.kind === 'message') received.push(frame.data.toString());
        else expect(frame.kind).not.toBe('error');
      at += size;
    }
    expect(received).toEqual(sent);
  });

  it('never throws on random and mutated streams, and stays within its limits', () => {
    let seed = 99;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pieces = ['\r\n', '\n', '\r', 'Content-Length: ', 'l:', '-1', '99999', '0', ':', ' ', 'X'];
    for (let n = 0; n < 500; n++) {
      const framer = new SipStreamFramer({ maxHeaderBytes: 2048, maxBodyBytes: 4096 });
      for (let c = 0; c < 40 && !framer.closed; c++) {
        let text = random() < 0.5 ? message(`f${n}`, 'x'.repeat(Math.floor(random() * 50))) : '';
        for (let k = 0; k < 8; k++) {
          const at = Math.floor(random() * (text.length + 1));
          text = text.slice(0, at) + (pieces[Math.floor(random() * pieces.length)] ?? '') + text.slice(at);
        }
        for (const frame of framer.push(Buffer.from(text, 'latin1')))
          if (frame.kind === 'message') expect(frame.data.length).toBeLessThanOrEqual(2048 + 4096);
        expect(framer.pendingBytes).toBeLessThanOrEqual(2048 + 4096 + text.length);
      }
    }
  });
});
