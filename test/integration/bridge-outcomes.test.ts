import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The media worker runs compiled JavaScript, so the line agent is driven from the build output.
import type { BridgeOutcome, CallEnd, CallState } from '../../build/electron/engine/call/call.js';
import type { CollectedDigits } from '../../build/electron/engine/call/digit-buffer.js';
import type { IncomingCall } from '../../build/electron/engine/call/incoming-call.js';
import { callOffice, describeSipp } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';
import { sineTone } from '../pbx/wav.js';
import { startOfficeLine, type OfficeLine } from '../support/office-line.js';

/**
 * What call.bridgeTo reports when the agent does not take the call, against real peers: a phone
 * that rejects (baresip's 486 Rejected), one that rings out (CANCEL after the ring timeout), one that is
 * not signed in (Kamailio's 480) and an extension that does not exist (404). In every case the
 * caller (SIPp) stays on the line: the IVR goes on with the same call, hears its key presses,
 * and can put it through to another agent; the caller's own BYE ends it (SIPp exit code 0).
 *
 * The caller's digits 1 2 3 # come `pauseMs` + 1 s after it was answered, i.e. after the bridge
 * attempt has been decided, so they prove that its audio still reaches the engine.
 */

const COLLECT = { max: 8, firstDigitTimeoutMs: 8000, interDigitTimeoutMs: 2000 } as const;

/** What a flow saw of one bridge attempt. */
interface Attempt {
  outcome: BridgeOutcome;
  /** The caller's call right after the outcome. */
  state: CallState;
  /** From the INVITE's send to the outcome. */
  ms: number;
}

async function attempt(
  call: IncomingCall,
  target: string,
  options?: { ringTimeoutMs?: number },
): Promise<Attempt> {
  const t0 = performance.now();
  const outcome = await call.bridgeTo(target, options);
  return { outcome, state: call.state, ms: performance.now() - t0 };
}

function useOfficeLine(testbedOptions: Parameters<typeof startTestbed>[0]) {
  const bed = {} as { testbed: Testbed; office?: OfficeLine };
  let next: ((call: IncomingCall) => void) | undefined;

  beforeAll(async () => {
    bed.testbed = await startTestbed(testbedOptions);
    bed.office = await startOfficeLine(bed.testbed, (call) => {
      const flow = next;
      next = undefined;
      if (flow) flow(call);
      else void call.hangup();
    });
  });
  afterAll(async () => {
    await bed.office?.stop();
    await bed.testbed?.stop();
  });

  /** Runs `flow` on the next call to the office line; resolves with what it returned. */
  const handleNextCall = <T>(flow: (call: IncomingCall) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      next = (call) => flow(call).then(resolve, reject);
    });
  return { bed, handleNextCall };
}

