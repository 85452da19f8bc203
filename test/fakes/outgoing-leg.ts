import { vi } from 'vitest';
import { ManualClock } from '../../electron/engine/manual-clock.js';
import type { MediaHost, MediaStreamHandle } from '../../electron/engine/media/media-host.js';
import { DigestSession } from '../../electron/engine/sip/digest-auth.js';
import { createResponse } from '../../electron/engine/sip/response-builder.js';
import type { SipEndpoint, SipMessage, SipRequest } from '../../electron/engine/sip/sip-message.js';
import { TransactionLayer } from '../../electron/engine/sip/transaction-layer.js';
import { OutgoingCall } from '../../electron/engine/call/outgoing-call.js';

/**
 * One engine leg to an agent's phone (OutgoingCall, not started) under a fake clock and an
 * in-memory transport: `requests` are what it sent, `answer` responds to one of them from the
 * phone (To tag "agent"). Media is not under test: a stream that accepts everything.
 */
export function outgoingLeg() {
  const clock = new ManualClock();
  const sent: SipMessage[] = [];
  const proxy: SipEndpoint = { transport: 'udp', address: '192.0.2.1', port: 5060 };
  const layer = new TransactionLayer({
    clock,
    transport: { send: (message) => sent.push(message) },
    user: { onRequest: () => undefined, onCancel: () => undefined, onAck: () => undefined },
  });
  const stream = {
    streamId: 's',
    port: 40000,
    configure: vi.fn(),
    close: async () => ({ packetsSent: 0, packetsReceived: 0 }),
  };
  const media = { open: async () => stream as unknown as MediaStreamHandle } as unknown as MediaHost;
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const call = new OutgoingCall(
    {
      layer,
      media,
      local: { transport: 'udp', address: '192.0.2.9', port: 5070 },
      proxy,
      digest: new DigestSession({ username: 'office', password: 'pw' }, { newCnonce: () => 'c' }),
      fromUri: 'sip:office@pbx',
      displayName: 'Office',
      logger,
    },
    'sip:agent1@pbx',
  );
  const requests = (method: string) =>
    sent.filter((m): m is SipRequest => m.kind === 'request' && m.method === method);
  const answer = (request: SipRequest, status: number, headers: [string, string][] = [], body = '') =>
    layer.receive(createResponse(request, status, { toTag: 'agent', headers, body }), proxy);
  return { clock, layer, proxy, call, requests, answer, stream };
}
