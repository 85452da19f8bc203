import { describe, expect, it } from 'vitest';
import type { SipfragStatus } from './sipfrag.js';
import {
  Transfer,
  type ConsultEvents,
  type ReferProgress,
  type TransferLeg,
  type TransferState,
} from './transfer.js';

/** A call that records what the transfer did to it; the test plays the far end's answers. */
class FakeLeg implements TransferLeg<FakeLeg> {
  readonly log: string[] = [];
  progress: ReferProgress | undefined;
  referError: Error | undefined;

  constructor(readonly name: string) {}

  refer(target: string | FakeLeg, progress: ReferProgress): Promise<void> {
    this.log.push(`refer ${typeof target === 'string' ? target : `replaces ${target.name}`}`);
    this.progress = progress;
    return this.referError ? Promise.reject(this.referError) : Promise.resolve();
  }
  setHeld(held: boolean): Promise<void> {
    this.log.push(held ? 'hold' : 'unhold');
    return Promise.resolve();
  }
  hangUp(): Promise<void> {
    this.log.push('bye');
    return Promise.resolve();
  }
}

function setUp() {
  const caller = new FakeLeg('caller');
  const states: TransferState[] = [];
  let consultLeg: FakeLeg | undefined;
  let consultEvents: ConsultEvents | undefined;
  const transfer = new Transfer<FakeLeg>({
    caller,
    consult: (target, events) => {
      consultLeg = new FakeLeg(`consult ${target}`);
      consultEvents = events;
      return consultLeg;
    },
    onChange: (state) => states.push(state),
  });
  return {
    caller,
    transfer,
    phases: () => states.map((s) => s.phase),
    consult: () => ({ leg: consultLeg, events: consultEvents }),
  };
}

const sip = (status: number, reason: string): SipfragStatus => ({ status, reason });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Transfer', () => {
  it('blind: REFER, progress from NOTIFYs, then done and the agent’s leg hung up', async () => {
    const { caller, transfer, phases } = setUp();
    await transfer.blind('201');
    expect(caller.log).toEqual(['refer 201']);
    caller.progress?.onNotify(sip(100, 'Trying'));
    expect(transfer.state).toEqual({
      phase: 'referring',
      mode: 'blind',
      target: '201',
      progress: sip(100, 'Trying'),
    });
    caller.progress?.onNotify(sip(200, 'OK'));
    await flush();
    expect(transfer.state).toEqual({ phase: 'transferred', mode: 'blind', target: '201' });
    expect(caller.log).toEqual(['refer 201', 'bye']);
    // A late NOTIFY changes nothing.
    caller.progress?.onNotify(sip(503, 'Service Unavailable'));
    expect(phases()).toEqual(['referring', 'referring', 'transferred']);
  });

  it('blind: a busy target or a refused REFER leaves the caller with the agent, who may try again', async () => {
    const { caller, transfer } = setUp();
    await transfer.blind('201');
    caller.progress?.onNotify(sip(486, 'Busy Here'));
    expect(transfer.state).toEqual({
      phase: 'failed',
      mode: 'blind',
      target: '201',
      failure: sip(486, 'Busy Here'),
    });
    expect(caller.log).toEqual(['refer 201']);

    await transfer.blind('202');
    caller.progress?.onRejected(sip(403, 'Forbidden'));
    expect(transfer.state).toMatchObject({ phase: 'failed', target: '202', failure: sip(403, 'Forbidden') });

    caller.referError = new Error('Invalid session state Terminated');
    await transfer.blind('203');
    expect(transfer.state).toMatchObject({ phase: 'failed', failure: { status: 0 } });
  });

  it('attended: caller held, colleague called, then REFER with Replaces and both legs hung up', async () => {
    const { caller, transfer, consult } = setUp();
    await transfer.consult('agent2');
    expect(caller.log).toEqual(['hold']);
    expect(transfer.state).toEqual({ phase: 'consulting', target: 'agent2', answered: false });
    await transfer.complete(); // not answered yet: nothing to replace
    expect(caller.log).toEqual(['hold']);
    consult().events?.onAnswered();
    expect(transfer.state).toEqual({ phase: 'consulting', target: 'agent2', answered: true });
    await transfer.complete();
    expect(caller.log).toEqual(['hold', 'refer replaces consult agent2']);
    caller.progress?.onNotify(sip(200, 'OK'));
    await flush();
    expect(transfer.state).toEqual({ phase: 'transferred', mode: 'attended', target: 'agent2' });
    expect(caller.log.at(-1)).toBe('bye');
    expect(consult().leg?.log).toEqual(['bye']);
  });

  it('attended: a failed REFER keeps the consultation; back to the caller hangs it up and resumes', async () => {
    const { caller, transfer, consult } = setUp();
    await transfer.consult('agent2');
    consult().events?.onAnswered();
    await transfer.complete();
    caller.progress?.onNotify(sip(481, 'Call/Transaction Does Not Exist'));
    expect(transfer.state).toEqual({
      phase: 'consulting',
      target: 'agent2',
      answered: true,
      failure: sip(481, 'Call/Transaction Does Not Exist'),
    });
    await transfer.back();
    expect(consult().leg?.log).toEqual(['bye']);
    expect(caller.log.at(-1)).toBe('unhold');
    expect(transfer.state).toEqual({ phase: 'idle' });
  });

  it('attended: a colleague who is busy or hangs up gives the caller back', async () => {
    const { caller, transfer, consult } = setUp();
    await transfer.consult('agent2');
    consult().events?.onEnded(sip(486, 'Busy Here'));
    await flush();
    expect(transfer.state).toEqual({
      phase: 'failed',
      mode: 'attended',
      target: 'agent2',
      failure: sip(486, 'Busy Here'),
    });
    expect(caller.log).toEqual(['hold', 'unhold']);

    await transfer.consult('agent3');
    consult().events?.onAnswered();
    consult().events?.onEnded(undefined);
    await flush();
    expect(transfer.state).toEqual({ phase: 'idle' });
    expect(caller.log).toEqual(['hold', 'unhold', 'hold', 'unhold']);
  });
});
