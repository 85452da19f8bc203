import { z } from 'zod';
import { phoneNumberSchema } from '../domain/line.js';
import { criterionSchema, referenceIdSchema, variableNameSchema } from './criteria.js';
import { promptSchema } from './prompt.js';

/** A step's id within its workflow: stable across edits, used by edges and call events. */
export const stepIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Not a valid step id');

/** Keys a caller can press for a menu choice; `*` is kept for "say that again". */
export const menuKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '#'] as const;
export const menuKeySchema = z.enum(menuKeys);
export type MenuKey = z.infer<typeof menuKeySchema>;

const stepBase = {
  id: stepIdSchema,
  /** What people call the step; also an IVR button's label when the button sets none. */
  name: z.string().trim().max(80),
  /** Where the editor draws it; the engine ignores it. */
  position: z.strictObject({ x: z.number().finite(), y: z.number().finite() }).optional(),
};

/** How a step that waits for keys treats silence and wrong keys before taking its path. */
const inputHandling = {
  /** Seconds to wait for a key; null for the trigger's input timeout. */
  timeoutSec: z.number().int().min(1).max(120).nullable().default(null),
  /** Times the step asks again after a timeout or an invalid entry before taking that path. */
  retries: z.number().int().min(0).max(5).default(2),
  /** Said after a wrong key or entry, before asking again; null for the built-in sentence. */
  invalidPrompt: promptSchema.nullable().default(null),
  /** Said when nothing was pressed, before asking again; null for the built-in sentence. */
  timeoutPrompt: promptSchema.nullable().default(null),
};

export const branchStep = z.strictObject({
  kind: z.literal('branch'),
  ...stepBase,
  /** Tried in order; the first whose criteria all hold wins, else "no match". */
  branches: z
    .array(
      z.strictObject({
        id: stepIdSchema,
        name: z.string().trim().max(80),
        all: z.array(criterionSchema).max(10),
      }),
    )
    .max(20),
});

export const ivrButtonsStep = z.strictObject({
  kind: z.literal('ivr_buttons'),
  ...stepBase,
  prompt: promptSchema,
  buttons: z
    .array(
      z.strictObject({
        key: menuKeySchema,
        /** Shown on the canvas; empty to use the linked step's name. */
        label: z.string().trim().max(80).default(''),
      }),
    )
    .max(menuKeys.length),
  ...inputHandling,
});

export const voiceMessageStep = z.strictObject({
  kind: z.literal('voice_message'),
  ...stepBase,
  prompt: promptSchema,
});

export const endCallStep = z.strictObject({
  kind: z.literal('end_call'),
  ...stepBase,
  /** A goodbye said before hanging up, if any. */
  prompt: promptSchema.nullable().default(null),
});

export const voicemailStep = z.strictObject({
  kind: z.literal('voicemail'),
  ...stepBase,
  greeting: promptSchema,
  maxSec: z.number().int().min(5).max(600).default(120),
  /** The message ends after this much silence once the caller has spoken; 0 never. */
  silenceSec: z.number().int().min(0).max(30).default(5),
  /** Pressing it ends the message. */
  finishOnKey: z.enum(['#', '*', '']).default('#'),
  /** The team whose inbox gets the message; null for everyone's. */
  teamId: referenceIdSchema.nullable().default(null),
});

export const inputFormStep = z
  .strictObject({
    kind: z.literal('input_form'),
    ...stepBase,
    prompt: promptSchema,
    /** Where the entry is kept for later steps, the inbox and the agent's screen pop. */
    variable: variableNameSchema,
    minDigits: z.number().int().min(1).max(30),
    maxDigits: z.number().int().min(1).max(30),
    /** Ends the entry early; '' when only the digit count or a pause ends it. */
    terminator: z.enum(['#', '*', '']).default('#'),
    /** Accepted prefixes, e.g. ["01"] for Korean mobile numbers; empty for any. */
    startsWith: z
      .array(z.string().regex(/^[0-9]{1,10}$/))
      .max(20)
      .default([]),
    /** Read the entry back to the caller, digit by digit. */
    readback: z.boolean().default(false),
    /** Ask "press 1 if correct, 2 to enter it again" after the readback. */
    confirm: z.boolean().default(false),
    /** Seconds allowed between two digits. */
    interDigitTimeoutSec: z.number().int().min(1).max(30).default(5),
    ...inputHandling,
  })
  .refine((s) => s.minDigits <= s.maxDigits, {
    message: 'The minimum number of digits cannot be more than the maximum',
    path: ['minDigits'],
  });

