import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fakes/temp-dir.js';
import { encodeG711WithSox, writeDtmfWav, type DtmfTiming } from '../pbx/dtmf-audio.js';
import { writeRtpPcap } from '../pbx/rtp-pcap.js';
import { describeSipp, runSipp } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';
import { findToneBursts, readPcmWav, type ToneBurst } from '../pbx/tone-analysis.js';
import { waitForLoggedCall } from '../support/engine-calls.js';
import { startOfficeEngine } from '../support/office-engine.js';
import type { EngineProcess } from '../support/engine-process.js';

const scenario = (file: string): string => fileURLToPath(new URL(`../pbx/${file}`, import.meta.url));
/** Digits 4 5 * by SIP INFO, each sent twice (4 through the proxy, 5 and * straight to the engine). */
const INFO_SCENARIO = scenario('sipp-uac-info-dtmf.xml');
/** Plays caller-audio.pcap from its working directory, having offered PCMA without telephone-event. */
const AUDIO_SCENARIO = scenario('sipp-uac-audio.xml');

/** In-band 7 8 9 (made by sox, not by the engine's code): 100 ms tones, 100 ms apart, after 1.5 s. */
const DIGITS = '789';
const TIMING: DtmfTiming = { leadMs: 1500, toneMs: 100, gapMs: 100, tailMs: 300 };

/**
 * The media of a call to the office line, with real peers through the PBX (Kamailio with digest
 * auth): key presses by SIP INFO and as tones in the audio, and the greeting as a phone hears it.
 */
