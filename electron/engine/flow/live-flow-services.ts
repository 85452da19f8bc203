import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Settings } from '../../../shared/domain/settings.js';
import type { PromptLibrary } from '../audio/prompt-library.js';
import type { Call } from '../call/call.js';
import type { RecordingResult } from '../media/media-worker-protocol.js';
import type { OfficeRouting } from '../routing/office-routing.js';
import type { CallEventLog } from '../store/call-event-log.js';
import type { CallRecords } from '../store/call-records.js';
import type { CallbackList, CallbackRow } from '../store/callback-list.js';
import type { SmsOutbox } from '../store/sms-outbox.js';
import type { FlowServices } from './flow-services.js';
import { phrasePrompt } from './phrases.js';

export interface LiveFlowServicesDeps {
  prompts: PromptLibrary;
  events: CallEventLog;
  records: CallRecords;
  callbacks: CallbackList;
  sms: SmsOutbox;
  routing: OfficeRouting;
  /** Folder for new voicemail recordings. */
  voicemailDir: string;
  settings(): Settings;
  /** The registrar host of a line, for dialling a number through it. */
  registrarOf(lineId: string): string | undefined;
  /** Tells the apps a caller left a message (the inbox shows it and counts it unheard at once). */
  voicemailSaved(voicemailId: string): void;
  /** Tells the apps a caller asked to be called back. */
  callbackRequested(callback: CallbackRow): void;
}

/** The interpreter's services on real calls: prompt files, SQLite records, teams and queues. */
export function liveFlowServices(deps: LiveFlowServicesDeps): FlowServices {
  return {
    now: () => new Date(),
    promptAudio: (prompt) => deps.prompts.audio(prompt),
    phraseAudio: (phrase, language) => deps.prompts.audio(phrasePrompt(phrase, language)),
    record: (event) => deps.events.append(event),
    queue: (teamId) => deps.routing.criteria(teamId),
    assign: (call, target, options) => deps.routing.assign(call, target, options),
    voicemailPath: () => join(deps.voicemailDir, `${timestamp()}-${randomUUID()}.wav`),
    saveVoicemail: (call: Call, recording: RecordingResult, teamId) => {
      const saved = deps.records.saveVoicemail({
        callId: call.id,
        caller: call.caller,
        file: recording.path,
        durationMs: recording.durationMs,
        teamId,
      });
      deps.voicemailSaved(saved.id);
    },
    sendSms: (call, to, text) => deps.sms.queue({ callId: call.id, to, text }),
    addTags: (call, tags) => deps.records.addTags(call.id, tags),
    requestCallback: (call, request) => {
      const callback = deps.callbacks.request({ callId: call.id, ...request });
      deps.callbackRequested(callback);
    },
    transferAllowList: () => deps.settings().transferAllowList,
    numberUri: (call, number) => `sip:${number}@${deps.registrarOf(call.lineId) ?? 'localhost'}`,
  };
}

/** 20261124T103000: files sort by when they were recorded. */
function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
}
