import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findToneBursts, readPcmWav } from '../pbx/tone-analysis.js';
import { repoRoot } from '../support/engine-process.js';
import { expectAccessible } from './accessibility-audit.js';
import { expectMediaBothWays, mediaCounters } from './softphone-browser.js';
import { softphoneOffice } from './softphone-office.js';

/**
 * The agent's softphone in Chromium against the real test bed: Kamailio (SIP over WebSocket) and
 * rtpengine (WebRTC ↔ RTP), the headless engine with its office line registered, and a baresip
 * caller who goes through the published IVR into the team's queue.
 */

const office = softphoneOffice();

const DIALLED = '0212345678';
const say = (text: string) => ({ kind: 'tts', text, language: 'en' });

/** The IVR: menu 1 → a booking-number form → the team's queue. */
function frontDesk(teamId: string) {
  return {
    name: 'Front desk',
    definition: {
      trigger: { kind: 'customer_called' },
      steps: [
        {
          kind: 'ivr_buttons',
          id: 'menu',
          name: 'Main menu',
          prompt: say('For sales, press 1.'),
          buttons: [{ key: '1' }],
        },
        {
          kind: 'input_form',
          id: 'booking',
          name: 'Booking number',
          prompt: say('Enter your booking number, then press the pound key.'),
          variable: 'booking',
          minDigits: 2,
          maxDigits: 6,
        },
        {
          kind: 'assign',
          id: 'sales',
          name: 'Sales',
          target: { kind: 'team', teamId },
          ringTimeoutSec: 30,
        },
      ],
      edges: [
        { source: 'trigger', output: 'start', target: 'menu' },
        { source: 'menu', output: 'key:1', target: 'booking' },
        { source: 'booking', output: 'next', target: 'sales' },
      ],
    },
  };
}

/** The built-in hold chime's first note (electron/engine/media/hold-chime.ts), E5. */
const CHIME_HZ = 659.25;

