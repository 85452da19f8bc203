import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../manual-clock.js';
import type { OutgoingOutcome } from './outgoing-call.js';
import type { ReferTarget } from './refer-to.js';
import { AgentTransfer, type TransferLeg } from './transfer-by-agent.js';

/**
 * The transfer state machine on its own: fake legs whose outcomes the test decides, a manual
 * clock. (The live proof with Kamailio, baresip and SIPp: test/integration/agent-transfer.test.ts.)
 */
function harness() {
  const clock = new ManualClock();
  const log: string[] = [];
  const transferor = {
    isUp: true,
    notify: vi.fn(async (status: number) => void log.push(`notify ${status}`)),
    hangup: vi.fn(async () => {
      log.push('bye agent');
      transferor.isUp = false;
    }),
  };
  const caller = {
    isUp: true,
    waitForTarget: vi.fn(() => void log.push('ringback')),
    connect: vi.fn(() => {
      log.push('bridged to target');
      return true;
    }),
    backToTransferor: vi.fn(() => void log.push('back to agent')),
  };
  let settle!: (outcome: OutgoingOutcome) => void;
  const leg: TransferLeg = {
    start: () => new Promise((resolve) => (settle = resolve)),
    hangup: vi.fn(async () => {
      log.push('hang up target');
      settle({ kind: 'cancelled' });
    }),
  };
  const dial = vi.fn((target: ReferTarget) => {
    log.push(`dial ${target.uri}`);
    return leg;
  });
  const transfer = new AgentTransfer({
    clock,
    logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
    transferor,
    caller,
    dial,
    ringTimeoutMs: 30_000,
  });
  const target: ReferTarget = { uri: 'sip:202@pbx', user: '202', replaces: undefined };
  return { clock, log, transferor, caller, leg, transfer, target, settle: (o: OutgoingOutcome) => settle(o) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('AgentTransfer', () => {
  it('answered: NOTIFY 100, ringback, bridge to the target, NOTIFY 200, then BYE the agent', async () => {
    const h = harness();
    const result = h.transfer.run(h.target);
    await flush();
    expect(h.log).toEqual(['notify 100', 'ringback', 'dial sip:202@pbx']);
    h.settle({ kind: 'answered' });
    await expect(result).resolves.toMatchObject({ kind: 'transferred' });
    expect(h.log.slice(3)).toEqual(['bridged to target', 'notify 200', 'bye agent']);
  });

  it('answered after the agent hung up: no BYE of ours', async () => {
    const h = harness();
    const result = h.transfer.run(h.target);
    h.transferor.isUp = false;
    await flush();
    h.settle({ kind: 'answered' });
    await expect(result).resolves.toMatchObject({ kind: 'transferred' });
    expect(h.transferor.hangup).not.toHaveBeenCalled();
  });

  it('busy: the caller goes back to the agent at once (transfer recall), then NOTIFY 486', async () => {
    const h = harness();
    const result = h.transfer.run(h.target);
    await flush();
    h.settle({ kind: 'busy', status: 486 });
    await expect(result).resolves.toEqual({ kind: 'recalled', status: 486 });
    expect(h.log.slice(3)).toEqual(['back to agent', 'notify 486']);
    expect(h.caller.connect).not.toHaveBeenCalled();
  });

  it('rings out: the target is cancelled at the ring timeout and NOTIFY says 408', async () => {
    const h = harness();
    const result = h.transfer.run(h.target);
    await flush();
    h.clock.advance(30_000);
    await expect(result).resolves.toEqual({ kind: 'recalled', status: 408 });
    expect(h.log).toContain('hang up target');
  });

  it('refused after the agent hung up: failed, nobody to go back to', async () => {
    const h = harness();
    const result = h.transfer.run(h.target);
    await flush();
    h.transferor.isUp = false;
    h.settle({ kind: 'declined', status: 404, reason: 'Not Found' });
    await expect(result).resolves.toEqual({ kind: 'failed', status: 404 });
    expect(h.caller.backToTransferor).not.toHaveBeenCalled();
  });

  it('the caller hangs up while the target rings: the target is cancelled, NOTIFY 487', async () => {
    const h = harness();
    const result = h.transfer.run(h.target);
    await flush();
    h.caller.isUp = false;
    h.transfer.cancel();
    await expect(result).resolves.toEqual({ kind: 'abandoned' });
    expect(h.log.slice(3)).toEqual(['hang up target', 'notify 487']);
  });
});
