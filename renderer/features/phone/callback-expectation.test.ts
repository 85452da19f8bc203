import { describe, expect, it } from 'vitest';
import { CALLBACK_ANSWER_WINDOW_MS, isExpectedCallback } from './callback-expectation.js';

describe('isExpectedCallback', () => {
  const expectation = { agentId: 'a1', number: '01012345678', at: 1000 };
  const callback = { direction: 'outbound' as const, dialled: '01012345678', agentId: 'a1' };

  it('matches the engine’s callback leg for this agent and number, soon after the click', () => {
    expect(isExpectedCallback(expectation, callback, 2000)).toBe(true);
    expect(isExpectedCallback(expectation, callback, 1000 + CALLBACK_ANSWER_WINDOW_MS)).toBe(true);
  });

  it('leaves every other ringing call for the agent to answer', () => {
    expect(isExpectedCallback(undefined, callback, 2000)).toBe(false);
    expect(isExpectedCallback(expectation, callback, 1001 + CALLBACK_ANSWER_WINDOW_MS)).toBe(false);
    expect(isExpectedCallback(expectation, callback, 999)).toBe(false);
    expect(isExpectedCallback(expectation, { ...callback, direction: 'inbound' }, 2000)).toBe(false);
    expect(isExpectedCallback(expectation, { ...callback, dialled: '01099998888' }, 2000)).toBe(false);
    expect(isExpectedCallback(expectation, { ...callback, agentId: 'a2' }, 2000)).toBe(false);
    expect(isExpectedCallback(expectation, { ...callback, agentId: null }, 2000)).toBe(false);
  });
});