/** The peak of each `size`-sample window. */
function windowPeaks(samples: Int16Array, size: number): number[] {
  const peaks: number[] = [];
  for (let i = 0; i < samples.length; i += size) {
    peaks.push(samples.subarray(i, i + size).reduce((max, s) => Math.max(max, Math.abs(s)), 0));
  }
  return peaks;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('an agent takes a routed call in the browser: screen pop, media, hold, keys, wrap-up; registration lost and back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const testbed = await office.start({ auth: true, agents: ['agent1'] });
  const { teamId, token } = await office.addBrowserAgent({ wrapUpSec: 30, announcePosition: false });
  await office.publishWorkflow(frontDesk(teamId));
  await office.openPhone(page, token, { width: 1280, height: 800 });
  const registration = page.getByTestId('phone-registration');

  // The caller dials the office number, presses 1, then keys in a booking number.
  const caller = testbed.agent('agent1');
  const since = caller.events.length;
  await caller.dial(`sip:${DIALLED}@${testbed.host}:${testbed.sipPort}`);
  await caller.nextEvent(since, 'CALL_ESTABLISHED', 10_000);
  await sleep(800);
  await caller.command('sndcode', '1');
  await sleep(1500);
  for (const key of ['4', '7', '1', '1', '#']) {
    await caller.command('sndcode', key);
    await sleep(250);
  }

  // The browser rings with the screen pop: caller, number, the key pressed, the form input.
  const callPanel = page.getByRole('region', { name: 'Incoming call' });
  await expect(callPanel).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('pop-path')).toContainText('Main menu');
  await expect(page.getByTestId('pop-path')).toContainText('pressed 1');
  await expect(page.getByTestId('pop-inputs')).toContainText('Booking number: 4711');
  await expect(callPanel).toContainText('agent1');
  await expect(callPanel).toContainText(DIALLED);
  await page.screenshot({ path: join(repoRoot, 'docs', 'softphone.png') });
  await expectAccessible(page, 'the ringing phone with its screen pop');

  // What the caller heard so far (IVR prompts, the queue's hold chime) ends here in its recording.
  const heardFile = testbed.recordings('agent1').find((file) => file.endsWith('-dec.wav'));
  expect(heardFile, 'the caller records what it hears').toBeDefined();
  const heardBeforeAnswer = statSync(heardFile ?? '').size;

  // Answer: the timer runs and audio flows both ways.
  await callPanel.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-timer')).toBeVisible({ timeout: 10_000 });
  await expectMediaBothWays(page);

  // Hold: the re-INVITE offers a=sendonly; unhold: a=sendrecv and audio comes in again.
  await page.getByRole('button', { name: 'Hold' }).click();
  await expect(page.getByText('On hold')).toBeVisible();
  expect((await mediaCounters(page)).sdp).toMatch(/a=sendonly/);
  // Held for two seconds of the caller's recording (16-bit 8 kHz: 16 000 bytes a second).
  const heldFrom = statSync(heardFile ?? '').size;
  await expect
    .poll(() => statSync(heardFile ?? '').size, { timeout: 10_000 })
    .toBeGreaterThan(heldFrom + 32_000);
  const heldTo = statSync(heardFile ?? '').size;
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText('On hold')).toBeHidden();
  const resumed = await mediaCounters(page);
  expect(resumed.sdp).toMatch(/a=sendrecv/);
  await sleep(1000);
  expect((await mediaCounters(page)).received).toBeGreaterThan(resumed.received + 15);

  // A key from the keypad goes out as RFC 4733 events.
  await page.getByRole('group', { name: 'Keypad' }).getByRole('button', { name: '5' }).click();
  await expect(page.getByText('Sent: 5')).toBeVisible();
  await sleep(1000);

  // Hang up (Alt+H), then wrap up with a tag.
  await page.keyboard.press('Alt+KeyH');
  await caller.nextEvent(since, 'CALL_CLOSED', 10_000);
  const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
  await expect(wrapUp).toBeVisible();
  await expect(wrapUp).toContainText(/Ready again in \d+ s/);
  await wrapUp.getByLabel('Tags (comma-separated)').fill('booking');
  await wrapUp.getByLabel('Note').fill('Changed the date');
  await wrapUp.getByRole('button', { name: 'Save' }).click();
  await expect(wrapUp.getByText('Saved to the conversation')).toBeVisible();
  const page1 = await office.api.result<{ items: { id: string; tags: { tag: string }[]; notes: string }[] }>(
    'conversations.list',
    { tag: 'booking' },
  );
  expect(page1.items).toHaveLength(1);
  expect(page1.items[0]?.notes).toBe('Changed the date');
  await wrapUp.getByRole('button', { name: 'Ready' }).click();
  await expect(wrapUp).toBeHidden();

  // The caller heard the browser: after the answer its recording holds Chromium's fake
  // microphone (loud clicks twice a second), far above the hold chime it heard while queued.
  const recording = readPcmWav(heardFile ?? '');
  const afterAnswer = recording.samples.subarray(Math.floor((heardBeforeAnswer - 44) / 2));
  const loudWindows = windowPeaks(afterAnswer, recording.sampleRate / 10).filter((peak) => peak > 10_000);
  expect(loudWindows.length, 'loud 100 ms windows after the answer').toBeGreaterThanOrEqual(3);
  // While the agent held the call, the caller heard the team's hold audio (the chime), not silence.
  const whileHeld = recording.samples.subarray(
    Math.floor((heldFrom - 44) / 2),
    Math.floor((heldTo - 44) / 2),
  );
  expect(
    findToneBursts({ sampleRate: recording.sampleRate, samples: whileHeld }, CHIME_HZ),
    'the caller heard silence on hold',
  ).not.toHaveLength(0);
  // The keypad's 5 reached the caller through the engine's bridge (baresip reports what it received).
  expect(caller.dtmfDigits()).toBe('5');

  // The PBX restarts and forgets the binding: the page says so at once, and registers again by itself.
  await testbed.restartKamailio(async () => {
    await expect(registration).toHaveText('Phone NOT registered', { timeout: 5000 });
    await expect(page.getByRole('alert').filter({ hasText: 'not registered' })).toBeVisible();
  });
  await expect(registration).toHaveText('Phone registered', { timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'not registered' })).toBeHidden();
});
