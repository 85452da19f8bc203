import { describe, expect, it } from 'vitest';
import { answerOffer, createOffer, readAnswer, SdpNegotiationError } from './sdp-offer-answer.js';

const local = { address: '127.0.0.1', port: 40000, sessionId: 1234, sessionVersion: 1 };

const offer = (m: string, extra = '', c = 'c=IN IP4 192.0.2.10\r\n'): string =>
  `v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\n${c}t=0 0\r\n${m}${extra}`;

describe('SDP offer/answer (RFC 3264)', () => {
  it('takes the first G.711 codec the caller lists, and telephone-event, answering at our address', () => {
    const { answerSdp, negotiated } = answerOffer(
      offer(
        'm=audio 5004 RTP/AVP 18 8 0 101\r\n',
        'a=rtpmap:18 G729/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:30\r\n',
      ),
      local,
    );
    expect(negotiated).toEqual({
      codec: 'PCMA',
      payloadType: 8,
      telephoneEventPayloadType: 101,
      remoteAddress: '192.0.2.10',
      remotePort: 5004,
      direction: 'sendrecv',
      onHold: false,
      ptimeMs: 30,
    });
    expect(answerSdp).toContain('m=audio 40000 RTP/AVP 8 101');
    expect(answerSdp).toContain('c=IN IP4 127.0.0.1');
    expect(answerSdp).toContain('a=rtpmap:101 telephone-event/8000');
    expect(answerSdp).not.toContain('G729');
  });

  it('accepts static payload types without rtpmap, and no telephone-event', () => {
    const { negotiated } = answerOffer(offer('m=audio 5004 RTP/AVP 0\r\n'), local);
    expect(negotiated).toMatchObject({ codec: 'PCMU', payloadType: 0, telephoneEventPayloadType: undefined });
  });

  it('refuses an offer with no codec in common, so the call can be answered 488', () => {
    expect(() =>
      answerOffer(
        offer('m=audio 5004 RTP/AVP 18 9\r\n', 'a=rtpmap:18 G729/8000\r\na=rtpmap:9 G722/8000\r\n'),
        local,
      ),
    ).toThrow(SdpNegotiationError);
    expect(() => answerOffer(offer('m=audio 5004 RTP/SAVPF 0\r\n'), local)).toThrow(/PCMU and PCMA/);
    expect(() => answerOffer('garbage', local)).toThrow(SdpNegotiationError);
  });

  it('keeps one m= line per offered stream, rejecting video with port 0', () => {
    const { answerSdp } = answerOffer(
      offer('m=video 6000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\nm=audio 5004 RTP/AVP 0\r\n'),
      local,
    );
    expect(answerSdp).toMatch(/m=video 0 RTP\/AVP 96[\s\S]*m=audio 40000 RTP\/AVP 0/);
  });

  it('sees hold as sendonly, inactive or the RFC 2543 zero address, and answers the mirror direction', () => {
    expect(
      answerOffer(offer('m=audio 5004 RTP/AVP 0\r\n', 'a=sendonly\r\n'), local).negotiated,
    ).toMatchObject({
      direction: 'recvonly',
      onHold: true,
    });
    expect(
      answerOffer(offer('m=audio 5004 RTP/AVP 0\r\n', 'a=inactive\r\n'), local).negotiated,
    ).toMatchObject({
      direction: 'inactive',
      onHold: true,
    });
    expect(
      answerOffer(offer('m=audio 5004 RTP/AVP 0\r\n', '', 'c=IN IP4 0.0.0.0\r\n'), local).negotiated,
    ).toMatchObject({ onHold: true });
    expect(
      answerOffer(offer('m=audio 5004 RTP/AVP 0\r\n', 'a=recvonly\r\n'), local).negotiated.direction,
    ).toBe('sendonly');
  });

  it('offers both laws and telephone-event, and reads the answer', () => {
    const ours = createOffer(local);
    expect(ours).toContain('m=audio 40000 RTP/AVP 0 8 101');
    const { answerSdp } = answerOffer(ours, { ...local, address: '127.0.0.2', port: 50000 });
    expect(readAnswer(answerSdp)).toMatchObject({
      codec: 'PCMU',
      remoteAddress: '127.0.0.2',
      remotePort: 50000,
      telephoneEventPayloadType: 101,
      onHold: false,
    });
  });
});
