import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The media worker runs compiled JavaScript, so the call is driven from the build output.
import { OutgoingCall } from '../../build/electron/engine/call/outgoing-call.js';
import { systemClock } from '../../build/electron/engine/clock.js';
import { MediaHost } from '../../build/electron/engine/media/media-host.js';
import { DigestSession } from '../../build/electron/engine/sip/digest-auth.js';
import { createResponse } from '../../build/electron/engine/sip/response-builder.js';
import { TransactionLayer } from '../../build/electron/engine/sip/transaction-layer.js';
import { UdpSipTransport } from '../../build/electron/engine/sip/udp-transport.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';

/**
 * The engine as a caller (agent legs, callbacks): an INVITE through Kamailio with digest auth
 * reaches a baresip agent, which answers; RTP flows both ways; the engine's BYE ends it. A call
 * to an unknown user is reported as declined with the proxy's status.
 */
describe('outgoing calls through the PBX', () => {
  let testbed: Testbed;
  let transport: UdpSipTransport;
  let layer: TransactionLayer;
  let media: MediaHost;
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const calls = new Map<string, OutgoingCall>();

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent1'] });
    media = new MediaHost(logger);
    transport = await UdpSipTransport.bind({
      address: '127.0.0.1',
      port: 0,
      logger,
      onMessage: (message, from) => layer.receive(message, from),
    });
    layer = new TransactionLayer({
      clock: systemClock,
      transport,
      user: {
        onRequest: (request, transaction) => {
          // The agent's BYE: answer it and end that call.
          calls.get(request.headers.get('call-id') ?? '')?.remoteHangup();
          transaction.respond(createResponse(request, request.method === 'BYE' ? 200 : 481));
        },
        onCancel: (request, transaction) => transaction.respond(createResponse(request, 481)),
        onAck: () => undefined,
      },
    });
  });
  afterAll(async () => {
    layer?.close();
    await transport?.close();
    await media?.shutdown();
    await testbed?.stop();
  });

  const place = (target: string) => {
    const call = new OutgoingCall(
      {
        layer,
        media,
        local: transport.local,
        proxy: { transport: 'udp', address: testbed.host, port: testbed.sipPort },
        digest: new DigestSession({ username: 'office', password: testbed.users.office }),
        fromUri: `sip:office@${testbed.host}`,
        displayName: 'Office',
        logger,
      },
      target,
      [['X-Switchboard-Call-Id', 'test-call-1']],
    );
    calls.set(call.callId, call);
    return call;
  };

  it('calls an agent with digest auth, exchanges audio, and hangs up', async () => {
    const call = place(testbed.uri('agent1'));
    const agent = testbed.agent('agent1');
    expect(await call.start()).toEqual({ kind: 'answered' });
    await agent.waitForEvent((e) => e.type === 'CALL_ESTABLISHED');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await call.hangup();
    await agent.waitForEvent((e) => e.type === 'CALL_CLOSED');
    // About 50 packets a second each way: the agent's tone in, our silence out.
    expect(call.mediaStats?.packetsReceived).toBeGreaterThan(30);
    expect(call.mediaStats?.packetsSent).toBeGreaterThan(30);
    expect(testbed.logs('kamailio')).toMatch(/TESTBED AUTH challenge INVITE from office/);
  });

  it('reports an unknown extension as declined with the proxy’s 404', async () => {
    const call = place(testbed.uri('nobody'));
    expect(await call.start()).toMatchObject({ kind: 'declined', status: 404 });
  });
});
