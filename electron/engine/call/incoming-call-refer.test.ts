import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../manual-clock.js';
import type { MediaHost, MediaStreamHandle } from '../media/media-host.js';
import { DigestSession } from '../sip/digest-auth.js';
import { createResponse } from '../sip/response-builder.js';
import {
  SipHeaders,
  type SipEndpoint,
  type SipMessage,
  type SipRequest,
  type SipResponse,
} from '../sip/sip-message.js';
import type { InviteServerTransaction, NonInviteServerTransaction } from '../sip/server-transaction.js';
import { TransactionLayer } from '../sip/transaction-layer.js';
import type { AgentTransferEvent } from './call.js';
import { IncomingCall } from './incoming-call.js';
import { OutgoingCall } from './outgoing-call.js';

const PROXY: SipEndpoint = { transport: 'udp', address: '192.0.2.1', port: 5060 };
const LOCAL: SipEndpoint = { transport: 'udp', address: '192.0.2.9', port: 5070 };
const sdp = (port: number) =>
  `v=0\r\no=- 1 1 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n` +
  `m=audio ${port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n`;
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * An agent's REFER on the leg the caller is bridged to, from IncomingCall down to the SIP it
 * sends, with real OutgoingCall legs over an in-memory transport and a fake media host (what
 * is bridged to what). The live proof: test/integration/agent-transfer.test.ts.
 */
async function bridgedCall() {
  const clock = new ManualClock();
  const sent: SipMessage[] = [];
  const layer = new TransactionLayer({
    clock,
    transport: { send: (message) => sent.push(message) },
    user: { onRequest: () => undefined, onCancel: () => undefined, onAck: () => undefined },
  });
  const streams: MediaStreamHandle[] = [];
  const media = {
    open: async () => {
      let stopped: (() => void) | undefined;
      const stream = {
        streamId: `s${streams.length}`,
        port: 40000 + streams.length * 2,
        configure: vi.fn(),
        // Playing lasts until stopped, as ringback does.
        play: () => new Promise((resolve) => (stopped = () => resolve({ interrupted: true }))),
        stopPlay: () => stopped?.(),
        close: async () => ({ packetsSent: 0, packetsReceived: 0 }),
      } as unknown as MediaStreamHandle;
      streams.push(stream);
      return stream;
    },
    bridge: vi.fn(),
    unbridge: vi.fn(),
  } as unknown as MediaHost & { bridge: ReturnType<typeof vi.fn>; unbridge: ReturnType<typeof vi.fn> };
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const legs: OutgoingCall[] = [];
  const invite: SipRequest = {
    kind: 'request',
    method: 'INVITE',
    uri: 'sip:office@192.0.2.9:5070',
    headers: SipHeaders.from([
      ['via', 'SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-caller'],
      ['from', '<sip:01055@pbx>;tag=caller'],
      ['to', '<sip:office@pbx>'],
      ['call-id', 'caller-call@pbx'],
      ['cseq', '1 INVITE'],
      ['contact', '<sip:01055@192.0.2.1:5060>'],
      ['content-type', 'application/sdp'],
    ]),
    body: sdp(30000),
  };
  const callerResponses: SipResponse[] = [];
  const transaction = {
    kind: 'invite',
    respond: (response: SipResponse) => callerResponses.push(response),
  } as unknown as InviteServerTransaction;
  const call = new IncomingCall(invite, transaction, PROXY, {
    lineId: 'line',
    accountUser: 'office',
    layer,
    media,
    local: LOCAL,
    clock,
    logger,
    registrar: 'pbx',
    handoff: () => 'bridge',
    dial: (target, headers) => {
      const leg = new OutgoingCall(
        {
          layer,
          media,
          local: LOCAL,
          proxy: PROXY,
          digest: new DigestSession({ username: 'office', password: 'pw' }),
          fromUri: 'sip:office@pbx',
          displayName: 'Office',
          logger,
        },
        target,
        headers,
      );
      legs.push(leg);
      return leg;
    },
  });
  await call.answer();
  call.acknowledged({ ...invite, method: 'ACK', body: '' });
  const requests = (method: string) =>
    sent.filter((m): m is SipRequest => m.kind === 'request' && m.method === method);
  const answer = (request: SipRequest, status: number, tag: string, port: number) =>
    layer.receive(
      createResponse(request, status, {
        toTag: tag,
        ...(status === 200
          ? {
              headers: [
                ['contact', `<sip:${tag}@192.0.2.7:5080>`],
                ['content-type', 'application/sdp'],
              ] satisfies [string, string][],
              body: sdp(port),
            }
          : {}),
      }),
      PROXY,
    );
  const bridged = call.bridgeTo('sip:agent1@pbx', { headers: [['X-Switchboard-Call-Id', call.id]] });
  await flush();
  answer(requests('INVITE')[0]!, 200, 'agent1', 31000);
  await expect(bridged).resolves.toMatchObject({ kind: 'bridged' });
  const agentLeg = legs[0]!;
  let cseq = 1;
  /** A request from agent1's phone in its leg (REFER, BYE); returns what we answered. */
  const fromAgent = (method: string, headers: [string, string][] = []) => {
    const request: SipRequest = {
      kind: 'request',
      method,
      uri: 'sip:switchboard@192.0.2.9:5070',
      headers: SipHeaders.from([
        ['via', `SIP/2.0/UDP 192.0.2.7:5080;branch=z9hG4bK-${method}${++cseq}`],
        ['from', '<sip:agent1@pbx>;tag=agent1'],
        ['to', requests('INVITE')[0]!.headers.get('from') ?? ''],
        ['call-id', agentLeg.callId],
        ['cseq', `${cseq} ${method}`],
        ...headers,
      ]),
      body: '',
    };
    const responses: SipResponse[] = [];
    agentLeg.handleRequest(request, {
      kind: 'non-invite',
      respond: (response: SipResponse) => responses.push(response),
    } as unknown as NonInviteServerTransaction);
    return responses;
  };
  const refer = (headers: [string, string][]) => fromAgent('REFER', headers);
  const transfers: AgentTransferEvent[] = [];
  call.onTransferred((transfer) => transfers.push(transfer));
  const notifies = () =>
    requests('NOTIFY').map((n) => `${n.body.trim()} / ${n.headers.get('subscription-state')}`);
  return {
    call,
    clock,
    legs,
    agentLeg,
    streams,
    media,
    requests,
    answer,
    refer,
    fromAgent,
    transfers,
    notifies,
    layer,
  };
}

