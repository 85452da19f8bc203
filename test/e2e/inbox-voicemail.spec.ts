import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Testbed } from '../pbx/testbed.js';
import { findToneBursts, readPcmWav } from '../pbx/tone-analysis.js';
import { playerState } from './audio-player.js';
import { softphoneOffice } from './softphone-office.js';

/**
 * Issue 7, end to end: a voicemail left by a real phone reaches the manager's inbox. A baresip
 * phone (agent1, whose microphone is a 440 Hz tone file) dials the office number; the published
 * workflow greets it and records after the beep; the caller talks a few seconds and hangs up.
 * The inbox, open in Chromium all along, shows the message at once as new, plays it, and counts
 * it heard after 3 s of listening; the engine's list agrees at each stage.
 */
const office = softphoneOffice();

const DIALLED = '0212345678';
/** How long the caller talks after the beep, by its own clock: more than the 3 s that make it heard. */
const TALK_MS = 5000;
/** Listened this long, a message counts as heard (voicemail-player.tsx). */
const HEARD_AFTER_SEC = 3;
/**
 * The caller's microphone (the test bed's tone for agent1), and the beep before the recording
 * (flow-interpreter.ts).
 */
const TONE_HZ = { caller: 440, beep: 1000 };
/**
 * How far a length may stray from the caller's own measure of what it left: a packet or two,
 * the hang-up's way to the engine, the start of the recording after the beep's last packet.
 */
const TOLERANCE_SEC = 0.25;

/**
 * Every caller to voicemail: a greeting, the beep, then a recording long enough and never cut by
 * silence, so the caller's hang-up is what ends the message.
 */
function leaveAMessage() {
  const greeting = { kind: 'tts', text: 'Please leave a message after the tone.', language: 'en' };
  return {
    name: 'Messages',
    definition: {
      trigger: { kind: 'customer_called' },
      steps: [
        { kind: 'voicemail', id: 'message', name: 'Message', greeting, maxSec: 60, silenceSec: 0 },
        { kind: 'end_call', id: 'bye', name: 'Goodbye' },
      ],
      edges: [
        { source: 'trigger', output: 'start', target: 'message' },
        { source: 'message', output: 'next', target: 'bye' },
      ],
    },
  };
}

/** The messages as the engine lists them. */
function voicemails(): Promise<{ caller: string; heard: boolean; durationMs: number }[]> {
  return office.api.result('voicemails.list', {});
}

/**
 * Milliseconds of audio the caller has heard since the beep ended, by its own recording of the
 * call (the engine sends silence while it records, so the file grows in real time); -1 before
 * the beep.
 */
function heardSinceBeep(testbed: Testbed): number {
  const file = testbed.recordings('agent1').findLast((path) => path.endsWith('-dec.wav'));
  // libsndfile writes the 44-byte header as it opens the file: until then there is nothing to read.
  if (!file || statSync(file).size < 44) return -1;
  const recording = readPcmWav(file);
  const beep = findToneBursts(recording, TONE_HZ.beep).find((burst) => !burst.clipped);
  if (!beep) return -1;
  return (recording.samples.length * 1000) / recording.sampleRate - beep.endMs;
}

