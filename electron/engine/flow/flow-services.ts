import type { Prompt, PromptLanguage } from '../../../shared/workflow/prompt.js';
import type { RecordingResult } from '../media/media-worker-protocol.js';
import type { Call } from '../call/call.js';
import type { Phrase } from './phrases.js';

/** The live state of a team's queue, as branch criteria read it. */
export interface QueueSnapshot {
  agentsAvailable: number;
  callsWaiting: number;
  longestWaitSec: number;
}

/** One row of the call's step log (call_events): written as it happens, never batched. */
export interface FlowEvent {
  callId: string;
  workflowId: string;
  versionId: string;
  stepId: string | null;
  kind: 'call_started' | 'entered' | 'left' | 'error' | 'call_ended';
  /** How the step was left: 'key:2', 'timeout', 'invalid', 'next', 'branch:x', 'hangup', … */
  outcome?: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/** What an assignment came to: an agent took the call, or no one did. */
export type AssignOutcome = { kind: 'connected' } | { kind: 'no_answer'; why: string };

/**
 * Everything a workflow needs besides the call itself. The engine wires the real ones (prompt
 * files, SQLite, routing); the simulator wires its own (transcript, in-memory log, settable
 * clock and queues). The interpreter never sees SIP, files or tables.
 */
export interface FlowServices {
  /** Wall-clock time for office hours and the event log (the simulator's can be set). */
  now(): Date;
  /** The audio of a prompt, rendered when the version was published. */
  promptAudio(prompt: Prompt): Promise<Int16Array>;
  /** A built-in sentence ("Sorry, that is not a valid choice") in a language. */
  phraseAudio(phrase: Phrase, language: PromptLanguage): Promise<Int16Array>;
  record(event: FlowEvent): void;
  queue(teamId: string): QueueSnapshot;
  /** Puts the call in a team's queue or rings an agent; resolves when it is over or failed. */
  assign(
    call: Call,
    target: { kind: 'team'; teamId: string } | { kind: 'agent'; agentId: string },
    options: { ringTimeoutMs: number; language: PromptLanguage; variables: Readonly<Record<string, string>> },
  ): Promise<AssignOutcome>;
  /** Where a new voicemail recording goes (a path that does not exist yet). */
  voicemailPath(call: Call): string;
  saveVoicemail(call: Call, recording: RecordingResult, teamId: string | null): void;
  sendSms(call: Call, to: string, text: string): void;
  addTags(call: Call, tags: readonly string[]): void;
  requestCallback(call: Call, request: { number: string; teamId: string | null; reason: string }): void;
  /** Numbers a transfer step may dial (settings.transferAllowList), read at the moment of use. */
  transferAllowList(): readonly string[];
  /** A phone number as a SIP URI through the call's line. */
  numberUri(call: Call, number: string): string;
}
