import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The media worker runs compiled JavaScript, so the line agent is driven from the build output.
import type { BridgeOutcome } from '../../build/electron/engine/call/call.js';
import { systemClock } from '../../build/electron/engine/clock.js';
import { MediaHost } from '../../build/electron/engine/media/media-host.js';
import { LineAgent } from '../../build/electron/engine/sip/line-agent.js';
import { describeSipp, runSipp, SCENARIOS } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';

/**
 * The caller gives up while the agent's phone still rings: the engine cancels the agent's leg
 * (CANCEL, RFC 3261 §9.1), so the agent's phone stops ringing, and the attempt ends unanswered.
 */
describe('a caller who hangs up while the agent rings', () => {
  let testbed: Testbed;
  let media: MediaHost;
  let line: LineAgent;
  const outcomes: BridgeOutcome[] = [];
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent1'], manualAnswer: ['agent1'] });
    media = new MediaHost(logger);
    let registered: () => void = () => undefined;
    const isRegistered = new Promise<void>((resolve) => (registered = resolve));
    line = new LineAgent({
      account: {
        id: 'line-1',
        displayName: 'Office',
        registrar: testbed.proxyAddress,
        username: 'office',
        authUsername: null,
        password: testbed.users.office,
        transport: 'udp',
      },
      clock: systemClock,
      logger,
      media,
      onStatus: (status) => {
        if (status.state === 'registered') registered();
      },
      onCall: (call) => {
        void call.answer().then(async () => outcomes.push(await call.bridgeTo(testbed.uri('agent1'))));
      },
    });
    await line.start();
    await isRegistered;
  });
  afterAll(async () => {
    await line?.stop();
    await media?.shutdown();
    await testbed?.stop();
  });

  it('cancels the ringing agent leg', async () => {
    const agent = testbed.agent('agent1');
    const result = await runSipp({
      scenario: SCENARIOS.uacDtmf,
      service: 'office',
      remote: testbed.proxyAddress,
      auth: { user: 'caller1', password: testbed.users.caller1 },
      dir: testbed.dir,
      timeoutSeconds: 20,
    });
    expect(result.code, describeSipp(result)).toBe(0);
    await agent.waitForEvent((e) => e.type === 'CALL_CLOSED', 5000);
    expect(agent.events.some((e) => e.type === 'CALL_INCOMING')).toBe(true);
    expect(agent.events.some((e) => e.type === 'CALL_ESTABLISHED')).toBe(false);
    await vi.waitFor(() => expect(outcomes).toEqual([{ kind: 'no-answer' }]));
    expect(testbed.logs('kamailio')).toMatch(/TESTBED REQ CANCEL sip:agent1@/);
  });
});
