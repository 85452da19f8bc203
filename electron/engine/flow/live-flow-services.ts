import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Settings } from '../../../shared/domain/settings.js';
import type { PromptLibrary } from '../audio/prompt-library.js';
import type { Call } from '../call/call.js';
import type { RecordingResult } from '../media/media-worker-protocol.js';
import type { WaitingRoom } from '../routing/waiting-room.js';
import type { CallEventLog } from '../store/call-event-log.js';
import type { CallRecords } from '../store/call-records.js';
import type { FlowServices } from './flow-services.js';
import { phrasePrompt } from './phrases.js';

export interface LiveFlowServicesDeps {
  prompts: PromptLibrary;
  events: CallEventLog;
  records: CallRecords;
  waitingRoom: WaitingRoom;
  /** Folder for new voicemail recordings. */
  voicemailDir: string;
  settings(): Settings;
  /** The registrar host of a line, for dialling a number through it. */
  registrarOf(lineId: string): string | undefined;
}

/** The interpreter's services on real calls: prompt files, SQLite records, the waiting room. */
export function liveFlowServices(deps: LiveFlowServicesDeps): FlowServices {
  return {
    now: () => new Date(),
    promptAudio: (prompt) => deps.prompts.audio(prompt),
    phraseAudio: (phrase, language) => deps.prompts.audio(phrasePrompt(phrase, language)),
    record: (event) => deps.events.append(event),
    queue: (teamId) => deps.waitingRoom.snapshot(teamId),
    assign: (call, target) =>
      target.kind === 'team'
        ? deps.waitingRoom.wait(call, target.teamId)
        : // Agents and their phones come with routing (the next issue); until then no agent answers.
          Promise.resolve({ kind: 'no_answer', why: `agent ${target.agentId} is not reachable yet` }),
    voicemailPath: () => join(deps.voicemailDir, `${timestamp()}-${randomUUID()}.wav`),
    saveVoicemail: (call: Call, recording: RecordingResult, teamId) =>
      deps.records.saveVoicemail({
        callId: call.id,
        caller: call.caller,
        file: recording.path,
        durationMs: recording.durationMs,
        teamId,
      }),
    sendSms: (call, to, text) => deps.records.queueSms({ callId: call.id, to, text }),
    addTags: (call, tags) => deps.records.addTags(call.id, tags),
    requestCallback: (call, request) => deps.records.requestCallback({ callId: call.id, ...request }),
    transferAllowList: () => deps.settings().transferAllowList,
    numberUri: (call, number) => `sip:${number}@${deps.registrarOf(call.lineId) ?? 'localhost'}`,
  };
}

/** 20261124T103000: files sort by when they were recorded. */
function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
}
