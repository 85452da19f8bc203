import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock.js';
import {
  buildNon2xxAck,
  InviteClientTransaction,
  NonInviteClientTransaction,
  type ClientTransaction,
  type ClientTransactionEnvironment,
  type ClientTransactionListener,
} from './client-transaction.js';
import {
  SipHeaders,
  type SipEndpoint,
  type SipMessage,
  type SipRequest,
  type SipResponse,
} from './sip-message.js';
import { transactionTimers } from './sip-timers.js';

const udp: SipEndpoint = { transport: 'udp', address: '10.0.0.2', port: 5060 };
const tcp: SipEndpoint = { transport: 'tcp', address: '10.0.0.2', port: 5060 };
const BRANCH = 'z9hG4bKclient1';

function request(method: string, transport: 'UDP' | 'TCP' = 'UDP'): SipRequest {
  return {
    kind: 'request',
    method,
    uri: 'sip:office@10.0.0.2',
    headers: SipHeaders.from([
      ['Via', `SIP/2.0/${transport} 10.0.0.1:5060;branch=${BRANCH};rport`],
      ['Route', '<sip:p1.example;lr>, <sip:p2.example;lr>'],
      ['Max-Forwards', '70'],
      ['From', '<sip:engine@10.0.0.1>;tag=from1'],
      ['To', '<sip:office@10.0.0.2>'],
      ['Call-ID', 'call-1@10.0.0.1'],
      ['CSeq', `7 ${method}`],
      ['Contact', '<sip:engine@10.0.0.1:5060>'],
    ]),
    body: '',
  };
}

function response(to: SipRequest, status: number, toTag = 'to1'): SipResponse {
  const headers = new SipHeaders();
  for (const [name, value] of to.headers)
    if (['via', 'from', 'call-id', 'cseq'].includes(name)) headers.append(name, value);
  headers.append('to', `${to.headers.get('to') ?? ''};tag=${toTag}`);
  return { kind: 'response', status, reason: 'X', headers, body: '' };
}

/** A transaction wired to a recording environment under the fake clock. */
function setup<T extends ClientTransaction>(
  make: (env: ClientTransactionEnvironment, listener: ClientTransactionListener) => T,
) {
  const clock = new ManualClock();
  const sent: { at: number; message: SipMessage; to: SipEndpoint }[] = [];
  const events: string[] = [];
  const terminated: ClientTransaction[] = [];
  const failures: { sendError: Error | undefined } = { sendError: undefined };
  const env: ClientTransactionEnvironment = {
    clock,
    send(message, to) {
      if (failures.sendError !== undefined) return failures.sendError;
      sent.push({ at: clock.now(), message, to });
      return undefined;
    },
    clientTerminated: (transaction) => terminated.push(transaction),
  };
  const listener: ClientTransactionListener = {
    onProvisional: (r) => events.push(`${clock.now()} provisional ${r.status}`),
    onFinal: (r, t) => events.push(`${clock.now()} final ${r.status} ${t.state}`),
    onTimeout: (t) => events.push(`${clock.now()} timeout ${t.state}`),
    onTransportError: (e, t) => events.push(`${clock.now()} transport-error ${e.message} ${t.state}`),
  };
  const transaction = make(env, listener);
  const sentAt = (method: string): number[] =>
    sent.filter((s) => s.message.kind === 'request' && s.message.method === method).map((s) => s.at);
  return { clock, sent, events, terminated, failures, transaction, sentAt };
}

function inviteClient(destination: SipEndpoint) {
  const invite = request('INVITE', destination.transport === 'udp' ? 'UDP' : 'TCP');
  const timers = transactionTimers(destination.transport === 'tcp');
  const t = setup(
    (env, listener) =>
      new InviteClientTransaction(env, timers, `${BRANCH} INVITE`, invite, destination, listener),
  );
  return { ...t, invite };
}

function nonInviteClient(destination: SipEndpoint, method = 'BYE') {
  const req = request(method, destination.transport === 'udp' ? 'UDP' : 'TCP');
  const timers = transactionTimers(destination.transport === 'tcp');
  const t = setup(
    (env, listener) =>
      new NonInviteClientTransaction(env, timers, `${BRANCH} ${method}`, req, destination, listener),
  );
  return { ...t, req };
}

