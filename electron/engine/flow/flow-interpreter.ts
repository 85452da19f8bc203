import type { Prompt, PromptLanguage } from '../../../shared/workflow/prompt.js';
import { mainLanguage } from '../../../shared/workflow/step-prompts.js';
import type { Step, StepOf } from '../../../shared/workflow/steps.js';
import { fillTemplate } from '../../../shared/workflow/template.js';
import { TRIGGER, TRIGGER_OUTPUT, type WorkflowDefinition } from '../../../shared/workflow/workflow.js';
import type { Call, CallEnd } from '../call/call.js';
import type { CollectedDigits } from '../call/digit-buffer.js';
import { criterionHolds } from './criteria-evaluator.js';
import type { FlowEvent, FlowServices } from './flow-services.js';
import { digitPhrase, type Phrase } from './phrases.js';

/** A published version as the interpreter runs it. */
export interface RunnableVersion {
  workflowId: string;
  versionId: string;
  definition: WorkflowDefinition;
}

/** How the workflow let go of the call. */
export type FlowResult =
  | { kind: 'ended-by-workflow' }
  | { kind: 'caller-hung-up' }
  /** An agent or a transfer target took the call; it is no longer the workflow's. */
  | { kind: 'connected' }
  /** A "waiting in queue" workflow ran out of steps: the caller waits on in the queue. */
  | { kind: 'back-to-queue' }
  | { kind: 'failed'; stepId: string | null; message: string };

/** A step that cannot run as configured (no team chosen, a prompt file gone). */
export class FlowStepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlowStepError';
  }
}

/**
 * Steps run per call before the engine gives up: far beyond any real menu walk, and a guard
 * should a loop slip past the validator (a caller pressing keys forever still ends somewhere).
 */
const MAX_STEPS = 500;
/** Times `*` may replay one menu in one visit. */
const MAX_REPLAYS = 10;
/** Times a caller may choose "enter it again" on one form visit. */
const MAX_REENTRIES = 5;

/** Outcomes after which a call that has nowhere to go hears why it ends. */
const DISAPPOINTED = new Set(['invalid', 'timeout', 'no_match', 'failed', 'no_answer']);

/**
 * Runs one published workflow version on one call, step by step, through the Call interface
 * only: every step is logged as entered and left (with its outcome) the moment it happens. A
 * step that fails never strands the caller: they hear an apology and the call ends, and the log
 * says why. Caller hang-up at any point ends the walk. An exit with nothing wired ends the call,
 * except in a "waiting in queue" workflow, where the caller goes back to waiting.
 */
export async function runWorkflow(
  call: Call,
  version: RunnableVersion,
  services: FlowServices,
): Promise<FlowResult> {
  const walk = new FlowWalk(call, version, services);
  return walk.run();
}

class FlowWalk {
  private readonly variables: Record<string, string>;
  private readonly steps: Map<string, Step>;
  private readonly language: PromptLanguage;
  /** What the current step found out (a form entry, a recording), logged with its exit. */
  private stepDetail: Record<string, unknown> | undefined;

  constructor(
    private readonly call: Call,
    private readonly version: RunnableVersion,
    private readonly services: FlowServices,
  ) {
    this.variables = { caller: call.caller, dialled: call.dialled, line: call.lineId, call_id: call.id };
    this.steps = new Map(version.definition.steps.map((step) => [step.id, step]));
    this.language = mainLanguage(version.definition);
  }

  async run(): Promise<FlowResult> {
    this.log({
      stepId: null,
      kind: 'call_started',
      detail: { caller: this.call.caller, dialled: this.call.dialled },
    });
    const result = await this.walk();
    if (result.kind === 'back-to-queue') {
      this.log({ stepId: null, kind: 'call_ended', outcome: result.kind });
      return result;
    }
    if (result.kind === 'connected') await this.call.ended;
    else if (this.call.state !== 'ended') await this.call.hangup();
    const end: CallEnd = await this.call.ended;
    this.log({ stepId: null, kind: 'call_ended', outcome: result.kind, detail: { ...end } });
    return result;
  }

