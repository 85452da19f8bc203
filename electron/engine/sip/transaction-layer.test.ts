import { newBranch } from './via.js';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock.js';
import type { ClientTransactionListener } from './client-transaction.js';
import type { InviteServerTransaction, ServerTransaction } from './server-transaction.js';
import {
  SipHeaders,
  type SipEndpoint,
  type SipMessage,
  type SipRequest,
  type SipResponse,
} from './sip-message.js';
import { readTopVia } from './transaction-fields.js';
import {
  TransactionLayer,
  TransactionLayerError,
  type SipTransportPort,
  type TransactionUser,
} from './transaction-layer.js';

// The transport here is an in-memory recording port (or two layers wired back to back): the
// transaction layer never touches sockets, and the real transports are tested on their own.

const pbx: SipEndpoint = { transport: 'udp', address: '10.0.0.2', port: 5060 };
const engineAt: SipEndpoint = { transport: 'udp', address: '10.0.0.1', port: 5060 };

function inbound(
  method: string,
  options: { branch?: string; sentBy?: string; cseq?: number; transport?: 'UDP' | 'TCP' } = {},
): SipRequest {
  const { branch = 'z9hG4bKin1', sentBy = '10.0.0.2:5060', cseq = 1, transport = 'UDP' } = options;
  return {
    kind: 'request',
    method,
    uri: 'sip:office@10.0.0.1',
    headers: SipHeaders.from([
      ['Via', `SIP/2.0/${transport} ${sentBy};branch=${branch}`],
      ['Max-Forwards', '70'],
      ['From', '<sip:caller@pbx>;tag=caller'],
      ['To', '<sip:office@pbx>'],
      ['Call-ID', 'call@pbx'],
      ['CSeq', `${cseq} ${method}`],
    ]),
    body: '',
  };
}

function outbound(method: string, cseq = 1): SipRequest {
  return {
    kind: 'request',
    method,
    uri: 'sip:agent@10.0.0.2',
    headers: SipHeaders.from([
      ['Via', 'SIP/2.0/UDP 10.0.0.1:5060;rport'],
      ['Max-Forwards', '70'],
      ['From', '<sip:office@engine>;tag=engine'],
      ['To', '<sip:agent@pbx>'],
      ['Call-ID', 'out@engine'],
      ['CSeq', `${cseq} ${method}`],
    ]),
    body: '',
  };
}

/** A minimal §8.2.6.2 response, enough for matching. */
function responseTo(request: SipRequest, status: number, toTag = 'uas'): SipResponse {
  const headers = new SipHeaders();
  for (const [name, value] of request.headers)
    if (name === 'via' || name === 'from' || name === 'call-id' || name === 'cseq')
      headers.append(name, value);
  headers.append(
    'to',
    status === 100 ? (request.headers.get('to') ?? '') : `${request.headers.get('to') ?? ''};tag=${toTag}`,
  );
  return { kind: 'response', status, reason: 'X', headers, body: '' };
}

function describeMessage(message: SipMessage): string {
  return message.kind === 'request' ? message.method : String(message.status);
}

/** One layer on a recording port, its TU logging every call and delegating to `user`. */
function harness(user: Partial<TransactionUser> = {}) {
  const clock = new ManualClock();
  const sent: { at: number; message: SipMessage; to: SipEndpoint }[] = [];
  const port: SipTransportPort & { failWith: Error | undefined } = {
    failWith: undefined,
    send(message, to) {
      if (port.failWith !== undefined) throw port.failWith;
      sent.push({ at: clock.now(), message, to });
    },
  };
  const log: string[] = [];
  const tu: TransactionUser = {
    onRequest(request, transaction, from) {
      log.push(`${clock.now()} request ${request.method}`);
      user.onRequest?.(request, transaction, from);
    },
    onCancel(request, transaction, invite, from) {
      log.push(`${clock.now()} cancel ${invite === undefined ? 'unmatched' : `invite ${invite.state}`}`);
      user.onCancel?.(request, transaction, invite, from);
    },
    onAck(request, from) {
      log.push(`${clock.now()} ack`);
      user.onAck?.(request, from);
    },
    onInvalidRequest(request, reason, from) {
      log.push(`${clock.now()} invalid ${reason}`);
      user.onInvalidRequest?.(request, reason, from);
    },
    onStrayResponse(response) {
      log.push(`${clock.now()} stray ${response.status}`);
    },
  };
  let branches = 0;
  const layer = new TransactionLayer({
    clock,
    transport: port,
    user: tu,
    newBranch: () => `z9hG4bKtest${++branches}`,
  });
  const sentLog = (): string[] => sent.map((s) => `${s.at} ${describeMessage(s.message)}`);
  return { clock, sent, sentLog, port, log, layer };
}

