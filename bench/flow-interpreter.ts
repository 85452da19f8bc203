// Interpreter overhead per step: a workflow walked on a call whose audio and keys take no time,
// so what is measured is the interpreter itself (edge lookup, criteria, event records).
// Run: npx tsx bench/flow-interpreter.ts
import type { Call } from '../electron/engine/call/call.js';
import { runWorkflow, type RunnableVersion } from '../electron/engine/flow/flow-interpreter.js';
import type { FlowServices } from '../electron/engine/flow/flow-services.js';
import { workflowDefinitionSchema } from '../shared/workflow/workflow.js';
import { summary } from './stats.js';

const STEPS_PER_CALL = 50;
const CALLS = 2000;

/** A menu ring: each menu's key 1 leads to a branch, whose match leads to the next menu. */
function ringWorkflow(): RunnableVersion {
  const steps = [];
  const edges = [{ source: 'trigger', output: 'start', target: 'm0' }];
  for (let i = 0; i < STEPS_PER_CALL / 2; i++) {
    steps.push({
      kind: 'ivr_buttons',
      id: `m${i}`,
      name: `Menu ${i}`,
      prompt: { kind: 'tts', text: 'press 1', language: 'en' },
      buttons: [{ key: '1' }],
    });
    steps.push({
      kind: 'branch',
      id: `b${i}`,
      name: `Branch ${i}`,
      branches: [
        { id: 'vip', name: 'VIP', all: [{ kind: 'caller_number', op: 'starts_with', value: '010' }] },
      ],
    });
    edges.push({ source: `m${i}`, output: 'key:1', target: `b${i}` });
    if (i + 1 < STEPS_PER_CALL / 2)
      edges.push({ source: `b${i}`, output: 'branch:vip', target: `m${i + 1}` });
  }
  const definition = workflowDefinitionSchema.parse({ trigger: { kind: 'customer_called' }, steps, edges });
  return { workflowId: 'bench', versionId: 'v1', definition };
}

function instantCall(id: number): Call {
  let ended = false;
  let finish: (end: { reason: 'engine-hung-up' }) => void = () => undefined;
  const endedPromise = new Promise<{ reason: 'engine-hung-up' }>((resolve) => (finish = resolve));
  return {
    id: `call-${id}`,
    lineId: 'line',
    caller: '01012345678',
    dialled: '0212345678',
    get state() {
      return ended ? 'ended' : 'answered';
    },
    answer: async () => undefined,
    play: async () => ({ interrupted: false }),
    onDigit: () => () => undefined,
    collectDigits: async () => ({ digits: '1', status: 'ok' }),
    discardTypeahead: () => undefined,
    record: async () => ({ path: '', durationMs: 0, reason: 'stopped', bytes: 0, heardSound: false }),
    bridgeTo: async () => ({ kind: 'failed', reason: 'bench' }),
    transfer: async () => ({ kind: 'failed', reason: 'bench' }),
    putThrough: async () => ({ kind: 'failed', reason: 'bench' }),
    hangup: async () => {
      ended = true;
      finish({ reason: 'engine-hung-up' });
    },
    ended: endedPromise,
  } as Call;
}

const silence = new Int16Array(0);
let events = 0;
const services: FlowServices = {
  now: () => new Date(),
  promptAudio: async () => silence,
  phraseAudio: async () => silence,
  record: () => void events++,
  queue: () => ({ agentsAvailable: 0, callsWaiting: 0, longestWaitSec: 0 }),
  assign: async () => ({ kind: 'no_answer', why: 'bench' }),
  voicemailPath: () => '',
  saveVoicemail: () => undefined,
  sendSms: () => undefined,
  addTags: () => undefined,
  requestCallback: () => undefined,
  transferAllowList: () => [],
  numberUri: () => '',
};

const version = ringWorkflow();
const perStepUs: number[] = [];
for (let i = 0; i < CALLS; i++) {
  const started = process.hrtime.bigint();
  await runWorkflow(instantCall(i), version, services);
  perStepUs.push(Number(process.hrtime.bigint() - started) / 1000 / STEPS_PER_CALL);
}
console.log(
  `flow interpreter: ${CALLS} calls × ${STEPS_PER_CALL} steps (menus and branches), ${events} events`,
);
console.log(summary('  overhead per step (incl. 2 events)', perStepUs.slice(CALLS / 10), 'µs'));