  private async walk(): Promise<FlowResult> {
    if (this.call.state === 'ringing') await this.call.answer();
    if (this.call.state !== 'answered') return { kind: 'caller-hung-up' };
    let stepId = this.next(TRIGGER, TRIGGER_OUTPUT);
    for (let count = 0; stepId !== undefined; count++) {
      const step = this.steps.get(stepId);
      if (!step || count >= MAX_STEPS) {
        const message = step ? `more than ${MAX_STEPS} steps on one call` : `step "${stepId}" does not exist`;
        return this.fail(stepId, message);
      }
      this.log({ stepId: step.id, kind: 'entered' });
      this.stepDetail = undefined;
      let outcome: string;
      try {
        outcome = await this.runStep(step);
      } catch (error) {
        return this.fail(step.id, error instanceof Error ? error.message : String(error));
      }
      if (this.callEnded()) outcome = 'hangup';
      this.log({ stepId: step.id, kind: 'left', outcome, detail: this.stepDetail });
      if (outcome === 'hangup') return { kind: 'caller-hung-up' };
      if (outcome === 'connected') return { kind: 'connected' };
      if (outcome === 'end') return { kind: 'ended-by-workflow' };
      stepId = this.next(step.id, outcome);
      if (stepId === undefined) {
        if (this.version.definition.trigger.kind === 'waiting_in_queue') return { kind: 'back-to-queue' };
        await this.endWithoutPath(step, outcome);
      }
    }
    return { kind: this.callEnded() ? 'caller-hung-up' : 'ended-by-workflow' };
  }

  /** Read afresh each time: the caller can hang up during any await. */
  private callEnded(): boolean {
    return this.call.state === 'ended';
  }

  private next(source: string, output: string): string | undefined {
    return this.version.definition.edges.find((e) => e.source === source && e.output === output)?.target;
  }

  /** An exit with nothing wired: say why when the caller did not get what they came for. */
  private async endWithoutPath(step: Step, outcome: string): Promise<void> {
    if (step.kind === 'voicemail') await this.sayPhrase('voicemailSaved');
    else if (DISAPPOINTED.has(outcome)) await this.sayPhrase('goodbye');
  }

  private async fail(stepId: string | null, message: string): Promise<FlowResult> {
    this.log({ stepId, kind: 'error', outcome: 'error', detail: { message } });
    if (this.call.state === 'answered') {
      try {
        await this.sayPhrase('apology');
      } catch {
        // Not even the apology could be played: hang up without it.
      }
    }
    return { kind: 'failed', stepId, message };
  }

  private runStep(step: Step): Promise<string> {
    switch (step.kind) {
      case 'voice_message':
        return this.say(step.prompt).then(() => 'next');
      case 'end_call':
        return (step.prompt ? this.say(step.prompt) : Promise.resolve()).then(() => 'end');
      case 'branch':
        return Promise.resolve(this.branch(step));
      case 'ivr_buttons':
        return this.menu(step);
      case 'input_form':
        return this.form(step);
      case 'voicemail':
        return this.voicemail(step);
      case 'assign':
        return this.assign(step);
      case 'send_sms':
        return Promise.resolve(this.sendSms(step));
      case 'tag':
        this.services.addTags(this.call, step.tags);
        return Promise.resolve('next');
      case 'transfer':
        return this.transfer(step);
      case 'callback':
        return Promise.resolve(this.callback(step));
    }
  }

  private branch(step: StepOf<'branch'>): string {
    const facts = {
      variables: this.variables,
      now: this.services.now(),
      calendars: this.version.definition.calendars,
      queue: (teamId: string) => this.services.queue(teamId),
    };
    const match = step.branches.find((b) => b.all.every((criterion) => criterionHolds(criterion, facts)));
    return match ? `branch:${match.id}` : 'no_match';
  }

