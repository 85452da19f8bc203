import { describe, expect, it } from 'vitest';
import type { Prompt } from '../../../shared/workflow/prompt.js';
import type { MenuKey, StepInput } from '../../../shared/workflow/steps.js';
import {
  workflowDefinitionSchema,
  type Edge,
  type WorkflowDefinitionInput,
} from '../../../shared/workflow/workflow.js';
import { Simulation, type SimulationSetup, type SimulationState } from './simulator.js';

/**
 * The interpreter on each step kind, driven as a tester would drive the editor's test call:
 * keys, virtual time, a settable clock and queue state. Prompts "last" one second per
 * 10 characters of text so that barge-in and timeouts have time to happen in.
 */
const say = (text: string): Prompt => ({ kind: 'tts', text, language: 'en' });

function simulate(
  steps: StepInput[],
  edges: [string, string, string][],
  setup: Partial<SimulationSetup> & { calendars?: WorkflowDefinitionInput['calendars'] } = {},
  allowList: string[] = [],
) {
  const definition = workflowDefinitionSchema.parse({
    trigger: { kind: 'customer_called', inputTimeoutSec: 5 },
    steps,
    edges: edges.map(([source, output, target]): Edge => ({ source, output, target })),
    calendars: setup.calendars ?? [],
  });
  const audioFor = (ms: number) => Promise.resolve(new Int16Array(ms * 8));
  return new Simulation(
    { workflowId: 'wf', versionId: 'v1', definition },
    {
      caller: '01012345678',
      dialled: '0212345678',
      startAt: new Date('2026-11-24T01:00:00Z'), // Tuesday 10:00 in Seoul
      queues: {},
      farEnd: 'answers',
      ...setup,
    },
    {
      promptAudio: (prompt) =>
        prompt.kind === 'tts' && prompt.text === 'BROKEN'
          ? Promise.reject(new Error('file gone'))
          : audioFor(prompt.kind === 'tts' ? prompt.text.length * 100 : 1000),
      phraseAudio: () => audioFor(500),
      waitingWorkflows: () => [],
      transferAllowList: () => allowList,
    },
  );
}

const menu = (id: string, keys: MenuKey[], extra: { retries?: number } = {}): StepInput => ({
  kind: 'ivr_buttons',
  id,
  name: id,
  prompt: say(`Menu ${id}`),
  buttons: keys.map((key) => ({ key })),
  ...extra,
});
const message = (id: string, text = `Message ${id}`): StepInput => ({
  kind: 'voice_message',
  id,
  name: id,
  prompt: say(text),
});
/** What the caller heard: prompt texts, and the engine's own phrases in brackets. */
const said = (state: SimulationState): string[] =>
  state.transcript.flatMap((e) =>
    e.kind === 'say' && e.prompt.kind === 'tts'
      ? [e.prompt.text]
      : e.kind === 'phrase'
        ? [`(${e.phrase})`]
        : [],
  );

