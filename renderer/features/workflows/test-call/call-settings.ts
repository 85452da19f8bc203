import type { Params } from '../../../../shared/rpc/contract.js';
import { zonedToDate } from './zoned-time.js';

export type FarEnd = 'answers' | 'busy' | 'no-answer';
export const farEnds: readonly FarEnd[] = ['answers', 'busy', 'no-answer'];

export interface QueueOverride {
  agentsAvailable: number;
  callsWaiting: number;
}

/** How the next test call is placed: who calls which number, when, and how busy the teams are. */
export interface CallSettings {
  caller: string;
  dialled: string;
  /** Office wall-clock time 'YYYY-MM-DDTHH:mm'; empty for now. */
  clock: string;
  farEnd: FarEnd;
  /** By team id; a team not listed has DEFAULT_QUEUE. */
  queues: Readonly<Record<string, QueueOverride>>;
}

/** A team with no override has an agent free, so that assigning to it connects. */
export const DEFAULT_QUEUE: QueueOverride = { agentsAvailable: 1, callsWaiting: 0 };

export const defaultCallSettings: CallSettings = {
  caller: '01012345678',
  dialled: '',
  clock: '',
  farEnd: 'answers',
  queues: {},
};

/** 'simulator.start' for the draft of `workflowId` with these settings. */
export function startParams(
  workflowId: string,
  settings: CallSettings,
  teamIds: readonly string[],
  timeZone: string,
): Params<'simulator.start'> {
  const startAt = settings.clock ? zonedToDate(settings.clock, timeZone) : undefined;
  return {
    version: { draftOf: workflowId },
    caller: settings.caller.trim(),
    dialled: settings.dialled.trim(),
    ...(startAt && { startAt: startAt.toISOString() }),
    queues: Object.fromEntries(
      teamIds.map((id) => {
        const queue = settings.queues[id] ?? DEFAULT_QUEUE;
        return [id, { ...queue, longestWaitSec: 0 }];
      }),
    ),
    farEnd: settings.farEnd,
  };
}