test('a message a caller leaves appears unheard at once, plays, and counts as heard after 3 s', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const testbed = await office.start({ auth: true, agents: ['agent1'] });
  await office.publishWorkflow(leaveAMessage());

  // The manager's inbox, open before the call: the message has to come to it by itself.
  await office.openApp(page, { viewport: { width: 1280, height: 720 } });
  await page.getByRole('link', { name: /Inbox/ }).click();
  await page.getByRole('tab', { name: 'Voicemail', exact: true }).click();
  await expect(page.getByText('No voicemail.')).toBeVisible();
  await expect(page).toHaveTitle('Switchboard');
  // Only this page load carries the mark: still there at the end, no reload brought the message.
  await page.evaluate('window.__sameLoad = true');

  // The caller dials, waits for the beep, talks (its tone) for TALK_MS and hangs up.
  const caller = testbed.agent('agent1');
  const since = caller.events.length;
  await caller.dial(`sip:${DIALLED}@${testbed.host}:${testbed.sipPort}`);
  await caller.nextEvent(since, 'CALL_ESTABLISHED', 10_000);
  await expect
    .poll(() => heardSinceBeep(testbed), { timeout: 30_000, intervals: [100] })
    .toBeGreaterThanOrEqual(TALK_MS);
  await caller.hangup();
  await caller.nextEvent(since, 'CALL_CLOSED', 10_000);
  // Its recording is complete now: from the beep to the hang-up is the length left.
  const leftSec = heardSinceBeep(testbed) / 1000;
  /** How far a length is from what the caller left, in seconds. */
  const offLeft = (seconds: number) => Math.abs(seconds - leftSec);

  // The message is there, new, and counted on the tab and in the window title.
  const message = page
    .getByRole('list', { name: 'Voicemail' })
    .getByRole('listitem')
    .filter({ hasText: 'agent1' });
  await expect(message).toContainText('New', { timeout: 10_000 });
  await expect(page.getByRole('tab', { name: /^Voicemail\s*1 unheard$/ })).toBeVisible();
  await expect(page).toHaveTitle('(1) Switchboard');
  expect(await page.evaluate('window.__sameLoad'), 'the page was not reloaded').toBe(true);
  // The engine keeps it unheard, as long as what the caller left; the row shows that length.
  const [kept] = await voicemails();
  expect(kept?.heard).toBe(false);
  expect(offLeft((kept?.durationMs ?? 0) / 1000)).toBeLessThan(TOLERANCE_SEC);
  const wholeSeconds = Math.floor((kept?.durationMs ?? 0) / 1000);
  await expect(message).toContainText(`0:${String(wholeSeconds).padStart(2, '0')}`);

  // What is served is the caller's tone, from the beep to the hang-up.
  const download = await message.getByRole('link', { name: 'Download' }).getAttribute('href');
  const served = await page.request.get(new URL(download ?? '', page.url()).href);
  expect(served.ok()).toBe(true);
  const servedFile = join(office.dir, 'served-message.wav');
  writeFileSync(servedFile, await served.body());
  const tone = findToneBursts(readPcmWav(servedFile), TONE_HZ.caller);
  const toneMs = tone.reduce((sum, burst) => sum + burst.durationMs, 0);
  expect(offLeft(toneMs / 1000), 'the caller’s tone throughout').toBeLessThan(TOLERANCE_SEC);

  // The player reads the same length from the file.
  const audio = message.getByLabel('Message from agent1');
  // NaN until the header is read, which never passes.
  await expect
    .poll(async () => offLeft((await playerState(audio)).duration), { timeout: 10_000 })
    .toBeLessThan(TOLERANCE_SEC);

  // Play, as a keyboard user does: the position moves on, and under 3 s in it is still new.
  await audio.focus();
  await page.keyboard.press('Space');
  await expect
    .poll(async () => (await playerState(audio)).currentTime, { intervals: [100] })
    .toBeGreaterThan(1);
  const early = await playerState(audio);
  expect(early.paused).toBe(false);
  expect(early.playedSec).toBeLessThan(HEARD_AFTER_SEC - 0.5);
  await expect(message).toContainText('New');

  // Past 3 s of listening it is heard: the badge and both counts go, and the engine agrees.
  await expect(message).not.toContainText('New', { timeout: 10_000 });
  expect((await playerState(audio)).playedSec).toBeGreaterThanOrEqual(HEARD_AFTER_SEC);
  await expect(page).toHaveTitle('Switchboard');
  await expect(page.getByRole('tab', { name: 'Voicemail', exact: true })).toBeVisible();
  expect((await voicemails()).map((v) => [v.caller, v.heard])).toEqual([['agent1', true]]);
  // It plays to the end of what was left.
  await expect
    .poll(async () => (await playerState(audio)).paused, { timeout: (leftSec + 5) * 1000 })
    .toBe(true);
  expect(offLeft((await playerState(audio)).currentTime)).toBeLessThan(TOLERANCE_SEC);
  expect(await page.evaluate('window.__sameLoad'), 'the page was not reloaded').toBe(true);
});