describe('call media on the office line', () => {
  let testbed: Testbed;
  let dir: ReturnType<typeof tempDir>;
  let engine: EngineProcess;
  let tonesWav: string;
  let tonesMs: number;

  beforeAll(async () => {
    dir = tempDir();
    tonesWav = join(dir.path, 'dtmf-789.wav');
    tonesMs = writeDtmfWav(tonesWav, DIGITS, TIMING);
    // baresip hangs up when its audio file runs out: agent2 gets the same tones with a long tail.
    const agent2Wav = join(dir.path, 'agent2-audio.wav');
    writeDtmfWav(agent2Wav, DIGITS, { ...TIMING, tailMs: 10_000 });
    // agent1 plays its 440 Hz tone and records what it hears; agent2 plays the tones.
    testbed = await startTestbed({
      auth: true,
      agents: ['agent1', 'agent2'],
      agentAudio: { agent2: agent2Wav },
    });
    engine = await startOfficeEngine(testbed, dir.path);
  });
  afterAll(async () => {
    await engine?.stop();
    await testbed?.stop();
    dir?.remove();
  });

  it('takes digits sent by SIP INFO once each, also when a request is retransmitted', async () => {
    const since = engine.stderr().length;
    const proxyLogSince = testbed.logs('kamailio').length;
    const result = await runSipp({
      scenario: INFO_SCENARIO,
      service: 'office',
      remote: testbed.proxyAddress,
      auth: { user: 'caller1', password: testbed.users.caller1 },
      dir: testbed.dir,
      timeoutSeconds: 10,
      extraArgs: ['-nr'], // see the scenario: SIPp must not take the repeated 200s for its own business
    });
    expect(result.code, describeSipp(result)).toBe(0);

    const call = await waitForLoggedCall(engine, since, 'caller1', (c) => c.endReason !== undefined);
    expect(call.digits).toEqual(['4/info', '5/info', '*/info']);
    expect(call.endReason).toBe('caller-hung-up');

    // Both copies of digit 4 reached the proxy; 5 and * bypassed it...
    const proxyInfos = testbed
      .logs('kamailio')
      .slice(proxyLogSince)
      .split('\n')
      .filter((line) => line.includes('TESTBED REQ INFO'));
    expect(proxyInfos, 'INFO requests seen by kamailio').toHaveLength(2);
    // ...and every copy was answered 200 again: 4's by the proxy, 5's and *'s by the engine's
    // transaction layer (RFC 3261 §17.2.2), which did not pass them on as new requests.
    const received = result.messages.split(/^-{10,}.*$/m).filter((m) => m.includes('message received'));
    const oks = (cseq: number): number =>
      received.filter((m) => /^SIP\/2\.0 200 /m.test(m) && new RegExp(`^CSeq: ${cseq} INFO`, 'm').test(m))
        .length;
    expect([oks(10), oks(11), oks(12)], describeSipp(result)).toEqual([2, 2, 2]);
  });

  it('hears in-band digits from a caller that offers no telephone-event (SIPp)', async () => {
    const since = engine.stderr().length;
    // SIPp sends RTP from a pcap: the tones, encoded to A-law by sox.
    writeRtpPcap(join(testbed.dir, 'caller-audio.pcap'), encodeG711WithSox(tonesWav, 'PCMA'), {
      payloadType: 8,
    });
    const result = await runSipp({
      scenario: AUDIO_SCENARIO,
      service: 'office',
      remote: testbed.proxyAddress,
      auth: { user: 'caller1', password: testbed.users.caller1 },
      dir: testbed.dir,
      timeoutSeconds: 10,
      extraArgs: ['-d', String(tonesMs + 200)], // hang up once the audio has been played
    });
    expect(result.code, describeSipp(result)).toBe(0);
    // The engine answered PCMA alone: no RFC 4733 events could come.
    expect(result.messages).toMatch(/SIP\/2\.0 200 OK[\s\S]*m=audio \d+ RTP\/AVP 8\r?\n/);

    const call = await waitForLoggedCall(engine, since, 'caller1', (c) => c.endReason !== undefined);
    expect(call.digits).toEqual(['7/inband', '8/inband', '9/inband']);
    expect(call.endReason).toBe('caller-hung-up');
  });

  // baresip 1.0 always offers telephone-event (it has no account setting against it) and the
  // engine accepts it; but a peer that sends tones and no events must still be heard.
  it('hears in-band digits from a phone that negotiated telephone-event but sends tones (baresip)', async () => {
    const agent2 = testbed.agent('agent2');
    const since = engine.stderr().length;
    const eventsBefore = agent2.events.length;

    await agent2.dial(`sip:office@${testbed.host}`);
    await agent2.nextEvent(eventsBefore, 'CALL_ESTABLISHED');
    const heard = await waitForLoggedCall(
      engine,
      since,
      'agent2',
      (c) => c.digits.length >= 3,
      tonesMs + 3000,
    );
    await agent2.hangup();
    await agent2.nextEvent(eventsBefore, 'CALL_CLOSED');

    const call = await waitForLoggedCall(engine, since, 'agent2', (c) => c.endReason !== undefined);
    expect(heard.digits).toEqual(['7/inband', '8/inband', '9/inband']);
    expect(call.digits).toEqual(['7/inband', '8/inband', '9/inband']);
    expect(call.endReason).toBe('caller-hung-up');
  });

  it('plays the greeting at the right speed: two 400 ms beeps at 1 kHz, 400 ms apart', async () => {
    const agent1 = testbed.agent('agent1');
    const since = engine.stderr().length;
    const eventsBefore = agent1.events.length;
    const recordingsBefore = new Set(testbed.recordings('agent1'));

    await agent1.dial(`sip:office@${testbed.host}`);
    const established = await agent1.nextEvent(eventsBefore, 'CALL_ESTABLISHED');
    // The greeting lasts 1.2 s from the answer: listen a little longer, then hang up.
    await sleep(1700);
    const hungUpAt = Date.now();
    await agent1.hangup();
    await agent1.nextEvent(eventsBefore, 'CALL_CLOSED');

    const call = await waitForLoggedCall(engine, since, 'agent1', (c) => c.endReason !== undefined);
    expect(call.endReason).toBe('caller-hung-up');
    expect(call.digits, 'agent1 pressed no key').toEqual([]);

    // sndfile wrote what agent1 decoded from the engine's RTP, packet by packet, as it came.
    const heard = testbed
      .recordings('agent1')
      .filter((f) => !recordingsBefore.has(f) && f.endsWith('-dec.wav'));
    expect(heard, 'one new recording of what agent1 heard').toHaveLength(1);
    const recording = readPcmWav(heard[0] ?? '');
    expect(recording.sampleRate).toBe(8000);
    const bursts = findToneBursts(recording, 1000);
    const summary = `1 kHz bursts heard: ${JSON.stringify(bursts)}`;

    // Two beeps of 400 ± 30 ms at 1 kHz, 400 ± 30 ms apart. Played too fast or too slow (a wrong
    // sample rate or frame size), the beeps and the gap would be shorter or longer, and off 1 kHz.
    // The first beep begins with the recording (the engine's first packet is the greeting's).
    expect(bursts, summary).toHaveLength(2);
    const [first, second] = bursts as [ToneBurst, ToneBurst];
    for (const beep of [first, second]) {
      expect(beep.durationMs, summary).toBeGreaterThanOrEqual(370);
      expect(beep.durationMs, summary).toBeLessThanOrEqual(430);
      expect(Math.abs(beep.frequencyHz - 1000), summary).toBeLessThanOrEqual(10);
    }
    expect(second.clipped, summary).toBeUndefined();
    const gapMs = second.startMs - first.endMs;
    expect(gapMs, summary).toBeGreaterThanOrEqual(370);
    expect(gapMs, summary).toBeLessThanOrEqual(430);

    // And the packets came in real time: the recording is as long as the call lasted by the wall
    // clock, from the answer to the hang-up (±10 %); a pacer running fast would make it longer.
    const recordedMs = (recording.samples.length * 1000) / recording.sampleRate;
    const wallMs = hungUpAt - established.receivedAt;
    expect(Math.abs(recordedMs - wallMs), `recorded ${recordedMs} ms in ${wallMs} ms`).toBeLessThanOrEqual(
      wallMs * 0.1,
    );
  });
});
