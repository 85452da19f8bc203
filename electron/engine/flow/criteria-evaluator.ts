import { calendarStateAt, type Calendar } from '../../../shared/workflow/calendar.js';
import type { Criterion } from '../../../shared/workflow/criteria.js';
import type { QueueSnapshot } from './flow-services.js';

/** What a criterion is checked against at the moment the call reaches it. */
export interface CriterionFacts {
  variables: Readonly<Record<string, string>>;
  now: Date;
  calendars: readonly Calendar[];
  queue(teamId: string): QueueSnapshot;
}

/** Thrown when a criterion cannot be decided (a calendar or team that is gone): the step's error. */
export class CriterionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CriterionError';
  }
}

/** Whether one branch condition or trigger filter holds. */
export function criterionHolds(criterion: Criterion, facts: CriterionFacts): boolean {
  const { variables } = facts;
  switch (criterion.kind) {
    case 'office_hours': {
      const calendar = facts.calendars.find((c) => c.id === criterion.calendarId);
      if (!calendar) throw new CriterionError(`calendar "${criterion.calendarId}" does not exist`);
      const state = calendarStateAt(calendar, facts.now);
      // A holiday is closed too: "closed" is what a manager means by "outside office hours".
      return criterion.state === 'closed' ? state !== 'open' : state === criterion.state;
    }
    case 'caller_number':
      return numberMatches(variables.caller ?? '', criterion.op, criterion.value);
    case 'dialled_number':
      return numberMatches(variables.dialled ?? '', criterion.op, criterion.value);
    case 'caller_in_list': {
      const caller = normalizeNumber(variables.caller ?? '');
      return criterion.numbers.some((n) => normalizeNumber(n) === caller);
    }
    case 'line':
      return variables.line === criterion.lineId;
    case 'variable':
      return variableMatches(variables[criterion.name], criterion.op, criterion.value);
    case 'queue': {
      if (criterion.teamId === null) throw new CriterionError('no team chosen for a queue condition');
      const snapshot = facts.queue(criterion.teamId);
      const actual =
        criterion.metric === 'agents_available'
          ? snapshot.agentsAvailable
          : criterion.metric === 'calls_waiting'
            ? snapshot.callsWaiting
            : snapshot.longestWaitSec;
      return compare(actual, criterion.op, criterion.value);
    }
  }
}

/**
 * Numbers as PBXs present them differ in form (+82 10…, 010-…); compare digits, with a Korean
 * +82 prefix read as the national 0 so "01012345678" matches "+821012345678".
 */
function normalizeNumber(number: string): string {
  const digits = number.replace(/[^0-9+]/g, '');
  return digits.startsWith('+82') ? `0${digits.slice(3)}` : digits.replace(/^\+/, '');
}

function numberMatches(actual: string, op: 'equals' | 'starts_with', value: string): boolean {
  const a = normalizeNumber(actual);
  const v = normalizeNumber(value);
  return op === 'equals' ? a === v : a.startsWith(v);
}

function variableMatches(actual: string | undefined, op: string, value: string): boolean {
  const text = actual ?? '';
  switch (op) {
    case 'is_set':
      return text !== '';
    case 'is_empty':
      return text === '';
    case 'equals':
      return text === value;
    case 'not_equals':
      return text !== value;
    case 'starts_with':
      return text.startsWith(value);
    case 'contains':
      return text.includes(value);
    case 'lt':
    case 'gt': {
      const a = Number(text);
      const b = Number(value);
      if (text === '' || !Number.isFinite(a) || !Number.isFinite(b)) return false;
      return op === 'lt' ? a < b : a > b;
    }
    default:
      return false;
  }
}

function compare(actual: number, op: 'lt' | 'lte' | 'eq' | 'gte' | 'gt', value: number): boolean {
  switch (op) {
    case 'lt':
      return actual < value;
    case 'lte':
      return actual <= value;
    case 'eq':
      return actual === value;
    case 'gte':
      return actual >= value;
    case 'gt':
      return actual > value;
  }
}