describe('bridge outcomes when the agent does not take the call', () => {
  const { bed, handleNextCall } = useOfficeLine({ auth: true, agents: ['agent1'], manualAnswer: ['agent1'] });

  it('reports busy when the agent rejects, and the caller stays on for a prompt and a menu', async () => {
    const { testbed } = bed;
    const agent = testbed.agent('agent1');
    const since = agent.events.length;
    const handled = handleNextCall(async (call) => {
      await call.answer();
      const tried = await attempt(call, testbed.uri('agent1'));
      // "Everyone is busy" (a tone here), then a menu the caller answers.
      const played = await call.play(sineTone(0.5, 1000));
      const digits = await call.collectDigits(COLLECT);
      return { tried, played, digits, end: await call.ended };
    });
    const caller = callOffice(testbed, { pauseMs: 1000 });
    await agent.nextEvent(since, 'CALL_INCOMING');
    // On a call it has not answered, baresip 1.0's hangup sends "486 Rejected" (checked below).
    await agent.hangup();
    const result = await caller;
    expect(result.code, describeSipp(result)).toBe(0);

    const { tried, played, digits, end } = await handled;
    expect(tried.outcome).toEqual({ kind: 'busy', legs: { [testbed.uri('agent1')]: 'busy' } });
    expect(tried.state).toBe('answered');
    expect(played).toEqual({ interrupted: false });
    expect(digits).toEqual<CollectedDigits>({ digits: '123', status: 'ok' });
    expect(end).toEqual<CallEnd>({ reason: 'caller-hung-up' });
    await agent.nextEvent(since, 'CALL_CLOSED');
    expect(agent.events.slice(since).some((e) => e.type === 'CALL_ESTABLISHED')).toBe(false);
    expect(testbed.logs('kamailio')).toMatch(/TESTBED REPLY 486 .* to INVITE sip:agent1@/);
    // The caller's hangup must not CANCEL the refused leg (RFC 3261 §9.1): give one a moment.
    await sleep(300);
    expect(testbed.logs('kamailio')).not.toMatch(/TESTBED REQ CANCEL/);
  });

  it('reports no-answer after the ring timeout, cancels the agent’s leg, and keeps the caller', async () => {
    const { testbed } = bed;
    const agent = testbed.agent('agent1');
    const since = agent.events.length;
    const cancelsBefore = testbed.logs('kamailio').match(/TESTBED REQ CANCEL sip:agent1@/g)?.length ?? 0;
    const handled = handleNextCall(async (call) => {
      await call.answer();
      const tried = await attempt(call, testbed.uri('agent1'), { ringTimeoutMs: 2000 });
      const digits = await call.collectDigits(COLLECT);
      return { tried, digits, end: await call.ended };
    });
    // The digits come 3.5 s after the answer: after the 2 s ring timeout.
    const result = await callOffice(testbed, { pauseMs: 2500 });
    expect(result.code, describeSipp(result)).toBe(0);

    const { tried, digits, end } = await handled;
    expect(tried.outcome).toEqual({ kind: 'no-answer', legs: { [testbed.uri('agent1')]: 'no-answer' } });
    expect(tried.state).toBe('answered');
    expect(tried.ms).toBeGreaterThanOrEqual(2000);
    expect(tried.ms).toBeLessThan(3000);
    expect(digits).toEqual<CollectedDigits>({ digits: '123', status: 'ok' });
    expect(end).toEqual<CallEnd>({ reason: 'caller-hung-up' });
    await agent.nextEvent(since, 'CALL_INCOMING');
    await agent.nextEvent(since, 'CALL_CLOSED');
    expect(agent.events.slice(since).some((e) => e.type === 'CALL_ESTABLISHED')).toBe(false);
    const log = testbed.logs('kamailio');
    expect(log.match(/TESTBED REQ CANCEL sip:agent1@/g)?.length ?? 0).toBe(cancelsBefore + 1);
    expect(log).toMatch(/TESTBED REPLY 487 .* to INVITE sip:agent1@/);
  });

  it('reports a signed-out agent (480) as no-answer and an unknown extension (404) as failed', async () => {
    const { testbed } = bed;
    const handled = handleNextCall(async (call) => {
      await call.answer();
      // agent2 is a user of the PBX, but its phone is not running (not registered).
      const signedOut = await attempt(call, testbed.uri('agent2'));
      const unknown = await attempt(call, testbed.uri('nobody'));
      const digits = await call.collectDigits(COLLECT);
      return { signedOut, unknown, digits, end: await call.ended };
    });
    const result = await callOffice(testbed, { pauseMs: 1000 });
    expect(result.code, describeSipp(result)).toBe(0);

    const { signedOut, unknown, digits, end } = await handled;
    expect(signedOut.outcome).toEqual({ kind: 'no-answer', legs: { [testbed.uri('agent2')]: 'no-answer' } });
    expect(signedOut.state).toBe('answered');
    // Kamailio answers at once, not after a ring timeout.
    expect(signedOut.ms).toBeLessThan(1000);
    expect(unknown.outcome).toEqual({
      kind: 'failed',
      reason: '404 Not Found',
      legs: { [testbed.uri('nobody')]: 'failed' },
    });
    expect(unknown.state).toBe('answered');
    expect(digits).toEqual<CollectedDigits>({ digits: '123', status: 'ok' });
    expect(end).toEqual<CallEnd>({ reason: 'caller-hung-up' });
    const log = testbed.logs('kamailio');
    expect(log).toMatch(/TESTBED UNREGISTERED agent2: 480 to INVITE/);
    expect(log).toMatch(/TESTBED UNKNOWN nobody: 404 to INVITE/);
  });
});

describe('trying the next agent after a busy one', () => {
  const { bed, handleNextCall } = useOfficeLine({
    auth: true,
    agents: ['agent1', 'agent2'],
    manualAnswer: ['agent1'],
  });

  it('bridges to agent2 after agent1 is busy, and the call works end to end', async () => {
    const { testbed } = bed;
    const [agent1, agent2] = [testbed.agent('agent1'), testbed.agent('agent2')];
    const since1 = agent1.events.length;
    const since2 = agent2.events.length;
    const handled = handleNextCall(async (call) => {
      await call.answer();
      const first = await attempt(call, testbed.uri('agent1'));
      const second = await attempt(call, testbed.uri('agent2'));
      return { first, second, end: await call.ended };
    });
    const caller = callOffice(testbed, { pauseMs: 1000 });
    await agent1.nextEvent(since1, 'CALL_INCOMING');
    await agent1.hangup();
    const result = await caller;
    expect(result.code, describeSipp(result)).toBe(0);

    const { first, second, end } = await handled;
    expect(first.outcome).toMatchObject({ kind: 'busy' });
    expect(first.state).toBe('answered');
    expect(second.outcome).toMatchObject({ kind: 'bridged' });
    expect(second.state).toBe('answered');
    // The caller's BYE ended the call and, through the bridge, agent2's leg.
    expect(end).toEqual<CallEnd>({ reason: 'caller-hung-up' });
    await agent2.nextEvent(since2, 'CALL_ESTABLISHED');
    await agent2.nextEvent(since2, 'CALL_CLOSED');
    const digits = agent2.events
      .slice(since2)
      .filter((e) => e.type === 'CALL_DTMF_START')
      .map((e) => e.param);
    expect(digits).toEqual(['1', '2', '3', '#']);
    // The caller's BYE went to agent2 only: no CANCEL for agent1's refused leg.
    expect(testbed.logs('kamailio')).not.toMatch(/TESTBED REQ CANCEL/);
  });
});
