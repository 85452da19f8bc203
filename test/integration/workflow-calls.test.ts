import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readWav } from '../../electron/engine/audio/wav-reader.js';
import { tempDir } from '../fakes/temp-dir.js';
import { callOffice, describeSipp, runSipp, SCENARIOS } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';
import type { EngineProcess } from '../support/engine-process.js';
import { startOfficeEngine } from '../support/office-engine.js';
import { RawApiClient } from '../support/ws-client.js';

/**
 * A workflow built and published over the API answers real calls through the PBX: SIPp callers
 * press keys (RFC 4733) through an office-hours branch and a menu into a form whose entry lands in
 * call_events; a baresip caller leaves a voicemail; and a publish while a call is in progress
 * leaves that call on its version while the next call gets the new one.
 */
const say = (text: string) => ({ kind: 'tts', text, language: 'en' });

/** Open all week, or never: "in" and "out of" office hours without touching the clock. */
function definition(open: boolean) {
  return {
    trigger: { kind: 'customer_called', inputTimeoutSec: 20 },
    calendars: [
      {
        id: 'office',
        name: 'Office',
        timeZone: 'Asia/Seoul',
        weekly: open ? [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })) : [],
        holidays: [],
        exceptions: [],
      },
    ],
    steps: [
      {
        kind: 'branch',
        id: 'hours',
        name: 'Office hours?',
        branches: [
          { id: 'open', name: 'Open', all: [{ kind: 'office_hours', calendarId: 'office', state: 'open' }] },
        ],
      },
      {
        kind: 'ivr_buttons',
        id: 'menu',
        name: 'Main menu',
        prompt: say('To enter your code, press 1. To leave a message, press 2.'),
        buttons: [{ key: '1' }, { key: '2' }],
      },
      {
        kind: 'input_form',
        id: 'code',
        name: 'Code',
        prompt: say('Enter your code, then press the pound key.'),
        variable: 'code',
        minDigits: 2,
        maxDigits: 4,
      },
      {
        kind: 'voicemail',
        id: 'message',
        name: 'Message',
        greeting: say('Leave a message.'),
        maxSec: 5,
        silenceSec: 0,
      },
      { kind: 'voice_message', id: 'closed', name: 'Closed', prompt: say('We are closed.') },
      {
        kind: 'ivr_buttons',
        id: 'thanks',
        name: 'Thanks',
        prompt: say('Thank you. To end the call, press 9.'),
        buttons: [{ key: '9' }],
        timeoutSec: 60,
      },
      { kind: 'end_call', id: 'bye', name: 'Goodbye' },
    ],
    edges: [
      ['trigger', 'start', 'hours'],
      ['hours', 'branch:open', 'menu'],
      ['hours', 'no_match', 'closed'],
      ['menu', 'key:1', 'code'],
      ['menu', 'key:2', 'message'],
      ['menu', 'invalid', 'bye'],
      ['menu', 'timeout', 'bye'],
      ['code', 'next', 'thanks'],
      ['code', 'invalid', 'bye'],
      ['code', 'timeout', 'bye'],
      ['closed', 'next', 'thanks'],
      ['thanks', 'key:9', 'bye'],
      ['thanks', 'invalid', 'bye'],
      ['thanks', 'timeout', 'bye'],
    ].map(([source, output, target]) => ({ source, output, target })),
  };
}

interface EventRow {
  call_id: string;
  version_id: string;
  step_id: string | null;
  kind: string;
  outcome: string | null;
  detail: string | null;
}

