import { z } from 'zod';
import { phoneNumberSchema } from '../domain/line.js';

/** A workflow variable: a form input's name, or one the engine sets (see builtInVariables). */
export const variableNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'Letters, digits and _ only, starting with a letter');

/** Set by the engine on every call, before the first step. */
export const builtInVariables = ['caller', 'dialled', 'line', 'call_id'] as const;

/** Ids of things defined elsewhere (teams, agents, calendars); the validator checks they exist. */
export const referenceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');

const numberMatch = {
  op: z.enum(['equals', 'starts_with']),
  /** Digits with an optional + (a prefix for starts_with). */
  value: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{0,20}$/, 'Digits only, optionally starting with +'),
};

export const callerNumberCriterion = z.strictObject({ kind: z.literal('caller_number'), ...numberMatch });
export const callerInListCriterion = z.strictObject({
  kind: z.literal('caller_in_list'),
  /** The list's name as people know it ("VIP customers"). */
  listName: z.string().trim().max(80).default(''),
  numbers: z.array(phoneNumberSchema).max(5000),
});
export const dialledNumberCriterion = z.strictObject({ kind: z.literal('dialled_number'), ...numberMatch });
export const lineCriterion = z.strictObject({ kind: z.literal('line'), lineId: z.uuid() });
export const variableCriterion = z.strictObject({
  kind: z.literal('variable'),
  name: variableNameSchema,
  op: z.enum(['equals', 'not_equals', 'starts_with', 'contains', 'is_set', 'is_empty', 'lt', 'gt']),
  /** Compared as text, or as numbers for lt/gt; ignored by is_set/is_empty. */
  value: z.string().max(200).default(''),
});
/** Office hours by one of the workflow's calendars: open, closed (incl. holidays), or a holiday. */
export const officeHoursCriterion = z.strictObject({
  kind: z.literal('office_hours'),
  calendarId: referenceIdSchema,
  state: z.enum(['open', 'closed', 'holiday']),
});
/** The live state of a team's queue when the call reaches the step. */
export const queueCriterion = z.strictObject({
  kind: z.literal('queue'),
  teamId: referenceIdSchema.nullable(),
  metric: z.enum(['agents_available', 'calls_waiting', 'longest_wait_sec']),
  op: z.enum(['lt', 'lte', 'eq', 'gte', 'gt']),
  value: z.number().int().min(0).max(100_000),
});

/** What a branch can test. */
export const criterionSchema = z.discriminatedUnion('kind', [
  officeHoursCriterion,
  callerNumberCriterion,
  callerInListCriterion,
  dialledNumberCriterion,
  lineCriterion,
  variableCriterion,
  queueCriterion,
]);
export type Criterion = z.infer<typeof criterionSchema>;

/** What a trigger can filter calls on: who calls, which number, which line, variables. */
export const filterSchema = z.discriminatedUnion('kind', [
  callerNumberCriterion,
  callerInListCriterion,
  dialledNumberCriterion,
  lineCriterion,
  variableCriterion,
]);
export type Filter = z.infer<typeof filterSchema>;
