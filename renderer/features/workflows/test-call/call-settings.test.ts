import { describe, expect, it } from 'vitest';
import { defaultCallSettings, startParams } from './call-settings.js';

const workflowId = '0d0d0d0d-0d0d-4d0d-8d0d-0d0d0d0d0d0d';

describe('startParams', () => {
  it('calls the draft now, with every team having an agent free', () => {
    expect(startParams(workflowId, defaultCallSettings, ['t1', 't2'], 'Asia/Seoul')).toEqual({
      version: { draftOf: workflowId },
      caller: '01012345678',
      dialled: '',
      queues: {
        t1: { agentsAvailable: 1, callsWaiting: 0, longestWaitSec: 0 },
        t2: { agentsAvailable: 1, callsWaiting: 0, longestWaitSec: 0 },
      },
      farEnd: 'answers',
    });
  });

  it('takes the clock as office time and the overrides as set', () => {
    const params = startParams(
      workflowId,
      {
        caller: ' 0212345678 ',
        dialled: '15880000',
        clock: '2025-06-01T22:00',
        farEnd: 'busy',
        queues: { t1: { agentsAvailable: 0, callsWaiting: 4 } },
      },
      ['t1'],
      'Asia/Seoul',
    );
    expect(params).toMatchObject({
      caller: '0212345678',
      dialled: '15880000',
      startAt: '2025-06-01T13:00:00.000Z',
      queues: { t1: { agentsAvailable: 0, callsWaiting: 4, longestWaitSec: 0 } },
      farEnd: 'busy',
    });
  });
});