  private async menu(step: StepOf<'ivr_buttons'>): Promise<string> {
    const keys = new Set<string>(step.buttons.map((b) => b.key));
    let failures = 0;
    let replays = 0;
    for (;;) {
      await this.say(step.prompt, { bargeIn: true });
      const entry = await this.call.collectDigits({
        max: 1,
        terminator: '',
        firstDigitTimeoutMs: this.timeoutMs(step.timeoutSec),
      });
      if (entry.status === 'hangup') return 'hangup';
      if (entry.digits === '*' && replays < MAX_REPLAYS) {
        replays++;
        continue;
      }
      if (entry.status === 'ok' && keys.has(entry.digits)) return `key:${entry.digits}`;
      const failure = entry.status === 'timeout' ? 'timeout' : 'invalid';
      if (++failures > step.retries) return failure;
      await this.sayRetry(step, failure);
    }
  }

  private async form(step: StepOf<'input_form'>): Promise<string> {
    let failures = 0;
    let reentries = 0;
    for (;;) {
      await this.say(step.prompt, { bargeIn: true });
      const entry = await this.call.collectDigits({
        min: step.minDigits,
        max: step.maxDigits,
        terminator: step.terminator,
        firstDigitTimeoutMs: this.timeoutMs(step.timeoutSec),
        interDigitTimeoutMs: step.interDigitTimeoutSec * 1000,
      });
      if (entry.status === 'hangup') return 'hangup';
      let failure: 'invalid' | 'timeout' | undefined = entry.status === 'timeout' ? 'timeout' : undefined;
      if (!failure && !acceptable(entry, step)) failure = 'invalid';
      if (!failure) {
        const verdict = await this.confirmEntry(step, entry.digits);
        if (verdict === 'hangup') return 'hangup';
        if (verdict === 'accepted') {
          this.variables[step.variable] = entry.digits;
          this.stepDetail = { variable: step.variable, value: entry.digits };
          return 'next';
        }
        if (verdict === 'again' && reentries++ < MAX_REENTRIES) continue;
        failure = verdict === 'timeout' ? 'timeout' : 'invalid';
      }
      if (++failures > step.retries) return failure;
      await this.sayRetry(step, failure);
    }
  }

  /** Reads the entry back and asks for a yes, as the step says. */
  private async confirmEntry(
    step: StepOf<'input_form'>,
    digits: string,
  ): Promise<'accepted' | 'again' | 'invalid' | 'timeout' | 'hangup'> {
    if (step.readback) {
      await this.sayPhrase('youEntered');
      for (const digit of digits) {
        const phrase = digitPhrase(digit);
        if (phrase) await this.sayPhrase(phrase);
      }
    }
    if (!step.confirm) return 'accepted';
    await this.sayPhrase('confirm', { bargeIn: true });
    const answer = await this.call.collectDigits({
      max: 1,
      terminator: '',
      firstDigitTimeoutMs: this.timeoutMs(step.timeoutSec),
    });
    if (answer.status === 'hangup') return 'hangup';
    if (answer.status === 'timeout') return 'timeout';
    return answer.digits === '1' ? 'accepted' : answer.digits === '2' ? 'again' : 'invalid';
  }

  private async voicemail(step: StepOf<'voicemail'>): Promise<string> {
    await this.say(step.greeting);
    if (this.call.state !== 'answered') return 'hangup';
    await this.call.play(beep());
    const recording = await this.call.record({
      path: this.services.voicemailPath(this.call),
      maxMs: step.maxSec * 1000,
      silenceMs: step.silenceSec * 1000,
      finishOnKey: step.finishOnKey,
    });
    // A message is kept even if the caller hung up to end it: that is how most people do.
    if (recording.heardSound) this.services.saveVoicemail(this.call, recording, step.teamId);
    this.stepDetail = {
      durationMs: recording.durationMs,
      kept: recording.heardSound,
      reason: recording.reason,
    };
    return recording.reason === 'hangup' ? 'hangup' : 'next';
  }

