/**
 * Proof that the SIP test bed works end to end, before other tests rely on it: real kamailio,
 * rtpengine, baresip and SIPp inside the private network namespace (scripts/in-netns.mjs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPidAlive } from '../pbx/process-supervisor.js';
import { describeSipp, runSipp, SCENARIOS } from '../pbx/sipp.js';
import { startTestbed, USERS, type Testbed } from '../pbx/testbed.js';

describe('SIP test bed (kamailio + rtpengine + baresip + SIPp)', () => {
  let testbed: Testbed | undefined;

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent1'] });
    const t = testbed.timings;
    console.info(
      `test bed started in ${Math.round(t.total)} ms (rtpengine ${Math.round(t.rtpengine)}, ` +
        `kamailio ${Math.round(t.kamailio)}, agents ${Math.round(t.agents)})`,
    );
  });

  afterAll(async () => {
    if (!testbed) return;
    const pids = testbed.pids();
    const started = performance.now();
    await testbed.stop();
    console.info(`test bed stopped in ${Math.round(performance.now() - started)} ms`);
    // rtpengine, kamailio (main process and its workers), agent1.
    expect(pids.length).toBeGreaterThanOrEqual(4);
    expect(pids.filter(isPidAlive), 'processes still alive after stop()').toEqual([]);
  });

  const bed = (): Testbed => {
    if (!testbed) throw new Error('the test bed did not start');
    return testbed;
  };

  it('registers agent1 only after a digest challenge', () => {
    // Registration finished inside startTestbed(); kamailio logged each step.
    const log = bed().logs('kamailio');
    const challenged = log.indexOf('TESTBED AUTH challenge REGISTER from agent1 (code -5)'); // no credentials
    const authenticated = log.indexOf('TESTBED AUTH ok REGISTER from agent1');
    const saved = log.indexOf('TESTBED REGISTERED agent1');
    expect(challenged, log).toBeGreaterThanOrEqual(0);
    expect(authenticated, log).toBeGreaterThan(challenged);
    expect(saved, log).toBeGreaterThan(authenticated);
    expect(
      bed()
        .agent('agent1')
        .events.map((e) => e.type),
    ).not.toContain('REGISTER_FAIL');
  });

  it('refuses a call with a wrong password', async () => {
    const agent1 = bed().agent('agent1');
    const eventsBefore = agent1.events.length;
    const result = await runSipp({
      scenario: SCENARIOS.uacDtmf,
      service: 'agent1',
      remote: bed().proxyAddress,
      auth: { user: 'caller1', password: 'not-the-password' },
      dir: bed().dir,
      timeoutSeconds: 10,
    });
    expect(result.code, describeSipp(result)).not.toBe(0);
    // The INVITE with credentials was challenged again instead of reaching agent1.
    expect(result.errors, describeSipp(result)).toContain("received 'SIP/2.0 407 ");
    expect(result.errors, describeSipp(result)).toContain('CSeq: 2 INVITE');
    expect(bed().logs('kamailio')).toContain('TESTBED AUTH challenge INVITE from caller1 (code -2)'); // wrong password
    expect(agent1.events.slice(eventsBefore).map((e) => e.type)).not.toContain('CALL_ESTABLISHED');
  });

  it('carries a call from caller1 through the proxy to agent1, with RFC 4733 DTMF', async () => {
    const agent1 = bed().agent('agent1');
    const eventsBefore = agent1.events.length;
    const logBefore = bed().logs('kamailio').length;
    const result = await runSipp({
      scenario: SCENARIOS.uacDtmf,
      service: 'agent1',
      remote: bed().proxyAddress,
      auth: { user: 'caller1', password: USERS.caller1 },
      dir: bed().dir,
      timeoutSeconds: 20,
    });
    expect(result.code, describeSipp(result)).toBe(0);

    // SIPp hung up; agent1 reports the end of the call.
    await agent1.waitForEvent(
      (e) => e.type === 'CALL_CLOSED' && agent1.events.indexOf(e) >= eventsBefore,
      5000,
    );
    const events = agent1.events.slice(eventsBefore);
    const dump = JSON.stringify(events.map((e) => [e.type, e.param ?? '']));

    // agent1 answered by itself (answermode=auto) a call that came from caller1.
    const established = events.find((e) => e.type === 'CALL_ESTABLISHED');
    expect(established, dump).toBeDefined();
    expect(established?.peeruri).toMatch(/^sip:caller1@/);

    // Each digit starts and ends before the next: 1, 2, 3, #.
    const dtmf = events.filter((e) => e.type === 'CALL_DTMF_START' || e.type === 'CALL_DTMF_END');
    expect(
      dtmf.map((e) => (e.type === 'CALL_DTMF_START' ? `start ${e.param ?? '?'}` : 'end')),
      dump,
    ).toEqual(['start 1', 'end', 'start 2', 'end', 'start 3', 'end', 'start #', 'end']);

    // The INVITE went through kamailio, challenged first and then accepted.
    const log = bed().logs('kamailio').slice(logBefore);
    expect(log).toContain('TESTBED AUTH challenge INVITE from caller1 (code -5)');
    expect(log).toContain('TESTBED AUTH ok INVITE from caller1');
  });
});
