import { createResponse } from './response-builder.js';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock.js';
import {
  InviteServerTransaction,
  NonInviteServerTransaction,
  TRYING_DELAY_MS,
  type ServerTransaction,
  type ServerTransactionEnvironment,
} from './server-transaction.js';
import {
  SipHeaders,
  type SipEndpoint,
  type SipMessage,
  type SipRequest,
  type SipResponse,
} from './sip-message.js';
import { transactionTimers } from './sip-timers.js';

const udp: SipEndpoint = { transport: 'udp', address: '10.0.0.9', port: 5062 };
const tcp: SipEndpoint = { transport: 'tcp', address: '10.0.0.9', port: 40_123 };

function request(method: string): SipRequest {
  return {
    kind: 'request',
    method,
    uri: 'sip:office@10.0.0.1',
    headers: SipHeaders.from([
      ['Via', 'SIP/2.0/UDP pbx.example:5060;branch=z9hG4bKsrv1'],
      ['Via', 'SIP/2.0/UDP 10.0.0.9:5062;branch=z9hG4bKphone;received=10.0.0.9'],
      ['Max-Forwards', '69'],
      ['From', '<sip:caller@pbx.example>;tag=caller'],
      ['To', '<sip:office@pbx.example>'],
      ['Call-ID', 'srv-call@pbx'],
      ['CSeq', `3 ${method}`],
      ['Timestamp', '54'],
      ['Contact', '<sip:caller@10.0.0.9:5062>'],
    ]),
    body: '',
  };
}

function response(status: number): SipResponse {
  return { kind: 'response', status, reason: 'X', headers: new SipHeaders(), body: '' };
}

function setup<T extends ServerTransaction>(make: (env: ServerTransactionEnvironment) => T) {
  const clock = new ManualClock();
  const sent: { at: number; message: SipMessage; to: SipEndpoint }[] = [];
  const terminated: ServerTransaction[] = [];
  const failures: { sendError: Error | undefined } = { sendError: undefined };
  const events: string[] = [];
  const env: ServerTransactionEnvironment = {
    clock,
    send(message, to) {
      if (failures.sendError !== undefined) return failures.sendError;
      sent.push({ at: clock.now(), message, to });
      return undefined;
    },
    serverTerminated: (transaction) => terminated.push(transaction),
  };
  const transaction = make(env);
  transaction.listener = {
    onTimeout: (t) => events.push(`${clock.now()} timeout ${t.state}`),
    onTransportError: (e, t) => events.push(`${clock.now()} transport-error ${e.message} ${t.state}`),
  };
  const sentAt = (status: number): number[] =>
    sent.filter((s) => s.message.kind === 'response' && s.message.status === status).map((s) => s.at);
  return { clock, sent, terminated, failures, events, transaction, sentAt };
}

function inviteServer(replyTo: SipEndpoint) {
  const invite = request('INVITE');
  const timers = transactionTimers(replyTo.transport === 'tcp');
  return { ...setup((env) => new InviteServerTransaction(env, timers, 'k', invite, replyTo)), invite };
}

function nonInviteServer(replyTo: SipEndpoint, method = 'BYE') {
  const req = request(method);
  const timers = transactionTimers(replyTo.transport === 'tcp');
  return { ...setup((env) => new NonInviteServerTransaction(env, timers, 'k', req, replyTo)), req };
}