function recordingListener(clock: ManualClock, log: string[]): ClientTransactionListener {
  return {
    onProvisional: (r) => log.push(`${clock.now()} provisional ${r.status}`),
    onFinal: (r) => log.push(`${clock.now()} final ${r.status}`),
    onTimeout: () => log.push(`${clock.now()} timeout`),
    onTransportError: (e) => log.push(`${clock.now()} transport-error ${e.message}`),
  };
}

describe('TransactionLayer: requests in (RFC 3261 §17.2.3)', () => {
  it('passes a new request to the TU once and answers its retransmission from the cached 200', () => {
    const { layer, log, sent, clock } = harness({
      onRequest: (request, transaction) => transaction.respond(responseTo(request, 200)),
    });
    const bye = inbound('BYE');
    layer.receive(bye, pbx);
    clock.advance(500);
    layer.receive(inbound('BYE'), pbx); // the 200 was lost; the PBX resends the BYE
    clock.advance(3000);
    layer.receive(inbound('BYE'), pbx);
    expect(log).toEqual(['0 request BYE']);
    expect(sent.map((s) => [s.at, describeMessage(s.message), s.to])).toEqual([
      [0, '200', pbx],
      [500, '200', pbx],
      [3500, '200', pbx],
    ]);
    expect(sent[1]?.message).toBe(sent[0]?.message);
    clock.advance(32_000);
    expect(layer.serverTransactionCount).toBe(0);
  });

  it('absorbs a retransmission while the TU has not answered yet', () => {
    const held: ServerTransaction[] = [];
    const { layer, log, sent } = harness({ onRequest: (_r, t) => held.push(t) });
    layer.receive(inbound('INFO'), pbx);
    layer.receive(inbound('INFO'), pbx);
    expect(log).toEqual(['0 request INFO']);
    expect(sent).toEqual([]);
    held[0]?.respond(responseTo(inbound('INFO'), 200));
    expect(sent).toHaveLength(1);
  });

  it('sends 100 Trying for an INVITE the TU leaves unanswered for 200 ms', () => {
    const { layer, sentLog, clock } = harness();
    layer.receive(inbound('INVITE'), pbx);
    clock.advance(199);
    expect(sentLog()).toEqual([]);
    clock.advance(1);
    expect(sentLog()).toEqual(['200 100']);
  });

  it('answers a retransmitted INVITE in Proceeding with the last provisional response', () => {
    const { layer, log, sentLog, clock } = harness({
      onRequest: (request, transaction) => transaction.respond(responseTo(request, 180)),
    });
    layer.receive(inbound('INVITE'), pbx);
    clock.advance(500);
    layer.receive(inbound('INVITE'), pbx);
    expect(log).toEqual(['0 request INVITE']);
    expect(sentLog()).toEqual(['0 180', '500 180']);
  });

  it('absorbs the ACK to a non-2xx in its INVITE transaction, stopping Timer G', () => {
    const { layer, log, sentLog, clock } = harness({
      onRequest: (request, transaction) => transaction.respond(responseTo(request, 486)),
    });
    layer.receive(inbound('INVITE'), pbx);
    clock.advance(1000);
    layer.receive(inbound('ACK'), pbx);
    layer.receive(inbound('ACK'), pbx); // retransmitted ACK, absorbed in Confirmed
    clock.advance(60_000);
    expect(log).toEqual(['0 request INVITE']);
    expect(sentLog()).toEqual(['0 486', '500 486']);
    expect(layer.serverTransactionCount).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('reports Timer H when the ACK to a non-2xx never comes', () => {
    const events: string[] = [];
    const { layer, clock } = harness({
      onRequest: (request, transaction) => {
        transaction.listener = {
          onTimeout: (t) => events.push(`${clock.now()} timeout ${t.request.method}`),
        };
        transaction.respond(responseTo(request, 603));
      },
    });
    layer.receive(inbound('INVITE'), pbx);
    clock.advance(32_000);
    expect(events).toEqual(['32000 timeout INVITE']);
    expect(layer.serverTransactionCount).toBe(0);
  });

  it('passes the ACK to a 2xx to the TU, with or without a live transaction', () => {
    const { layer, log, clock } = harness({
      onRequest: (request, transaction) => transaction.respond(responseTo(request, 200)),
    });
    layer.receive(inbound('INVITE'), pbx);
    layer.receive(inbound('ACK', { branch: 'z9hG4bKack' }), pbx); // the usual: a new branch
    layer.receive(inbound('ACK'), pbx); // same branch: meets the Accepted transaction
    layer.receive(inbound('INVITE'), pbx); // late retransmission: absorbed in Accepted
    clock.advance(32_000);
    layer.receive(inbound('ACK'), pbx); // after Timer L
    expect(log).toEqual(['0 request INVITE', '0 ack', '0 ack', '32000 ack']);
  });

  it('matches a CANCEL to its INVITE and gives it a transaction of its own (§9.2)', () => {
    let invite: InviteServerTransaction | undefined;
    const { layer, log, sentLog, clock } = harness({
      onRequest: (request, transaction) => {
        if (transaction.kind === 'invite') invite = transaction;
        transaction.respond(responseTo(request, 180));
      },
      onCancel: (request, transaction, target) => {
        expect(target).toBe(invite);
        transaction.respond(responseTo(request, 200));
        if (target?.state === 'proceeding') target.respond(responseTo(target.request, 487));
      },
    });
    layer.receive(inbound('INVITE'), pbx);
    clock.advance(2000);
    layer.receive(inbound('CANCEL'), pbx);
    layer.receive(inbound('CANCEL'), pbx); // retransmitted CANCEL: answered from its own cache
    layer.receive(inbound('ACK'), pbx); // ACK for the 487
    expect(log).toEqual(['0 request INVITE', '2000 cancel invite proceeding']);
    expect(sentLog()).toEqual(['0 180', '2000 200', '2000 487', '2000 200']);
    expect(invite?.state).toBe('confirmed');
  });

  it('offers no INVITE for a CANCEL that matches none, so the TU answers 481', () => {
    const { layer, log, sentLog } = harness({
      onCancel: (request, transaction) => transaction.respond(responseTo(request, 481)),
    });
    layer.receive(inbound('INVITE', { branch: 'z9hG4bKother' }), pbx);
    layer.receive(inbound('CANCEL'), pbx);
    layer.receive(inbound('CANCEL', { branch: 'z9hG4bKother', sentBy: 'elsewhere:5060' }), pbx);
    expect(log).toEqual(['0 request INVITE', '0 cancel unmatched', '0 cancel unmatched']);
    expect(sentLog()).toEqual(['0 481', '0 481']);
  });

  it('keeps requests with the same branch from different senders apart', () => {
    const { layer, log } = harness();
    layer.receive(inbound('OPTIONS'), pbx);
    layer.receive(inbound('OPTIONS', { sentBy: '10.0.0.3:5060' }), { ...pbx, address: '10.0.0.3' });
    expect(log).toEqual(['0 request OPTIONS', '0 request OPTIONS']);
    expect(layer.serverTransactionCount).toBe(2);
  });

  it('reports requests without an RFC 3261 branch, and lets the TU answer 400 statelessly', () => {
    const { layer, log, sentLog } = harness({
      onInvalidRequest: (request, _reason, from) => {
        layer.sendStateless(responseTo(request, 400), from);
      },
    });
    layer.receive(inbound('INVITE', { branch: '1234' }), pbx);
    layer.receive({ ...inbound('BYE'), method: 'INFO' }, pbx); // CSeq says BYE
    expect(log).toEqual(['0 invalid rfc2543-branch', '0 invalid cseq-method-mismatch']);
    expect(sentLog()).toEqual(['0 400', '0 400']);
    expect(layer.serverTransactionCount).toBe(0);
  });

  it('uses TCP timers for requests that came over TCP', () => {
    const tcpPbx: SipEndpoint = { ...pbx, transport: 'tcp' };
    const { layer, sentLog, clock } = harness({
      onRequest: (request, transaction) => transaction.respond(responseTo(request, 486)),
    });
    layer.receive(inbound('INVITE', { transport: 'TCP' }), tcpPbx);
    clock.advance(10_000);
    expect(sentLog()).toEqual(['0 486']); // no Timer G over TCP
    layer.receive(inbound('ACK', { transport: 'TCP' }), tcpPbx);
    expect(layer.serverTransactionCount).toBe(0); // Timer I is 0
  });
});

describe('TransactionLayer: responses in (RFC 3261 §17.1.3)', () => {
  it('drops a response no transaction waits for', () => {
    const { layer, log, sent } = harness();
    layer.receive(responseTo(inbound('INVITE'), 200), pbx);
    layer.receive({ kind: 'response', status: 200, reason: 'OK', headers: new SipHeaders(), body: '' }, pbx);
    expect(log).toEqual(['0 stray 200', '0 stray 200']);
    expect(sent).toEqual([]);
    expect(layer.clientTransactionCount).toBe(0);
  });

  it('routes responses by branch and CSeq method, so CANCEL and INVITE with one branch stay apart', () => {
    const { layer, sent, sentLog, clock } = harness();
    const events: string[] = [];
    const invite = layer.sendRequest(outbound('INVITE'), pbx, recordingListener(clock, events));
    const cancelRequest = outbound('CANCEL');
    cancelRequest.headers.set('via', invite.request.headers.get('via') ?? '');
    const cancelEvents: string[] = [];
    layer.sendRequest(cancelRequest, pbx, recordingListener(clock, cancelEvents));
    layer.receive(responseTo(cancelRequest, 200), pbx);
    layer.receive(responseTo(invite.request, 487), pbx);
    expect(cancelEvents).toEqual(['0 final 200']);
    expect(events).toEqual(['0 final 487']);
    expect(sentLog()).toEqual(['0 INVITE', '0 CANCEL', '0 ACK']);
    expect(readTopVia((sent[2]?.message ?? cancelRequest).headers)?.branch).toBe('z9hG4bKtest1');
  });
});

describe('TransactionLayer: requests out', () => {
  it('gives every request a fresh branch with the magic cookie', () => {
    const { layer, clock } = harness();
    const listener = recordingListener(clock, []);
    const first = layer.sendRequest(outbound('REGISTER', 1), pbx, listener);
    const second = layer.sendRequest(first.request, pbx, listener); // resubmitted with credentials
    expect(first.request.headers.get('via')).toBe('SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKtest1');
    expect(second.request.headers.get('via')).toBe('SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKtest2');
    expect(newBranch()).toMatch(/^z9hG4bK[A-Za-z0-9_-]{16}$/);
    expect(newBranch()).not.toBe(newBranch());
  });

  it('resends over UDP and times out with a report, leaving nothing behind', () => {
    const { layer, sentLog, clock } = harness();
    const events: string[] = [];
    layer.sendRequest(outbound('OPTIONS'), pbx, recordingListener(clock, events));
    clock.advance(32_000);
    expect(sentLog()).toEqual([
      '0 OPTIONS',
      '500 OPTIONS',
      '1500 OPTIONS',
      '3500 OPTIONS',
      '7500 OPTIONS',
      '11500 OPTIONS',
      '15500 OPTIONS',
      '19500 OPTIONS',
      '23500 OPTIONS',
      '27500 OPTIONS',
      '31500 OPTIONS',
    ]);
    expect(events).toEqual(['32000 timeout']);
    expect(layer.clientTransactionCount).toBe(0);
  });

  it('does not retransmit over TCP', () => {
    const { layer, sentLog, clock } = harness();
    layer.sendRequest(outbound('INVITE'), { ...pbx, transport: 'tcp' }, recordingListener(clock, []));
    clock.advance(40_000);
    expect(sentLog()).toEqual(['0 INVITE']);
  });

  it('refuses an ACK, a request without Via, a CANCEL without a branch, and a duplicate', () => {
    const { layer, clock } = harness();
    const listener = recordingListener(clock, []);
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (error) {
        return error instanceof TransactionLayerError ? error.code : 'other';
      }
      return undefined;
    };
    expect(code(() => layer.sendRequest(outbound('ACK'), pbx, listener))).toBe('ack-not-a-transaction');
    const noVia = outbound('BYE');
    noVia.headers.remove('via');
    expect(code(() => layer.sendRequest(noVia, pbx, listener))).toBe('missing-via');
    expect(code(() => layer.sendRequest(outbound('CANCEL'), pbx, listener))).toBe('cancel-without-branch');
    const invite = layer.sendRequest(outbound('INVITE'), pbx, listener);
    const cancel = outbound('CANCEL');
    cancel.headers.set('via', invite.request.headers.get('via') ?? '');
    layer.sendRequest(cancel, pbx, listener);
    expect(code(() => layer.sendRequest(cancel, pbx, listener))).toBe('duplicate-transaction');
  });

  it('reports a port that throws as a transport error and keeps no transaction', () => {
    const { layer, port, clock } = harness();
    const events: string[] = [];
    port.failWith = new Error('EHOSTUNREACH');
    const transaction = layer.sendRequest(outbound('BYE'), pbx, recordingListener(clock, events));
    expect(events).toEqual(['0 transport-error EHOSTUNREACH']);
    expect(transaction.state).toBe('terminated');
    expect(layer.clientTransactionCount).toBe(0);
    expect(layer.sendStateless(outbound('ACK'), pbx)?.message).toBe('EHOSTUNREACH');
    port.failWith = undefined;
    expect(layer.sendStateless(outbound('ACK'), pbx)).toBeUndefined();
  });

  it('fails every transaction towards an endpoint whose connection broke, and only those', () => {
    const tcpPbx: SipEndpoint = { ...pbx, transport: 'tcp' };
    const serverErrors: string[] = [];
    const { layer, clock } = harness({
      onRequest: (_r, transaction) => {
        transaction.listener = { onTransportError: (e) => serverErrors.push(e.message) };
      },
    });
    const events: string[] = [];
    layer.sendRequest(outbound('INVITE'), tcpPbx, recordingListener(clock, events));
    layer.sendRequest(outbound('OPTIONS'), pbx, recordingListener(clock, events));
    layer.receive(inbound('INVITE', { transport: 'TCP' }), tcpPbx);
    layer.transportFailed(tcpPbx, new Error('ECONNRESET'));
    expect(events).toEqual(['0 transport-error ECONNRESET']);
    expect(serverErrors).toEqual(['ECONNRESET']);
    expect(layer.clientTransactionCount).toBe(1);
    expect(layer.serverTransactionCount).toBe(0);
  });

  it('close() terminates everything and cancels every timer', () => {
    const { layer, clock } = harness();
    layer.sendRequest(outbound('INVITE'), pbx, recordingListener(clock, []));
    layer.receive(inbound('INVITE'), pbx);
    layer.close();
    expect(layer.clientTransactionCount + layer.serverTransactionCount).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });
});

/**
 * Two layers back to back on one fake clock: the engine (UAC) and a peer (UAS). Delivery is
 * synchronous, which also proves that a response arriving from inside send() is handled.
 */
function linkedPair(uasUser: Partial<TransactionUser>, transport: 'udp' | 'tcp' = 'udp') {
  const clock = new ManualClock();
  const uacAt: SipEndpoint = { ...engineAt, transport };
  const uasAt: SipEndpoint = { ...pbx, transport };
  const link = { drop: (_message: SipMessage, _toUas: boolean): boolean => false, delivered: 0 };
  const copy = (message: SipMessage): SipMessage => ({ ...message, headers: message.headers.clone() });
  const noop = (): void => undefined;
  const uasAcks: string[] = [];
  const uas: TransactionLayer = new TransactionLayer({
    clock,
    transport: {
      send: (message) => {
        if (!link.drop(message, false)) {
          link.delivered++;
          uac.receive(copy(message), uasAt);
        }
      },
    },
    user: {
      onRequest: uasUser.onRequest ?? noop,
      onCancel: uasUser.onCancel ?? noop,
      onAck: (request, from) => {
        uasAcks.push(request.headers.get('cseq') ?? '');
        uasUser.onAck?.(request, from);
      },
    },
  });
  const uac: TransactionLayer = new TransactionLayer({
    clock,
    transport: {
      send: (message) => {
        if (!link.drop(message, true)) {
          link.delivered++;
          uas.receive(copy(message), uacAt);
        }
      },
    },
    user: { onRequest: noop, onCancel: noop, onAck: noop },
  });
  return { clock, uac, uas, uacAt, uasAt, link, uasAcks };
}

/** The TU's ACK to a 2xx (§13.2.2.4): a transaction of its own, so a new branch. */
function ackFor2xx(invite: SipRequest, ok: SipResponse): SipRequest {
  const cseq = (invite.headers.get('cseq') ?? '').replace('INVITE', 'ACK');
  return {
    kind: 'request',
    method: 'ACK',
    uri: invite.uri,
    headers: SipHeaders.from([
      ['Via', `SIP/2.0/UDP 10.0.0.1:5060;branch=${newBranch()}`],
      ['From', invite.headers.get('from') ?? ''],
      ['To', ok.headers.get('to') ?? ''],
      ['Call-ID', invite.headers.get('call-id') ?? ''],
      ['CSeq', cseq],
    ]),
    body: '',
  };
}

describe('TransactionLayer: two layers back to back', () => {
  it('a lost 200 to BYE is recovered by retransmission, and the UAS TU sees the BYE once', () => {
    let byes = 0;
    const { clock, uac, uas, link } = linkedPair({
      onRequest: (request, transaction) => {
        byes++;
        transaction.respond(responseTo(request, 200));
      },
    });
    let lost = 0;
    link.drop = (message, toUas) => !toUas && message.kind === 'response' && lost++ === 0;
    const events: string[] = [];
    uac.sendRequest(outbound('BYE'), pbx, recordingListener(clock, events));
    clock.advance(500);
    expect(byes).toBe(1);
    expect(events).toEqual(['500 final 200']);
    clock.advance(40_000);
    expect(uac.clientTransactionCount + uas.serverTransactionCount).toBe(0);
  });

  it('a lost ACK to a 486 is resent when the 486 is retransmitted', () => {
    let invites = 0;
    const { clock, uac, uas, link } = linkedPair({
      onRequest: (request, transaction) => {
        invites++;
        transaction.respond(responseTo(request, 486));
      },
    });
    let acksLost = 0;
    link.drop = (message, toUas) =>
      toUas && message.kind === 'request' && message.method === 'ACK' && acksLost++ === 0;
    const events: string[] = [];
    uac.sendRequest(outbound('INVITE'), pbx, recordingListener(clock, events));
    expect(uas.serverTransactionCount).toBe(1);
    clock.advance(500); // Timer G resends the 486; the UAC resends its ACK
    expect(events).toEqual(['0 final 486']);
    expect(invites).toBe(1);
    clock.advance(40_000);
    expect(uac.clientTransactionCount + uas.serverTransactionCount).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('10 000 transactions each side run to completion and leave no entries and no timers', () => {
    const { clock, uac, uas, uasAt, link, uasAcks } = linkedPair({
      onRequest: (request, transaction) => {
        const seq = Number.parseInt(request.headers.get('cseq') ?? '0', 10);
        // INVITEs alternate between busy and answered; the rest get 200.
        transaction.respond(responseTo(request, request.method === 'INVITE' && seq % 4 === 0 ? 486 : 200));
      },
    });
    let finals = 0;
    const listener: ClientTransactionListener = {
      onFinal: (response, transaction) => {
        finals++;
        if (transaction.kind === 'invite' && response.status === 200)
          uac.sendStateless(ackFor2xx(transaction.request, response), uasAt);
      },
      onTimeout: () => expect.fail('timeout'),
      onTransportError: () => expect.fail('transport error'),
    };
    // Ten rounds of 1000 at once (the concurrency target), each run to completion: the fake
    // clock scans every pending timer per firing, so 10 000 at once would only test its speed.
    for (let round = 0; round < 10; round++) {
      for (let i = round * 1000; i < (round + 1) * 1000; i++) {
        const method = i % 2 === 0 ? 'INVITE' : i % 3 === 0 ? 'BYE' : 'OPTIONS';
        uac.sendRequest(outbound(method, i), uasAt, listener);
      }
      expect(uac.clientTransactionCount).toBe(1000);
      expect(uas.serverTransactionCount).toBe(1000);
      clock.advance(64 * 500);
      expect(uac.clientTransactionCount).toBe(0);
      expect(uas.serverTransactionCount).toBe(0);
      expect(clock.pendingTimers).toBe(0);
    }
    expect(finals).toBe(10_000);
    expect(uasAcks).toHaveLength(2500);
    // Every request, response and ACK crossed once: nothing was retransmitted.
    expect(link.delivered).toBe(10_000 * 2 + 5000);
  });
});
