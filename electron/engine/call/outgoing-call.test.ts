import { describe, expect, it } from 'vitest';
import { outgoingLeg } from '../../../test/fakes/outgoing-leg.js';
import { SipHeaders, type SipRequest } from '../sip/sip-message.js';

/**
 * The UAC leg's decisions under a fake clock and an in-memory transport: how each final
 * response is reported, and that a CANCEL goes out once, only after a provisional response.
 * (The live proof against Kamailio and baresip is test/integration/outgoing-call.test.ts.)
 */
const harness = outgoingLeg;

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('OutgoingCall outcomes (RFC 3261 §13.2, §21)', () => {
  it.each([
    [486, { kind: 'busy', status: 486 }],
    [480, { kind: 'no-answer', status: 480 }],
    [603, { kind: 'declined', status: 603, reason: 'Decline' }],
  ])('reports a %i final response', async (status, outcome) => {
    const { call, requests, answer } = harness();
    const result = call.start();
    await flush();
    answer(requests('INVITE')[0]!, status);
    await expect(result).resolves.toEqual(outcome);
  });

  it('reports no answer after Timer B when nothing comes back', async () => {
    const { clock, call } = harness();
    const result = call.start();
    await flush();
    clock.advance(32_000);
    await expect(result).resolves.toEqual({ kind: 'no-answer', status: 408 });
  });

  it('answers a 407 once with credentials, and gives up on a second', async () => {
    const { call, requests, answer } = harness();
    const result = call.start();
    await flush();
    const challenge: [string, string] = ['proxy-authenticate', 'Digest realm="pbx", nonce="n1", qop="auth"'];
    answer(requests('INVITE')[0]!, 407, [challenge]);
    const retry = requests('INVITE')[1]!;
    expect(retry.headers.get('proxy-authorization')).toMatch(/username="office".*nc=00000001/);
    expect(retry.headers.get('cseq')).toBe('2 INVITE');
    answer(retry, 407, [['proxy-authenticate', 'Digest realm="pbx", nonce="n2", qop="auth"']]);
    await expect(result).resolves.toMatchObject({ kind: 'declined', status: 407 });
    expect(requests('INVITE')).toHaveLength(2);
  });

  it('cancels once, only after the far end rang, and reports it cancelled', async () => {
    const { call, requests, answer } = harness();
    const result = call.start();
    await flush();
    const invite = requests('INVITE')[0]!;
    void call.hangup();
    void call.hangup();
    expect(requests('CANCEL')).toHaveLength(0);
    answer(invite, 180);
    expect(requests('CANCEL')).toHaveLength(1);
    expect(requests('CANCEL')[0]!.headers.get('via')).toBe(invite.headers.get('via'));
    void call.hangup();
    answer(invite, 487);
    await expect(result).resolves.toEqual({ kind: 'cancelled' });
    expect(requests('CANCEL')).toHaveLength(1);
  });

  it('sends no CANCEL once the far end has refused (§9.1)', async () => {
    const { call, requests, answer } = harness();
    const result = call.start();
    await flush();
    const invite = requests('INVITE')[0]!;
    answer(invite, 180);
    answer(invite, 486);
    await expect(result).resolves.toEqual({ kind: 'busy', status: 486 });
    await call.hangup();
    expect(requests('CANCEL')).toHaveLength(0);
  });

  it('answers the agent’s hold re-INVITE (a=sendonly) with a=recvonly on the same port and says it is held (RFC 3264 §8.4)', async () => {
    const { call, requests, answer, stream } = harness();
    const holds: boolean[] = [];
    call.onHoldChange = (held) => holds.push(held);
    const result = call.start();
    await flush();
    const invite = requests('INVITE')[0]!;
    const sdp = (direction: string, port: number) =>
      `v=0\r\no=- 1 ${port} IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n` +
      `m=audio ${port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=${direction}\r\n`;
    answer(
      invite,
      200,
      [
        ['contact', '<sip:agent1@192.0.2.7:5080>'],
        ['content-type', 'application/sdp'],
      ],
      sdp('sendrecv', 30000),
    );
    await expect(result).resolves.toEqual({ kind: 'answered' });
    const reinvite = (cseq: number, body: string): SipRequest => ({
      kind: 'request',
      method: 'INVITE',
      uri: 'sip:switchboard@192.0.2.9:5070',
      headers: SipHeaders.from([
        ['via', 'SIP/2.0/UDP 192.0.2.7:5080;branch=z9hG4bK-re' + cseq],
        ['from', '<sip:agent1@pbx>;tag=agent'],
        ['to', invite.headers.get('from') ?? ''],
        ['call-id', call.callId],
        ['cseq', `${cseq} INVITE`],
        ['content-type', 'application/sdp'],
      ]),
      body,
    });
    const held = call.reinvite(reinvite(2, sdp('sendonly', 30002)));
    expect(held.status).toBe(200);
    expect(held.body).toMatch(/m=audio 40000 /);
    expect(held.body).toMatch(/a=recvonly/);
    expect(stream.configure).toHaveBeenLastCalledWith(expect.objectContaining({ remotePort: 30002 }));
    expect([call.isHeld, holds]).toEqual([true, [true]]);
    // Refused re-INVITEs leave the call as it was (RFC 3261 §14.2): still held.
    expect(call.reinvite(reinvite(1, sdp('sendrecv', 30002))).status).toBe(500);
    expect(call.reinvite(reinvite(3, 'not sdp')).status).toBe(488);
    expect(call.isHeld).toBe(true);
    // A second hold offer (inactive) is no news; resuming is.
    call.reinvite(reinvite(4, sdp('inactive', 30002)));
    expect(call.reinvite(reinvite(5, sdp('sendrecv', 30002))).body).toMatch(/a=sendrecv/);
    expect([call.isHeld, holds]).toEqual([false, [true, false]]);
  });
});
