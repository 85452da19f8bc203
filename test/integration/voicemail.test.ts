import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The media worker runs compiled JavaScript, so the line agent is driven from the build output.
import type { RecordingResult } from '../../build/electron/engine/media/media-worker-protocol.js';
import { startOfficeLine, type OfficeLine } from '../support/office-line.js';
import { readWav } from '../../electron/engine/audio/wav-reader.js';
import { tempDir } from '../fakes/temp-dir.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';

/**
 * A voicemail left by a real phone: a baresip caller (agent2, which plays a 660 Hz tone into
 * its calls) reaches the office line; the engine answers and records up to 3 s. The file has
 * that length, is not silent, and holds the caller's tone.
 */
describe('voicemail from a baresip caller', () => {
  let testbed: Testbed;
  let office: OfficeLine | undefined;
  let dir: ReturnType<typeof tempDir>;
  const recordings: RecordingResult[] = [];

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent2'] });
    dir = tempDir();
    office = await startOfficeLine(testbed, (call) => {
      void call.answer().then(async () => {
        recordings.push(
          await call.record({ path: join(dir.path, 'voicemail.wav'), maxMs: 3000, silenceMs: 0 }),
        );
        await call.hangup();
      });
    });
  });
  afterAll(async () => {
    await office?.stop();
    await testbed?.stop();
    dir?.remove();
  });

  it('records the caller for the maximum length, not silent, with its tone', async () => {
    const caller = testbed.agent('agent2');
    await caller.command('dial', testbed.uri('office'));
    await vi.waitFor(() => expect(recordings).toHaveLength(1), { timeout: 10_000 });
    const [recording] = recordings;
    expect(recording).toMatchObject({ reason: 'max-length', heardSound: true });
    const wav = readWav(new Uint8Array(readFileSync(recording!.path)), 'voicemail.wav');
    const samples = wav.channels[0]!;
    const seconds = samples.length / wav.sampleRate;
    expect(seconds).toBeGreaterThan(2.9);
    expect(seconds).toBeLessThan(3.1);
    // Skip the first half second (call set-up), then measure level and pitch.
    const body = samples.subarray(wav.sampleRate / 2);
    // Samples are scaled to [-1, 1).
    const rms = Math.sqrt(body.reduce((sum, x) => sum + x * x, 0) / body.length);
    expect(rms).toBeGreaterThan(0.01);
    let crossings = 0;
    for (let i = 1; i < body.length; i++) if (body[i - 1]! < 0 !== body[i]! < 0) crossings++;
    const hz = crossings / 2 / (body.length / wav.sampleRate);
    expect(hz).toBeGreaterThan(640);
    expect(hz).toBeLessThan(680);
    await caller.waitForEvent((e) => e.type === 'CALL_CLOSED', 5000);
  });
});