describe('the workflow interpreter', () => {
  it('plays a voice message and hangs up when nothing follows, without a goodbye of its own', async () => {
    const sim = simulate([message('hello', 'We are closed today.')], [['trigger', 'start', 'hello']]);
    const state = await sim.advance(10_000);
    expect(said(state)).toEqual(['We are closed today.']);
    expect(state.result).toEqual({ kind: 'ended-by-workflow' });
    expect(state.events.map((e) => `${e.kind}:${e.stepId ?? ''}:${e.outcome ?? ''}`)).toEqual([
      'call_started::',
      'entered:hello:',
      'left:hello:next',
      'call_ended::ended-by-workflow',
    ]);
  });

  it('routes a key pressed during the menu (barge-in) to the step wired to it', async () => {
    const sim = simulate(
      [menu('main', ['1', '2']), message('sales'), message('support')],
      [
        ['trigger', 'start', 'main'],
        ['main', 'key:1', 'sales'],
        ['main', 'key:2', 'support'],
      ],
    );
    await sim.advance(200); // the menu has started, not finished
    await sim.press('2');
    const state = await sim.advance(10_000);
    expect(state.path).toEqual(['main', 'support']);
    expect(state.events.find((e) => e.kind === 'left' && e.stepId === 'main')?.outcome).toBe('key:2');
  });

  it('replays the menu on * and asks again after a wrong key, then takes the invalid path', async () => {
    const sim = simulate(
      [menu('main', ['1'], { retries: 1 }), message('sorry')],
      [
        ['trigger', 'start', 'main'],
        ['main', 'invalid', 'sorry'],
      ],
    );
    await sim.press('*');
    await sim.press('7');
    await sim.press('8');
    const state = await sim.advance(10_000);
    expect(said(state)).toEqual(['Menu main', 'Menu main', '(invalid)', 'Menu main', 'Message sorry']);
    expect(state.path).toEqual(['main', 'sorry']);
  });

  it('times out after the trigger’s input timeout, retries, then says goodbye when no timeout path is wired', async () => {
    const sim = simulate([menu('main', ['1'], { retries: 1 })], [['trigger', 'start', 'main']]);
    // Menu (0.9 s) + 5 s wait, "no input" (0.5 s), menu + 5 s again.
    let state = await sim.advance(6_000);
    expect(said(state)).toEqual(['Menu main', '(timeout)']);
    state = await sim.advance(20_000);
    expect(said(state)).toEqual(['Menu main', '(timeout)', 'Menu main', '(goodbye)']);
    expect(state.events.find((e) => e.kind === 'left')?.outcome).toBe('timeout');
    expect(state.result).toEqual({ kind: 'ended-by-workflow' });
  });

  it('branches on office hours in the calendar’s time zone: a Sunday night is closed', async () => {
    const calendars = [
      {
        id: 'office',
        name: 'Office',
        timeZone: 'Asia/Seoul',
        weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })),
        holidays: [{ date: '2026-12-25', name: 'Christmas' }],
        exceptions: [],
      },
    ];
    const steps: StepInput[] = [
      {
        kind: 'branch',
        id: 'hours',
        name: 'Office hours?',
        branches: [
          { id: 'open', name: 'Open', all: [{ kind: 'office_hours', calendarId: 'office', state: 'open' }] },
        ],
      },
      message('welcome'),
      message('closed'),
    ];
    const edges: [string, string, string][] = [
      ['trigger', 'start', 'hours'],
      ['hours', 'branch:open', 'welcome'],
      ['hours', 'no_match', 'closed'],
    ];
    const weekday = await simulate(steps, edges, { calendars }).advance(5_000);
    expect(weekday.path).toEqual(['hours', 'welcome']);
    const sundayNight = new Date('2026-11-29T14:00:00Z'); // Sunday 23:00 in Seoul
    const closed = await simulate(steps, edges, { calendars, startAt: sundayNight }).advance(5_000);
    expect(closed.path).toEqual(['hours', 'closed']);
    const christmas = new Date('2026-12-25T01:00:00Z'); // Friday 10:00, a holiday
    expect((await simulate(steps, edges, { calendars, startAt: christmas }).advance(5_000)).path).toEqual([
      'hours',
      'closed',
    ]);
  });

  it('takes a phone number in a form, reads it back, confirms, and uses it in an SMS', async () => {
    const sim = simulate(
      [
        {
          kind: 'input_form',
          id: 'number',
          name: 'Callback number',
          prompt: say('Enter your number'),
          variable: 'callback',
          minDigits: 10,
          maxDigits: 11,
          startsWith: ['01'],
          readback: true,
          confirm: true,
        },
        {
          kind: 'send_sms',
          id: 'sms',
          name: 'SMS',
          to: { kind: 'caller' },
          template: 'We will call {{callback}}',
        },
      ],
      [
        ['trigger', 'start', 'number'],
        ['number', 'next', 'sms'],
      ],
    );
    for (const digit of '0109876543#') await sim.press(digit);
    await sim.advance(10_000);
    await sim.press('1');
    const state = await sim.advance(10_000);
    expect(said(state)).toEqual([
      'Enter your number',
      '(youEntered)',
      ...'0109876543'.split('').map((d) => `(digit${d})`),
      '(confirm)',
    ]);
    expect(state.transcript).toContainEqual(
      expect.objectContaining({ kind: 'sms', to: '01012345678', text: 'We will call 0109876543' }),
    );
    const left = state.events.find((e) => e.kind === 'left' && e.stepId === 'number');
    expect(left?.detail).toEqual({ variable: 'callback', value: '0109876543' });
  });

  it('refuses a form entry with the wrong prefix or too few digits and takes the invalid path', async () => {
    const sim = simulate(
      [
        {
          kind: 'input_form',
          id: 'number',
          name: 'Number',
          prompt: say('Enter'),
          variable: 'n',
          minDigits: 10,
          maxDigits: 11,
          startsWith: ['01'],
          retries: 1,
        },
        message('bad'),
      ],
      [
        ['trigger', 'start', 'number'],
        ['number', 'invalid', 'bad'],
      ],
    );
    for (const digit of '0212345678#') await sim.press(digit);
    await sim.advance(2_000);
    for (const digit of '010#') await sim.press(digit);
    const state = await sim.advance(10_000);
    expect(state.path).toEqual(['number', 'bad']);
    expect(said(state)).toEqual(['Enter', '(invalid)', 'Enter', 'Message bad']);
  });

  it('records a voicemail after the greeting and a beep, ended by #, and thanks the caller', async () => {
    const sim = simulate(
      [{ kind: 'voicemail', id: 'vm', name: 'Voicemail', greeting: say('Leave a message') }],
      [['trigger', 'start', 'vm']],
    );
    await sim.advance(1_500 + 400 + 3_000); // greeting, beep, 3 s of "speech"
    await sim.press('#');
    const state = await sim.advance(5_000);
    expect(state.transcript).toContainEqual(
      expect.objectContaining({ kind: 'voicemail', durationMs: 3_000 }),
    );
    expect(said(state)).toEqual(['Leave a message', '(voicemailSaved)']);
    expect(state.events.find((e) => e.kind === 'left')?.detail).toMatchObject({ reason: 'key', kept: true });
  });

  it('connects to a team with an agent free, and keeps the caller waiting when none is', async () => {
    const steps: StepInput[] = [
      { kind: 'assign', id: 'sales', name: 'Sales', target: { kind: 'team', teamId: 'team-sales' } },
    ];
    const edges: [string, string, string][] = [['trigger', 'start', 'sales']];
    const busy = { agentsAvailable: 1, callsWaiting: 0, longestWaitSec: 0 };
    const free = await simulate(steps, edges, { queues: { 'team-sales': busy } }).advance(1_000);
    expect(free.transcript).toContainEqual(expect.objectContaining({ kind: 'assign', outcome: 'connected' }));
    expect(free.result).toBeNull(); // the agent and caller are talking
    const waiting = simulate(steps, edges);
    let state = await waiting.advance(60_000);
    expect(state.stepId).toBe('sales');
    state = await waiting.hangup();
    expect(state.result).toEqual({ kind: 'caller-hung-up' });
    expect(state.events.find((e) => e.kind === 'left')?.outcome).toBe('hangup');
  });

  it('takes the no-answer path when an agent does not pick up within the ring time', async () => {
    const sim = simulate(
      [
        {
          kind: 'assign',
          id: 'kim',
          name: 'Kim',
          target: { kind: 'agent', agentId: 'kim' },
          ringTimeoutSec: 10,
        },
        message('later'),
      ],
      [
        ['trigger', 'start', 'kim'],
        ['kim', 'no_answer', 'later'],
      ],
      { farEnd: 'no-answer' },
    );
    const state = await sim.advance(20_000);
    expect(state.path).toEqual(['kim', 'later']);
  });

  it('transfers only to numbers on the allow-list (toll fraud)', async () => {
    const steps: StepInput[] = [
      { kind: 'transfer', id: 'out', name: 'Out', number: '0601234567' },
      message('nope'),
    ];
    const edges: [string, string, string][] = [
      ['trigger', 'start', 'out'],
      ['out', 'failed', 'nope'],
    ];
    const refused = await simulate(steps, edges).advance(5_000);
    expect(refused.path).toEqual(['out', 'nope']);
    expect(refused.events).toContainEqual(expect.objectContaining({ kind: 'error', outcome: 'not_allowed' }));
    const allowed = await simulate(steps, edges, {}, ['0601234567']).advance(5_000);
    expect(allowed.path).toEqual(['out']);
    expect(allowed.events.find((e) => e.kind === 'left')?.outcome).toBe('connected');
  });

  it('tags the call and goes on', async () => {
    const sim = simulate(
      [{ kind: 'tag', id: 't', name: 'Tag', tags: ['vip', 'sales'] }, message('next')],
      [
        ['trigger', 'start', 't'],
        ['t', 'next', 'next'],
      ],
    );
    const state = await sim.advance(5_000);
    expect(state.transcript).toContainEqual(
      expect.objectContaining({ kind: 'tags', tags: ['vip', 'sales'] }),
    );
    expect(state.path).toEqual(['t', 'next']);
  });

  it('never strands a caller: a step that fails plays an apology, ends the call and logs why', async () => {
    const sim = simulate([message('broken', 'BROKEN')], [['trigger', 'start', 'broken']]);
    const state = await sim.advance(5_000);
    expect(said(state)).toEqual(['BROKEN', '(apology)']);
    expect(state.result).toMatchObject({
      kind: 'failed',
      stepId: 'broken',
      message: expect.stringMatching(/file gone/),
    });
    expect(state.events).toContainEqual(expect.objectContaining({ kind: 'error', stepId: 'broken' }));
  });

  it('ends at once when the caller hangs up mid-menu, logging the step left by hang-up', async () => {
    const sim = simulate(
      [menu('main', ['1']), message('sales')],
      [
        ['trigger', 'start', 'main'],
        ['main', 'key:1', 'sales'],
      ],
    );
    await sim.advance(300);
    const state = await sim.hangup();
    expect(state.result).toEqual({ kind: 'caller-hung-up' });
    expect(state.events.map((e) => `${e.kind}:${e.outcome ?? ''}`)).toEqual([
      'call_started:',
      'entered:',
      'left:hangup',
      'call_ended:caller-hung-up',
    ]);
  });

  it('hangs up when the trigger leads nowhere', async () => {
    const state = await simulate([message('orphan')], []).advance(1_000);
    expect(state.path).toEqual([]);
    expect(state.result).toEqual({ kind: 'ended-by-workflow' });
  });
});