export const assignStep = z.strictObject({
  kind: z.literal('assign'),
  ...stepBase,
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('team'), teamId: referenceIdSchema.nullable() }),
    z.strictObject({ kind: z.literal('agent'), agentId: referenceIdSchema.nullable() }),
  ]),
  /** How long an agent's phone rings before the next one (or the no-answer path). */
  ringTimeoutSec: z.number().int().min(5).max(120).default(20),
});

export const sendSmsStep = z.strictObject({
  kind: z.literal('send_sms'),
  ...stepBase,
  to: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('caller') }),
    z.strictObject({ kind: z.literal('number'), number: phoneNumberSchema }),
  ]),
  /** Text with {{variable}} placeholders. */
  template: z.string().max(1000),
});

export const tagStep = z.strictObject({
  kind: z.literal('tag'),
  ...stepBase,
  tags: z.array(z.string().trim().min(1).max(40)).max(20),
});

export const transferStep = z.strictObject({
  kind: z.literal('transfer'),
  ...stepBase,
  /** Must be on the office's transfer allow-list (toll fraud: no IVR path dials anything else). */
  number: z.string().trim().max(40),
  ringTimeoutSec: z.number().int().min(5).max(120).default(30),
});

/** Saves a callback request for the team's inbox: someone calls the number back later. */
export const callbackStep = z.strictObject({
  kind: z.literal('callback'),
  ...stepBase,
  /** The variable holding the number to call (a form's entry); null for the caller's number. */
  numberVariable: variableNameSchema.nullable().default(null),
  teamId: referenceIdSchema.nullable().default(null),
  /** Why, as the inbox shows it ("Asked for a callback while the queue was long"). */
  reason: z.string().trim().max(200).default(''),
});

export const stepSchema = z.discriminatedUnion('kind', [
  branchStep,
  ivrButtonsStep,
  voiceMessageStep,
  endCallStep,
  voicemailStep,
  inputFormStep,
  assignStep,
  sendSmsStep,
  tagStep,
  transferStep,
  callbackStep,
]);
export type Step = z.infer<typeof stepSchema>;
/** A step as written (in JSON, a recipe, a test), before defaults are filled in. */
export type StepInput = z.input<typeof stepSchema>;
export type StepKind = Step['kind'];
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;

/**
 * The named exits of a step, in the order the editor draws them: where an edge may start.
 * A step without an edge on an exit ends the call there (politely: see the interpreter).
 */
export function outputsOf(step: Step): string[] {
  switch (step.kind) {
    case 'branch':
      return [...step.branches.map((b) => `branch:${b.id}`), 'no_match'];
    case 'ivr_buttons':
      return [...step.buttons.map((b) => `key:${b.key}`), 'invalid', 'timeout'];
    case 'input_form':
      return ['next', 'invalid', 'timeout'];
    case 'assign':
      return ['no_answer'];
    case 'transfer':
      return ['failed'];
    case 'end_call':
      return [];
    case 'voice_message':
    case 'voicemail':
    case 'send_sms':
    case 'tag':
    case 'callback':
      return ['next'];
  }
}

/** Steps that wait for the caller (keys, speech, an agent): a loop must pass one of them. */
export function waitsForCaller(step: Step): boolean {
  return ['ivr_buttons', 'input_form', 'voicemail', 'assign'].includes(step.kind);
}