describe('INVITE client transaction (RFC 3261 §17.1.1)', () => {
  it('over UDP resends on Timer A at 500, 1500, 3500, 7500, 15500, 31500 ms and times out at 32 s', () => {
    const { clock, transaction, sentAt, events, terminated } = inviteClient(udp);
    transaction.start();
    clock.advance(31_999);
    expect(sentAt('INVITE')).toEqual([0, 500, 1500, 3500, 7500, 15500, 31500]);
    expect(events).toEqual([]);
    expect(transaction.state).toBe('calling');
    clock.advance(1);
    expect(events).toEqual(['32000 timeout terminated']);
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
    clock.advance(100_000);
    expect(sentAt('INVITE')).toHaveLength(7);
  });

  it('over TCP never retransmits, and still times out on Timer B', () => {
    const { clock, transaction, sentAt, events } = inviteClient(tcp);
    transaction.start();
    clock.advance(31_999);
    expect(sentAt('INVITE')).toEqual([0]);
    clock.advance(1);
    expect(events).toEqual(['32000 timeout terminated']);
  });

  it('a provisional response stops Timer A and Timer B (the TU decides how long to ring)', () => {
    const { clock, transaction, sentAt, events, invite } = inviteClient(udp);
    transaction.start();
    clock.advance(600);
    transaction.receive(response(invite, 100));
    transaction.receive(response(invite, 180));
    clock.advance(300_000);
    expect(sentAt('INVITE')).toEqual([0, 500]);
    expect(transaction.state).toBe('proceeding');
    expect(events).toEqual(['600 provisional 100', '600 provisional 180']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('acknowledges a non-2xx itself with the same branch, and absorbs its retransmissions for Timer D', () => {
    const { clock, transaction, sent, sentAt, events, terminated, invite } = inviteClient(udp);
    transaction.start();
    clock.advance(100);
    transaction.receive(response(invite, 180));
    clock.advance(900);
    const busy = response(invite, 486, 'busy-tag');
    transaction.receive(busy);
    expect(transaction.state).toBe('completed');
    expect(events).toEqual(['100 provisional 180', '1000 final 486 completed']);
    const ack = sent.at(-1)?.message;
    expect(ack).toMatchObject({ kind: 'request', method: 'ACK', uri: 'sip:office@10.0.0.2' });
    clock.advance(5000);
    transaction.receive(busy); // our ACK was lost
    transaction.receive(busy);
    expect(sentAt('ACK')).toEqual([1000, 6000, 6000]);
    expect(sent.at(-1)?.message).toBe(ack); // the same ACK, built once
    expect(events).toHaveLength(2); // the TU heard of the 486 once
    clock.advance(31_999 - 5000);
    expect(transaction.state).toBe('completed');
    clock.advance(1);
    expect(transaction.state).toBe('terminated');
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('Timer D is 0 on TCP: Completed ends at once', () => {
    const { transaction, events, terminated, sentAt, invite, clock } = inviteClient(tcp);
    transaction.start();
    transaction.receive(response(invite, 603));
    expect(sentAt('ACK')).toEqual([0]);
    expect(events).toEqual(['0 final 603 terminated']);
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a final response in Calling stops retransmission at once', () => {
    const { clock, transaction, sentAt, invite } = inviteClient(udp);
    transaction.start();
    clock.advance(700);
    transaction.receive(response(invite, 404));
    clock.advance(10_000);
    expect(sentAt('INVITE')).toEqual([0, 500]);
  });

  it('passes every 2xx to the TU while Accepted (RFC 6026), absorbs the rest, and ends on Timer M', () => {
    const { clock, transaction, events, sentAt, terminated, invite } = inviteClient(udp);
    transaction.start();
    clock.advance(200);
    transaction.receive(response(invite, 200, 'a'));
    expect(transaction.state).toBe('accepted');
    clock.advance(500);
    transaction.receive(response(invite, 200, 'a')); // retransmitted 2xx: the TU re-ACKs
    transaction.receive(response(invite, 200, 'b')); // another fork
    transaction.receive(response(invite, 180));
    transaction.receive(response(invite, 486));
    expect(events).toEqual(['200 final 200 accepted', '700 final 200 accepted', '700 final 200 accepted']);
    expect(sentAt('ACK')).toEqual([]); // the 2xx ACK is the TU's
    expect(sentAt('INVITE')).toEqual([0]);
    clock.advance(32_000 - 500 - 1);
    expect(transaction.state).toBe('accepted');
    clock.advance(1);
    expect(transaction.state).toBe('terminated');
    expect(terminated).toEqual([transaction]);
  });

  it('reports a transport error on the first send and terminates', () => {
    const { transaction, failures, events, terminated, clock } = inviteClient(udp);
    failures.sendError = new Error('no route');
    transaction.start();
    expect(events).toEqual(['0 transport-error no route terminated']);
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('reports a transport error on a retransmission', () => {
    const { transaction, failures, events, clock } = inviteClient(udp);
    transaction.start();
    clock.advance(1000);
    failures.sendError = new Error('gone');
    clock.advance(500);
    expect(events).toEqual(['1500 transport-error gone terminated']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('reports the final response and then the transport error when the ACK cannot be sent', () => {
    const { transaction, failures, events, invite } = inviteClient(udp);
    transaction.start();
    failures.sendError = new Error('gone');
    transaction.receive(response(invite, 500));
    expect(events).toEqual(['0 final 500 terminated', '0 transport-error gone terminated']);
  });

  it('hears of a later transport failure (a TCP connection that broke)', () => {
    const { transaction, events } = inviteClient(tcp);
    transaction.start();
    transaction.transportError(new Error('reset'));
    transaction.transportError(new Error('again'));
    expect(events).toEqual(['0 transport-error reset terminated']);
  });

  it('terminate() ends it silently and cancels its timers', () => {
    const { transaction, events, clock, terminated, invite } = inviteClient(udp);
    transaction.start();
    transaction.terminate();
    transaction.terminate();
    transaction.receive(response(invite, 200));
    clock.advance(60_000);
    expect(events).toEqual([]);
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('start() twice sends once', () => {
    const { transaction, sentAt } = inviteClient(tcp);
    transaction.start();
    transaction.start();
    expect(sentAt('INVITE')).toEqual([0]);
  });
});

describe('buildNon2xxAck (RFC 3261 §17.1.1.3)', () => {
  it('copies the Request-URI, top Via, Routes, From, Call-ID and CSeq number, and To from the response', () => {
    const invite = request('INVITE');
    invite.headers.append('Via', 'SIP/2.0/UDP proxy.example;branch=z9hG4bKother');
    const ack = buildNon2xxAck(invite, response(invite, 486, 'busy'));
    expect(ack.uri).toBe(invite.uri);
    expect(ack.body).toBe('');
    expect([...ack.headers]).toEqual([
      ['via', `SIP/2.0/UDP 10.0.0.1:5060;branch=${BRANCH};rport`],
      ['route', '<sip:p1.example;lr>'],
      ['route', '<sip:p2.example;lr>'],
      ['max-forwards', '70'],
      ['from', '<sip:engine@10.0.0.1>;tag=from1'],
      ['to', '<sip:office@10.0.0.2>;tag=busy'],
      ['call-id', 'call-1@10.0.0.1'],
      ['cseq', '7 ACK'],
    ]);
  });
});

describe('non-INVITE client transaction (RFC 3261 §17.1.2)', () => {
  it('over UDP resends at 500, 1500, 3500, 7500 ms, then every T2, and times out on Timer F at 32 s', () => {
    const { clock, transaction, sentAt, events, terminated } = nonInviteClient(udp);
    transaction.start();
    clock.advance(31_999);
    expect(sentAt('BYE')).toEqual([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500]);
    clock.advance(1);
    expect(events).toEqual(['32000 timeout terminated']);
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('over TCP never retransmits', () => {
    const { clock, transaction, sentAt, events } = nonInviteClient(tcp);
    transaction.start();
    clock.advance(32_000);
    expect(sentAt('BYE')).toEqual([0]);
    expect(events).toEqual(['32000 timeout terminated']);
  });

  it('in Proceeding keeps retransmitting, every T2, until the final response or Timer F', () => {
    const { clock, transaction, sentAt, events, req } = nonInviteClient(udp);
    transaction.start();
    clock.advance(600);
    transaction.receive(response(req, 100));
    expect(transaction.state).toBe('proceeding');
    clock.advance(31_399);
    // E was due at 1500; from then on it is reset to T2 (§17.1.2.2).
    expect(sentAt('BYE')).toEqual([0, 500, 1500, 5500, 9500, 13500, 17500, 21500, 25500, 29500]);
    clock.advance(1);
    expect(events).toEqual(['600 provisional 100', '32000 timeout terminated']);
  });

  it('reports the final response once and absorbs its retransmissions for Timer K (T4)', () => {
    const { clock, transaction, sentAt, events, terminated, req } = nonInviteClient(udp, 'INFO');
    transaction.start();
    clock.advance(700);
    const ok = response(req, 200);
    transaction.receive(ok);
    transaction.receive(ok);
    clock.advance(4999);
    transaction.receive(ok);
    expect(transaction.state).toBe('completed');
    expect(events).toEqual(['700 final 200 completed']);
    clock.advance(1);
    expect(transaction.state).toBe('terminated');
    expect(terminated).toEqual([transaction]);
    expect(sentAt('INFO')).toEqual([0, 500]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('Timer K is 0 on TCP', () => {
    const { transaction, events, terminated, req, clock } = nonInviteClient(tcp, 'OPTIONS');
    transaction.start();
    transaction.receive(response(req, 404));
    expect(events).toEqual(['0 final 404 terminated']);
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a final response straight from Trying works as well as from Proceeding', () => {
    const { transaction, events, req } = nonInviteClient(udp, 'REGISTER');
    transaction.start();
    transaction.receive(response(req, 401));
    expect(events).toEqual(['0 final 401 completed']);
  });

  it('reports a transport error on a retransmission and stops', () => {
    const { clock, transaction, failures, events } = nonInviteClient(udp);
    transaction.start();
    clock.advance(1000);
    failures.sendError = new Error('unreachable');
    clock.advance(10_000);
    expect(events).toEqual(['1500 transport-error unreachable terminated']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('reports a transport error on the first send', () => {
    const { transaction, failures, events, clock } = nonInviteClient(udp);
    failures.sendError = new Error('refused');
    transaction.start();
    expect(events).toEqual(['0 transport-error refused terminated']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('terminate() is silent and final', () => {
    const { transaction, events, clock, req } = nonInviteClient(udp);
    transaction.start();
    transaction.terminate();
    transaction.receive(response(req, 200));
    clock.advance(40_000);
    expect(events).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });
});