describe('INVITE server transaction (RFC 3261 §17.2.1)', () => {
  it('sends 100 Trying at 200 ms when the TU has not answered', () => {
    const { clock, sent, sentAt } = inviteServer(udp);
    clock.advance(TRYING_DELAY_MS - 1);
    expect(sent).toEqual([]);
    clock.advance(1);
    expect(sentAt(100)).toEqual([200]);
    expect(sent[0]?.to).toEqual(udp);
    clock.advance(10_000);
    expect(sent).toHaveLength(1);
  });

  it('sends no 100 Trying when the TU answers within 200 ms', () => {
    const { clock, transaction, sent, sentAt } = inviteServer(udp);
    clock.advance(150);
    expect(transaction.respond(response(180))).toBe(true);
    clock.advance(1000);
    expect(sentAt(180)).toEqual([150]);
    expect(sent).toHaveLength(1);
  });

  it('answers a retransmitted INVITE in Proceeding with the last provisional response', () => {
    const { clock, transaction, sent, sentAt, invite } = inviteServer(udp);
    transaction.receiveRequest(invite); // nothing sent yet: absorbed
    expect(sent).toEqual([]);
    clock.advance(200);
    transaction.receiveRequest(invite);
    expect(sentAt(100)).toEqual([200, 200]);
    const ringing = response(180);
    const progress = response(183);
    transaction.respond(ringing);
    transaction.respond(progress);
    clock.advance(300);
    transaction.receiveRequest(invite);
    expect(sent.at(-1)).toEqual({ at: 500, message: progress, to: udp });
    expect(transaction.lastResponse).toBe(progress);
  });

  it('retransmits a 4xx on Timer G (T1 doubling, capped at T2) and times out on Timer H at 64*T1', () => {
    const { clock, transaction, sentAt, events, terminated } = inviteServer(udp);
    transaction.respond(response(486));
    expect(transaction.state).toBe('completed');
    clock.advance(31_999);
    expect(sentAt(486)).toEqual([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500]);
    expect(events).toEqual([]);
    clock.advance(1);
    expect(events).toEqual(['32000 timeout terminated']);
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('over TCP sends the 4xx once and still waits Timer H for the ACK', () => {
    const { clock, transaction, sentAt, events } = inviteServer(tcp);
    transaction.respond(response(404));
    clock.advance(32_000);
    expect(sentAt(404)).toEqual([0]);
    expect(events).toEqual(['32000 timeout terminated']);
  });

  it('answers a retransmitted INVITE in Completed with the final response', () => {
    const { clock, transaction, sentAt, invite } = inviteServer(tcp);
    transaction.respond(response(480));
    clock.advance(100);
    transaction.receiveRequest(invite);
    expect(sentAt(480)).toEqual([0, 100]);
  });

  it('the ACK stops Timer G and H, further ACKs are absorbed, and Timer I (T4) ends it', () => {
    const { clock, transaction, sentAt, events, terminated } = inviteServer(udp);
    transaction.respond(response(486));
    clock.advance(700);
    expect(transaction.receiveAck(request('ACK'))).toBe(false);
    expect(transaction.state).toBe('confirmed');
    clock.advance(100);
    expect(transaction.receiveAck(request('ACK'))).toBe(false);
    transaction.receiveRequest(request('INVITE'));
    clock.advance(4899);
    expect(transaction.state).toBe('confirmed');
    clock.advance(1);
    expect(transaction.state).toBe('terminated');
    expect(sentAt(486)).toEqual([0, 500]);
    expect(events).toEqual([]);
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('Timer I is 0 on TCP', () => {
    const { transaction, terminated, clock } = inviteServer(tcp);
    transaction.respond(response(603));
    transaction.receiveAck(request('ACK'));
    expect(transaction.state).toBe('terminated');
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('discards responses from the TU after the final one', () => {
    const { transaction, sent } = inviteServer(udp);
    transaction.respond(response(486));
    expect(transaction.respond(response(500))).toBe(false);
    expect(transaction.respond(response(200))).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('after a 2xx: Accepted absorbs INVITE retransmissions, passes ACKs and TU 2xx resends, ends on Timer L', () => {
    const { clock, transaction, sent, sentAt, terminated, invite } = inviteServer(udp);
    const ok = response(200);
    transaction.respond(ok);
    expect(transaction.state).toBe('accepted');
    clock.advance(1000);
    transaction.receiveRequest(invite);
    expect(sent).toHaveLength(1); // not the transaction's job to resend the 2xx
    expect(transaction.respond(ok)).toBe(true); // the TU's retransmission passes
    expect(transaction.respond(response(180))).toBe(false);
    expect(transaction.respond(response(486))).toBe(false);
    expect(transaction.receiveAck(request('ACK'))).toBe(true);
    expect(sentAt(200)).toEqual([0, 1000]);
    clock.advance(30_999);
    expect(transaction.state).toBe('accepted');
    clock.advance(1);
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('an ACK before any final response is ignored', () => {
    const { transaction } = inviteServer(udp);
    expect(transaction.receiveAck(request('ACK'))).toBe(false);
    expect(transaction.state).toBe('proceeding');
  });

  it('reports a transport error on a Timer G retransmission and terminates', () => {
    const { clock, transaction, failures, events } = inviteServer(udp);
    transaction.respond(response(486));
    failures.sendError = new Error('icmp');
    clock.advance(500);
    expect(events).toEqual(['500 transport-error icmp terminated']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('respond() returns false when the transport refuses, and reports it', () => {
    const { transaction, failures, events } = inviteServer(udp);
    failures.sendError = new Error('closed');
    expect(transaction.respond(response(180))).toBe(false);
    expect(events).toEqual(['0 transport-error closed terminated']);
  });

  it('terminate() cancels the Trying timer', () => {
    const { transaction, clock, sent } = inviteServer(udp);
    transaction.terminate();
    clock.advance(1000);
    expect(sent).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('the transaction’s 100 Trying (RFC 3261 §8.2.6)', () => {
  it('copies every Via in order, From, To without a tag, Call-ID, CSeq and Timestamp', () => {
    const trying = createResponse(request('INVITE'), 100);
    expect(trying).toMatchObject({ kind: 'response', status: 100, reason: 'Trying', body: '' });
    expect([...trying.headers]).toEqual([
      ['via', 'SIP/2.0/UDP pbx.example:5060;branch=z9hG4bKsrv1'],
      ['via', 'SIP/2.0/UDP 10.0.0.9:5062;branch=z9hG4bKphone;received=10.0.0.9'],
      ['from', '<sip:caller@pbx.example>;tag=caller'],
      ['to', '<sip:office@pbx.example>'],
      ['call-id', 'srv-call@pbx'],
      ['cseq', '3 INVITE'],
      ['timestamp', '54'],
    ]);
  });
});

describe('non-INVITE server transaction (RFC 3261 §17.2.2)', () => {
  it('absorbs retransmissions while Trying, with no 100 Trying of its own', () => {
    const { clock, transaction, sent, req } = nonInviteServer(udp);
    transaction.receiveRequest(req);
    clock.advance(1000);
    transaction.receiveRequest(req);
    expect(sent).toEqual([]);
    expect(transaction.state).toBe('trying');
  });

  it('in Proceeding resends the last provisional response', () => {
    const { clock, transaction, sentAt, req } = nonInviteServer(udp, 'REGISTER');
    transaction.respond(response(100));
    expect(transaction.state).toBe('proceeding');
    clock.advance(500);
    transaction.receiveRequest(req);
    expect(sentAt(100)).toEqual([0, 500]);
  });

  it('in Completed answers a retransmitted BYE with the cached 200 until Timer J (64*T1)', () => {
    const { clock, transaction, sent, terminated, req } = nonInviteServer(udp);
    const ok = response(200);
    expect(transaction.respond(ok)).toBe(true);
    clock.advance(500);
    transaction.receiveRequest(req);
    clock.advance(31_499);
    transaction.receiveRequest(req);
    expect(sent.map((s) => [s.at, s.message])).toEqual([
      [0, ok],
      [500, ok],
      [31_999, ok],
    ]);
    expect(transaction.respond(response(500))).toBe(false); // a second final is discarded
    clock.advance(1);
    expect(transaction.state).toBe('terminated');
    expect(terminated).toEqual([transaction]);
    transaction.receiveRequest(req);
    expect(sent).toHaveLength(3);
    expect(clock.pendingTimers).toBe(0);
  });

  it('Timer J is 0 on TCP', () => {
    const { transaction, terminated, clock } = nonInviteServer(tcp, 'INFO');
    transaction.respond(response(200));
    expect(transaction.state).toBe('terminated');
    expect(terminated).toEqual([transaction]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('reports a transport error on a response and terminates', () => {
    const { transaction, failures, events, terminated } = nonInviteServer(udp);
    failures.sendError = new Error('too big');
    expect(transaction.respond(response(200))).toBe(false);
    expect(events).toEqual(['0 transport-error too big terminated']);
    expect(terminated).toEqual([transaction]);
  });

  it('reports a later transport failure once', () => {
    const { transaction, events } = nonInviteServer(tcp);
    transaction.transportError(new Error('reset'));
    transaction.transportError(new Error('reset'));
    expect(events).toEqual(['0 transport-error reset terminated']);
  });
});
