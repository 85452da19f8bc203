import { describe, expect, it, vi } from 'vitest';
import { outgoingLeg } from '../../../test/fakes/outgoing-leg.js';
import { createResponse } from '../sip/response-builder.js';
import { SipHeaders, type SipRequest, type SipResponse } from '../sip/sip-message.js';
import type { NonInviteServerTransaction } from '../sip/server-transaction.js';

/**
 * Requests the far end sends inside an answered leg (an agent's phone): what each method gets,
 * and the in-dialog requests we send (NOTIFY for a REFER). Fake clock, in-memory transport.
 */
async function answeredLeg() {
  const { call, layer, proxy, requests } = outgoingLeg();
  const outcome = call.start();
  await new Promise((resolve) => setImmediate(resolve));
  const invite = requests('INVITE')[0]!;
  layer.receive(
    createResponse(invite, 200, {
      toTag: 'agent',
      headers: [
        ['contact', '<sip:agent1@192.0.2.7:5080>'],
        ['record-route', '<sip:192.0.2.1;lr>'],
        ['content-type', 'application/sdp'],
      ],
      body:
        'v=0\r\no=- 1 1 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n' +
        'm=audio 30000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n',
    }),
    proxy,
  );
  await expect(outcome).resolves.toEqual({ kind: 'answered' });
  let cseq = 1;
  const inDialog = (method: string, headers: [string, string][] = [], seq = ++cseq): SipRequest => ({
    kind: 'request',
    method,
    uri: 'sip:switchboard@192.0.2.9:5070',
    headers: SipHeaders.from([
      ['via', `SIP/2.0/UDP 192.0.2.7:5080;branch=z9hG4bK-${method}-${seq}`],
      ['from', '<sip:agent1@pbx>;tag=agent'],
      ['to', invite.headers.get('from') ?? ''],
      ['call-id', call.callId],
      ['cseq', `${seq} ${method}`],
      ...headers,
    ]),
    body: '',
  });
  const serve = (request: SipRequest) => {
    const responses: SipResponse[] = [];
    const transaction = {
      kind: 'non-invite',
      request,
      respond: (response: SipResponse) => responses.push(response),
    } as unknown as NonInviteServerTransaction;
    call.handleRequest(request, transaction);
    return { responses, transaction };
  };
  return { call, layer, proxy, requests, inDialog, serve };
}

describe('OutgoingCall: requests in an answered leg', () => {
  it('hands a REFER to the handler set by whoever bridged the leg; without one, 603', async () => {
    const { call, inDialog, serve } = await answeredLeg();
    expect(serve(inDialog('REFER')).responses[0]?.status).toBe(603);
    const handler = vi.fn();
    call.referHandler = handler;
    const refer = inDialog('REFER', [['refer-to', '<sip:202@pbx>']]);
    const { transaction } = serve(refer);
    expect(handler).toHaveBeenCalledWith(refer, transaction);
  });

  it('answers INFO 200 (RFC 6086), a stray NOTIFY 481 (RFC 6665 §4.1.3), an unknown method 405', async () => {
    const { inDialog, serve } = await answeredLeg();
    expect(serve(inDialog('INFO', [['content-type', 'application/dtmf-relay']])).responses[0]?.status).toBe(
      200,
    );
    expect(serve(inDialog('NOTIFY', [['event', 'refer']])).responses[0]?.status).toBe(481);
    const update = serve(inDialog('PUBLISH')).responses[0];
    expect(update?.status).toBe(405);
    expect(update?.headers.get('allow')).toMatch(/REFER/);
  });

  it('answers a request with a lower CSeq than the last 500 (RFC 3261 §12.2.2)', async () => {
    const { inDialog, serve } = await answeredLeg();
    serve(inDialog('INFO', [], 10));
    expect(serve(inDialog('INFO', [], 9)).responses[0]?.status).toBe(500);
  });

  it('ends on the far end’s BYE, and a later hangup sends no BYE of its own', async () => {
    const { call, inDialog, serve, requests } = await answeredLeg();
    expect(serve(inDialog('BYE')).responses[0]?.status).toBe(200);
    await call.ended;
    expect(call.isUp).toBe(false);
    await call.hangup();
    expect(requests('BYE')).toHaveLength(0);
  });

  it('sends a NOTIFY in the dialog (route set, Contact, given headers) and resolves with its answer', async () => {
    const { call, layer, proxy, requests } = await answeredLeg();
    const answered = call.request('NOTIFY', [['event', 'refer']], 'SIP/2.0 100 Trying\r\n');
    const notify = requests('NOTIFY')[0]!;
    expect(notify.uri).toBe('sip:agent1@192.0.2.7:5080');
    expect(notify.headers.get('route')).toBe('<sip:192.0.2.1;lr>');
    expect(notify.headers.get('to')).toMatch(/tag=agent/);
    expect(notify.headers.get('contact')).toMatch(/^<sip:switchboard@192\.0\.2\.9:5070>$/);
    expect(notify.headers.get('event')).toBe('refer');
    layer.receive(createResponse(notify, 200), proxy);
    await expect(answered).resolves.toBe(200);
  });

  it('hangs up with one BYE however often it is asked', async () => {
    const { call, requests } = await answeredLeg();
    void call.hangup();
    void call.hangup();
    expect(requests('BYE')).toHaveLength(1);
  });
});