describe('IncomingCall: an agent’s REFER on its leg', () => {
  it('refuses a malformed REFER with a 4xx and changes nothing', async () => {
    const h = await bridgedCall();
    expect(h.refer([])[0]?.status).toBe(400);
    expect(h.refer([['refer-to', '<sip:202@evil.example.net>']])[0]?.status).toBe(403);
    expect(
      h.refer([['refer-to', '<sip:202@pbx?Replaces=caller-call%40pbx%3Bto-tag%3Da%3Bfrom-tag%3Db>']])[0]
        ?.status,
    ).toBe(400);
    expect(h.refer([['refer-to', '<sip:202@pbx?Replaces=nope>']])[0]?.status).toBe(400);
    await flush();
    expect(h.requests('NOTIFY')).toHaveLength(0);
    expect(h.requests('INVITE')).toHaveLength(1);
    expect(h.media.unbridge).not.toHaveBeenCalled();
    expect(h.call.state).toBe('answered');
  });

  it('blind: 202, NOTIFY 100, INVITE to the target; on answer bridges, NOTIFY 200, BYE to the agent', async () => {
    const h = await bridgedCall();
    expect(h.refer([['refer-to', '<sip:202@pbx>']])[0]?.status).toBe(202);
    await flush();
    expect(h.notifies()).toEqual(['SIP/2.0 100 Trying / active;expires=60']);
    expect(h.media.unbridge).toHaveBeenCalledWith(h.streams[0]);
    // A second REFER while this one runs waits its turn (RFC 3515 §2.4.2).
    expect(h.refer([['refer-to', '<sip:203@pbx>']])[0]?.status).toBe(491);
    const target = h.requests('INVITE')[1]!;
    expect(target.uri).toBe('sip:202@pbx');
    expect(target.headers.get('x-switchboard-call-id')).toBe(h.call.id);
    expect(target.headers.get('referred-by')).toBe('<sip:agent1@pbx>');
    expect(target.headers.get('replaces')).toBeUndefined();
    h.answer(target, 200, 'agent2', 32000);
    await flush();
    expect(h.media.bridge).toHaveBeenLastCalledWith(h.streams[0], h.streams[2]);
    expect(h.notifies()[1]).toBe('SIP/2.0 200 OK / terminated;reason=noresource');
    h.layer.receive(createResponse(h.requests('NOTIFY')[1]!, 200), PROXY);
    await flush();
    expect(h.requests('BYE').map((bye) => bye.headers.get('call-id'))).toEqual([h.agentLeg.callId]);
    expect(h.transfers).toEqual([{ user: '202', uri: 'sip:202@pbx', attended: false }]);
    // The agent's leg ending does not end the caller's call any more.
    h.layer.receive(createResponse(h.requests('BYE')[0]!, 200), PROXY);
    await flush();
    expect(h.call.state).toBe('answered');
  });

  it('attended: the INVITE carries Replaces and Require: replaces, to the user at the PBX', async () => {
    const h = await bridgedCall();
    const replaces = encodeURIComponent('consult@192.0.2.7;to-tag=b1;from-tag=a1');
    expect(h.refer([['refer-to', `<sip:202@192.0.2.8:5091?Replaces=${replaces}>`]])[0]?.status).toBe(202);
    await flush();
    const target = h.requests('INVITE')[1]!;
    expect(target.uri).toBe('sip:202@pbx');
    expect(target.headers.get('replaces')).toBe('consult@192.0.2.7;to-tag=b1;from-tag=a1');
    expect(target.headers.get('require')).toBe('replaces');
  });

  it('busy: NOTIFY 486 and the caller is bridged back to the agent (transfer recall)', async () => {
    const h = await bridgedCall();
    h.refer([['refer-to', '<tel:202>']]);
    await flush();
    h.answer(h.requests('INVITE')[1]!, 486, 'agent2', 0);
    await flush();
    expect(h.notifies()).toEqual([
      'SIP/2.0 100 Trying / active;expires=60',
      'SIP/2.0 486 Busy Here / terminated;reason=noresource',
    ]);
    expect(h.media.bridge).toHaveBeenLastCalledWith(h.streams[0], h.streams[1]);
    expect(h.requests('BYE')).toHaveLength(0);
    expect(h.transfers).toEqual([]);
    // Another try later is welcome; its NOTIFYs name it by its CSeq (RFC 3515 §2.4.6).
    expect(h.refer([['refer-to', '<sip:203@pbx>']])[0]?.status).toBe(202);
    await flush();
    expect(h.requests('NOTIFY')[0]!.headers.get('event')).toBe('refer');
    expect(h.requests('NOTIFY')[2]!.headers.get('event')).toBe('refer;id=3');
  });

  it('Refer-Sub: false (RFC 4488): no NOTIFYs, and the 202 says so', async () => {
    const h = await bridgedCall();
    const [accepted] = h.refer([
      ['refer-to', '<sip:202@pbx>'],
      ['refer-sub', 'false'],
    ]);
    expect(accepted?.headers.get('refer-sub')).toBe('false');
    await flush();
    h.answer(h.requests('INVITE')[1]!, 200, 'agent2', 32000);
    await flush();
    expect(h.requests('NOTIFY')).toHaveLength(0);
    expect(h.requests('BYE')).toHaveLength(1);
  });

  it('rings the agent again when the transfer fails after the agent hung up (a desk phone’s blind transfer)', async () => {
    const h = await bridgedCall();
    h.refer([['refer-to', '<sip:202@pbx>']]);
    h.fromAgent('BYE');
    await flush();
    expect(h.call.state).toBe('answered');
    h.answer(h.requests('INVITE')[1]!, 480, 'agent2', 0);
    await flush();
    // The same phone rings with the same call id (the same screen pop).
    const recall = h.requests('INVITE')[2]!;
    expect(recall.uri).toBe('sip:agent1@pbx');
    expect(recall.headers.get('x-switchboard-call-id')).toBe(h.call.id);
    h.answer(recall, 200, 'agent1b', 33000);
    await flush();
    expect(h.media.bridge).toHaveBeenLastCalledWith(h.streams[0], h.streams[3]);
    expect(h.call.state).toBe('answered');
  });

  it('ends the caller’s call when nobody takes the recall either', async () => {
    const h = await bridgedCall();
    h.refer([['refer-to', '<sip:202@pbx>']]);
    h.fromAgent('BYE');
    await flush();
    h.answer(h.requests('INVITE')[1]!, 486, 'agent2', 0);
    await flush();
    const byes = () => h.requests('BYE').map((bye) => bye.headers.get('call-id'));
    expect(byes()).not.toContain('caller-call@pbx');
    h.answer(h.requests('INVITE')[2]!, 486, 'agent1b', 0);
    await flush();
    expect(byes()).toContain('caller-call@pbx');
  });

  it('rings the agent again when the BYE comes just after the transfer failed (the BYE was on its way)', async () => {
    const h = await bridgedCall();
    h.refer([['refer-to', '<sip:202@pbx>']]);
    await flush();
    h.answer(h.requests('INVITE')[1]!, 404, 'agent2', 0);
    await flush();
    // Back with the agent, whose phone had already sent its BYE.
    expect(h.media.bridge).toHaveBeenLastCalledWith(h.streams[0], h.streams[1]);
    h.fromAgent('BYE');
    await flush();
    expect(h.requests('INVITE')[2]?.uri).toBe('sip:agent1@pbx');
    expect(h.requests('BYE').map((bye) => bye.headers.get('call-id'))).not.toContain('caller-call@pbx');
  });

  it('ends the call when the agent hangs up a while after the caller came back to them', async () => {
    const h = await bridgedCall();
    h.refer([['refer-to', '<sip:202@pbx>']]);
    await flush();
    h.answer(h.requests('INVITE')[1]!, 404, 'agent2', 0);
    await flush();
    h.clock.advance(10_000);
    h.fromAgent('BYE');
    await flush();
    expect(h.requests('INVITE')).toHaveLength(2);
    expect(h.requests('BYE').map((bye) => bye.headers.get('call-id'))).toContain('caller-call@pbx');
  });
});
