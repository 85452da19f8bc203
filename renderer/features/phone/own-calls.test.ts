import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OWN_CALLS_LAPSE_MS } from '../../../shared/domain/agents.js';
import { OwnCallsReport, ownCallCount } from './own-calls.js';

const engineCall = { conversationId: 'c1' };
const direct = { conversationId: undefined };

describe('ownCallCount', () => {
  it('counts calls the engine did not place once they occupy the phone', () => {
    expect(ownCallCount(undefined)).toBe(0);
    expect(ownCallCount({ phase: 'dialing', session: direct })).toBe(1);
    expect(ownCallCount({ phase: 'talking', session: direct })).toBe(1);
    // A colleague's direct call still ringing does not take the agent out of the queues yet.
    expect(ownCallCount({ phase: 'ringing', session: direct })).toBe(0);
    expect(ownCallCount({ phase: 'talking', session: engineCall })).toBe(0);
    // Consulting a colleague during an engine call.
    expect(ownCallCount({ phase: 'talking', session: engineCall, consult: { phase: 'dialing' } })).toBe(1);
    expect(ownCallCount({ phase: 'talking', session: engineCall, consult: { phase: 'ended' } })).toBe(0);
  });
});

describe('OwnCallsReport', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports each change once, repeats a non-zero count within the lapse, and stops at zero', async () => {
    const sent: number[] = [];
    const report = new OwnCallsReport(async (calls) => sent.push(calls));
    report.update(0);
    report.update(1);
    report.update(1);
    expect(sent).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(OWN_CALLS_LAPSE_MS);
    expect(sent).toEqual([0, 1, 1, 1, 1]);
    report.update(0);
    await vi.advanceTimersByTimeAsync(OWN_CALLS_LAPSE_MS);
    expect(sent).toEqual([0, 1, 1, 1, 1, 0]);
  });

  it('says it again after a failed send, and after the API reconnects', async () => {
    const sent: number[] = [];
    let down = true;
    const report = new OwnCallsReport(async (calls) => {
      if (down) throw new Error('API disconnected');
      sent.push(calls);
    });
    report.update(1);
    await vi.advanceTimersByTimeAsync(0);
    down = false;
    report.update(1);
    expect(sent).toEqual([1]);
    report.resend();
    expect(sent).toEqual([1, 1]);
    report.stop();
  });
});
