import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The media worker runs compiled JavaScript, so the line agent is driven from the build output.
import type { BridgeOutcome } from '../../build/electron/engine/call/call.js';
import { systemClock } from '../../build/electron/engine/clock.js';
import { MediaHost } from '../../build/electron/engine/media/media-host.js';
import { LineAgent } from '../../build/electron/engine/sip/line-agent.js';
import { describeSipp, runSipp, SCENARIOS } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';

/**
 * A caller (SIPp) reaches the office line; the engine answers and bridges it to an agent
 * (baresip) as a B2BUA: the agent receives the caller's RFC 4733 digits through the bridge, and
 * the caller's BYE ends the agent's leg too.
 */
describe('bridging a caller to an agent', () => {
  let testbed: Testbed;
  let media: MediaHost;
  let line: LineAgent;
  const outcomes: BridgeOutcome[] = [];
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent1'] });
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

  it('relays the caller’s digits to the agent and ends both legs on the caller’s BYE', async () => {
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
    expect(outcomes).toEqual([{ kind: 'bridged' }]);
    await agent.waitForEvent((e) => e.type === 'CALL_CLOSED', 5000);
    const digits = agent.events.filter((e) => e.type === 'CALL_DTMF_START').map((e) => e.param);
    expect(digits).toEqual(['1', '2', '3', '#']);
  });
});