  private async assign(step: StepOf<'assign'>): Promise<string> {
    const { target } = step;
    const resolved =
      target.kind === 'team'
        ? target.teamId !== null && { kind: 'team' as const, teamId: target.teamId }
        : target.agentId !== null && { kind: 'agent' as const, agentId: target.agentId };
    if (!resolved) throw new FlowStepError(`no ${target.kind} chosen`);
    const outcome = await this.services.assign(this.call, resolved, {
      ringTimeoutMs: step.ringTimeoutSec * 1000,
      language: this.language,
      variables: this.variables,
    });
    if (outcome.kind === 'connected') return 'connected';
    this.stepDetail = { why: outcome.why };
    return 'no_answer';
  }

  private sendSms(step: StepOf<'send_sms'>): string {
    const to = step.to.kind === 'caller' ? this.call.caller : step.to.number;
    this.services.sendSms(this.call, to, fillTemplate(step.template, this.variables));
    return 'next';
  }

  private callback(step: StepOf<'callback'>): string {
    const number = step.numberVariable === null ? this.call.caller : this.variables[step.numberVariable];
    if (!number) throw new FlowStepError(`no number in variable "${step.numberVariable ?? 'caller'}"`);
    this.services.requestCallback(this.call, { number, teamId: step.teamId, reason: step.reason });
    this.stepDetail = { number };
    return 'next';
  }

  private async transfer(step: StepOf<'transfer'>): Promise<string> {
    // Checked again at the moment of dialling: the allow-list may have shrunk since publishing.
    if (!this.services.transferAllowList().includes(step.number)) {
      this.log({
        stepId: step.id,
        kind: 'error',
        outcome: 'not_allowed',
        detail: { message: `${step.number} is not on the transfer allow-list`, number: step.number },
      });
      return 'failed';
    }
    const outcome = await this.call.putThrough(this.services.numberUri(this.call, step.number), {
      ringTimeoutMs: step.ringTimeoutSec * 1000,
    });
    return outcome.kind === 'bridged' || outcome.kind === 'transferred' ? 'connected' : 'failed';
  }

  private async sayRetry(
    step: StepOf<'ivr_buttons' | 'input_form'>,
    failure: 'invalid' | 'timeout',
  ): Promise<void> {
    const prompt = failure === 'invalid' ? step.invalidPrompt : step.timeoutPrompt;
    if (prompt) await this.say(prompt);
    else await this.sayPhrase(failure);
  }

  private timeoutMs(stepTimeoutSec: number | null): number {
    return (stepTimeoutSec ?? this.version.definition.trigger.inputTimeoutSec) * 1000;
  }

  private async say(prompt: Prompt, options: { bargeIn?: boolean } = {}): Promise<void> {
    let audio: Int16Array;
    try {
      audio = await this.services.promptAudio(prompt);
    } catch (error) {
      throw new FlowStepError(
        `prompt audio missing: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    await this.call.play(audio, options);
  }

  private async sayPhrase(phrase: Phrase, options: { bargeIn?: boolean } = {}): Promise<void> {
    await this.call.play(await this.services.phraseAudio(phrase, this.language), options);
  }

  private log(event: Omit<FlowEvent, 'callId' | 'workflowId' | 'versionId' | 'at'>): void {
    this.services.record({
      callId: this.call.id,
      workflowId: this.version.workflowId,
      versionId: this.version.versionId,
      at: this.services.now(),
      ...event,
    });
  }
}

/** Digits only, and with one of the allowed prefixes when the step names some. */
function acceptable(entry: CollectedDigits, step: StepOf<'input_form'>): boolean {
  if (entry.status !== 'ok' || !/^[0-9]+$/.test(entry.digits)) return false;
  return step.startsWith.length === 0 || step.startsWith.some((prefix) => entry.digits.startsWith(prefix));
}

/** The 400 ms, 1 kHz tone before a voicemail: "speak now" in every language. */
function beep(): Int16Array {
  const pcm = new Int16Array(8000 * 0.4);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * 1000 * i) / 8000));
  return pcm;
}
