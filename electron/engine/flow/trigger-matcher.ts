import { calendarStateAt } from '../../../shared/workflow/calendar.js';
import type { Trigger } from '../../../shared/workflow/trigger.js';
import type { WorkflowDefinition } from '../../../shared/workflow/workflow.js';
import { criterionHolds, CriterionError } from './criteria-evaluator.js';
import type { QueueSnapshot } from './flow-services.js';

/** The call as a trigger sees it. */
export interface TriggerFacts {
  caller: string;
  dialled: string;
  lineId: string;
  now: Date;
}

const noQueue = (): QueueSnapshot => ({ agentsAvailable: 0, callsWaiting: 0, longestWaitSec: 0 });

/**
 * Whether a workflow takes a call: its schedule is active now and every filter holds. A filter
 * that cannot be decided (a calendar since removed) counts as not matching, so the next
 * workflow takes the call rather than none.
 */
export function triggerMatches(definition: WorkflowDefinition, facts: TriggerFacts): boolean {
  const trigger: Trigger = definition.trigger;
  const variables = { caller: facts.caller, dialled: facts.dialled, line: facts.lineId };
  try {
    if (!scheduleActive(definition, facts.now)) return false;
    return trigger.filters.every((filter) =>
      criterionHolds(filter, { variables, now: facts.now, calendars: definition.calendars, queue: noQueue }),
    );
  } catch (error) {
    if (error instanceof CriterionError) return false;
    throw error;
  }
}

function scheduleActive(definition: WorkflowDefinition, now: Date): boolean {
  const schedule = definition.trigger.schedule;
  switch (schedule.kind) {
    case 'always':
      return true;
    case 'date_range':
      return now.getTime() >= Date.parse(schedule.from) && now.getTime() < Date.parse(schedule.to);
    case 'calendar': {
      const calendar = definition.calendars.find((c) => c.id === schedule.calendarId);
      if (!calendar) throw new CriterionError(`calendar "${schedule.calendarId}" does not exist`);
      const open = calendarStateAt(calendar, now) === 'open';
      return schedule.when === 'open' ? open : !open;
    }
  }
}