describe('workflows on real calls', () => {
  let testbed: Testbed;
  let dir: ReturnType<typeof tempDir>;
  let engine: EngineProcess;
  let api: RawApiClient;
  let workflowId: string;
  let db: Database.Database;

  /** Each call's steps entered, in order, with the version it ran. */
  const paths = () => {
    const rows = db.prepare('select * from call_events order by id').all() as EventRow[];
    const calls = new Map<string, { version: string; steps: string[]; events: EventRow[] }>();
    for (const row of rows) {
      const entry = calls.get(row.call_id) ?? { version: row.version_id, steps: [], events: [] };
      if (row.kind === 'entered' && row.step_id) entry.steps.push(row.step_id);
      entry.events.push(row);
      calls.set(row.call_id, entry);
    }
    return [...calls.values()];
  };

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent2'] });
    dir = tempDir();
    engine = await startOfficeEngine(testbed, dir.path);
    api = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
    const created = await api.result('workflows.create', { name: 'Front desk' });
    workflowId = created.id as string;
    await api.result('workflows.saveDraft', { id: workflowId, definition: definition(true) });
    // The first publish renders every prompt with the speech synthesizer.
    const reply = await api.call('workflows.publish', { id: workflowId, note: 'open all week' }, 60_000);
    if (reply.t !== 'res') throw new Error(`publish: ${JSON.stringify(reply)}`);
    db = new Database(join(dir.path, 'switchboard.db'), { readonly: true });
  }, 120_000);
  afterAll(async () => {
    db?.close();
    api?.close();
    await engine?.stop();
    await testbed?.stop();
    dir?.remove();
  });

  it('walks the published workflow by RFC 4733 keys and keeps the form entry in call_events', async () => {
    const result = await callOffice(testbed);
    expect(result.code, describeSipp(result)).toBe(0);
    await vi.waitFor(() => expect(paths().at(-1)?.events.at(-1)?.kind).toBe('call_ended'), { timeout: 5000 });
    const [only] = paths();
    expect(only?.steps).toEqual(['hours', 'menu', 'code', 'thanks']);
    const form = only?.events.find((e) => e.step_id === 'code' && e.kind === 'left');
    expect(form?.outcome).toBe('next');
    expect(JSON.parse(form?.detail ?? '{}')).toEqual({ variable: 'code', value: '23' });
    expect(only?.events.at(-1)?.outcome).toBe('caller-hung-up');
  });

  it('records a voicemail from a baresip caller who pressed 2', async () => {
    const caller = testbed.agent('agent2');
    await caller.command('dial', testbed.uri('office'));
    await caller.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await caller.command('sndcode', '2');
    await caller.waitForEvent((e) => e.type === 'CALL_CLOSED', 30_000);
    const voicemails = db.prepare('select * from voicemails').all() as {
      file: string;
      duration_ms: number;
    }[];
    expect(voicemails).toHaveLength(1);
    const file = join(dir.path, voicemails[0]!.file);
    expect(existsSync(file)).toBe(true);
    const samples = readWav(new Uint8Array(readFileSync(file)), 'voicemail').channels[0]!;
    const rms = Math.sqrt(samples.reduce((sum, x) => sum + x * x, 0) / samples.length);
    expect(rms, 'the recording holds the caller’s tone').toBeGreaterThan(0.01);
    expect(voicemails[0]!.duration_ms).toBeGreaterThan(4000);
    expect(voicemails[0]!.duration_ms).toBeLessThanOrEqual(5000);
    expect(paths().at(-1)?.steps).toEqual(['hours', 'menu', 'message']);
    // The apps were told at once, unheard, with its length.
    const announced = await api.waitFor((f) => f.t === 'evt' && f.name === 'voicemails.changed');
    expect(announced.payload).toMatchObject({ heard: false, caller: expect.any(String) });
    // So was the call itself, as it started and as it ended.
    const callId = (announced.payload as { callId: string }).callId;
    const states = () =>
      api.frames.flatMap((f) => {
        const frame = f as { t?: string; name?: string; payload?: { id: string; outcome: string } };
        return frame.t === 'evt' && frame.name === 'conversations.changed' && frame.payload?.id === callId
          ? [frame.payload.outcome]
          : [];
      });
    await vi.waitFor(() => expect(states().at(-1)).toBe('voicemail'));
    expect(states()[0]).toBe('in_progress');
  }, 45_000);

  it('publishing during a call leaves that call on its version; the next call gets the new one', async () => {
    const before = paths().length;
    // Call A stays 6 s longer before its keys: it is in the menu of version 1 when version 2 goes live.
    const callA = runSipp({
      scenario: SCENARIOS.uacDtmf,
      service: 'office',
      remote: testbed.proxyAddress,
      auth: { user: 'caller1', password: testbed.users.caller1 },
      dir: testbed.dir,
      timeoutSeconds: 40,
      mediaPort: 16000,
      extraArgs: ['-d', '6000'],
    });
    await vi.waitFor(() => expect(paths()[before]?.steps).toContain('menu'), { timeout: 10_000 });
    await api.result('workflows.saveDraft', { id: workflowId, definition: definition(false) });
    await api.result('workflows.publish', { id: workflowId, note: 'closed' });
    const callB = await callOffice(testbed);
    expect(callB.code, describeSipp(callB)).toBe(0);
    const resultA = await callA;
    expect(resultA.code, describeSipp(resultA)).toBe(0);
    await vi.waitFor(() =>
      expect(
        paths()
          .slice(before)
          .every((c) => c.events.at(-1)?.kind === 'call_ended'),
      ).toBe(true),
    );
    const [a, b] = paths().slice(before);
    expect(a?.steps).toEqual(['hours', 'menu', 'code', 'thanks']);
    expect(b?.steps).toEqual(['hours', 'closed', 'thanks']);
    expect(a?.version).not.toBe(b?.version);
    const versions = (await api.call('workflows.versions', { id: workflowId })).result as {
      id: string;
      number: number;
    }[];
    expect(versions.find((v) => v.id === a?.version)?.number).toBe(1);
    expect(versions.find((v) => v.id === b?.version)?.number).toBe(2);
  }, 60_000);

  it('reports per step how many calls reached it, how they left it, and where they hung up', async () => {
    const stats = await api.result('analytics.steps', {
      workflowId,
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    });
    const steps = stats.steps as {
      stepId: string;
      reached: number;
      outcomes: Record<string, number>;
      droppedHere: number;
    }[];
    const step = (id: string) => steps.find((s) => s.stepId === id);
    expect(stats.calls).toBe(4);
    expect(step('hours')).toMatchObject({ reached: 4, outcomes: { 'branch:open': 3, no_match: 1 } });
    expect(step('menu')).toMatchObject({ reached: 3, outcomes: { 'key:1': 2, 'key:2': 1 } });
    expect(step('code')?.outcomes).toEqual({ next: 2 });
    // The SIPp callers hung up while the "thanks" menu waited for them.
    expect(step('thanks')?.droppedHere).toBe(3);
    expect(stats.edges).toContainEqual({ source: 'menu', output: 'key:1', target: 'code', calls: 2 });
  });

  it('runs the workflow bound to the number the caller dialled, delivered in To as trunks do', async () => {
    const bookings = await api.result<{ id: string }>('workflows.create', { name: 'Bookings line' });
    await api.result('workflows.saveDraft', {
      id: bookings.id,
      definition: {
        trigger: { kind: 'customer_called' },
        steps: [
          {
            kind: 'ivr_buttons',
            id: 'bookings',
            name: 'Bookings',
            prompt: say('Bookings. To end the call, press 9.'),
            buttons: [{ key: '9' }],
            timeoutSec: 60,
          },
          { kind: 'end_call', id: 'bye', name: 'Goodbye' },
        ],
        edges: [
          { source: 'trigger', output: 'start', target: 'bookings' },
          { source: 'bookings', output: 'key:9', target: 'bye' },
        ],
      },
    });
    await api.result('workflows.publish', { id: bookings.id }, 60_000);
    await api.result('numbers.bind', { number: '0212345678', workflowId: bookings.id });
    const before = paths().length;
    const result = await runSipp({
      scenario: SCENARIOS.uacDtmf,
      service: '0212345678',
      remote: testbed.proxyAddress,
      auth: { user: 'caller1', password: testbed.users.caller1 },
      dir: testbed.dir,
      timeoutSeconds: 20,
    });
    expect(result.code, describeSipp(result)).toBe(0);
    await vi.waitFor(() => expect(paths()[before]?.events.at(-1)?.kind).toBe('call_ended'));
    expect(paths()[before]?.steps).toEqual(['bookings']);
    // The same caller dialling the line itself still gets the default (topmost) workflow.
    const other = await callOffice(testbed);
    expect(other.code, describeSipp(other)).toBe(0);
    await vi.waitFor(() => expect(paths()[before + 1]?.steps[0]).toBe('hours'));
  }, 60_000);
});
