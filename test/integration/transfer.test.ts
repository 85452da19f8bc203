import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The media worker runs compiled JavaScript, so the line agent is driven from the build output.
import type { TransferOutcome } from '../../build/electron/engine/call/call.js';
import { systemClock } from '../../build/electron/engine/clock.js';
import { MediaHost } from '../../build/electron/engine/media/media-host.js';
import { LineAgent } from '../../build/electron/engine/sip/line-agent.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';

/**
 * Blind transfer (REFER, RFC 3515): a baresip caller reaches the office line, the engine REFERs
 * it to agent1; the caller places that call itself, reports success by NOTIFY, and agent1 answers.
 */
describe('blind transfer with REFER', () => {
  let testbed: Testbed;
  let media: MediaHost;
  let line: LineAgent;
  const outcomes: TransferOutcome[] = [];
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent1', 'agent2'] });
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
        void call.answer().then(async () => outcomes.push(await call.transfer(testbed.uri('agent1'))));
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

  it('moves the caller to agent1 and reports success', async () => {
    const caller = testbed.agent('agent2');
    const agent = testbed.agent('agent1');
    await caller.command('dial', testbed.uri('office'));
    await agent.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000);
    await vi.waitFor(() => expect(outcomes).toEqual([{ kind: 'transferred' }]), { timeout: 10_000 });
    expect(agent.events.find((e) => e.type === 'CALL_ESTABLISHED')?.peeruri).toMatch(/agent2/);
  });
});
