import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { encodeG711WithSox } from '../pbx/dtmf-audio.js';
import { writeRtpPcap } from '../pbx/rtp-pcap.js';
import { describeSipp, runSipp } from '../pbx/sipp.js';
import type { AgentName, Testbed } from '../pbx/testbed.js';
import { sineTone, writePcmWav } from '../pbx/wav.js';
import { repoRoot } from '../support/engine-process.js';
import { expectAccessible, expectNoSidewaysScroll } from './accessibility-audit.js';
import { expectMediaBothWays } from './softphone-browser.js';
import { softphoneOffice } from './softphone-office.js';

/**
 * Transfers from the browser softphone (REFER, RFC 3515; attended with Replaces, RFC 3891)
 * through the engine, which holds the caller's call: a caller (baresip agent1) reaches the
 * agent in the browser through the team's queue. Blind: to a number that does not exist (the
 * caller stays), then to Bob (baresip agent2). Attended: Bob is a SIPp phone (baresip 1.0 has
 * no Replaces); the agent consults him, goes back to the caller, consults again and completes.
 */

const office = softphoneOffice();

const OFFICE_NUMBER = '0212345678';
/** Where the SIPp Bob takes calls (his REGISTER points there). */
const BOB_PORT = 5073;
const BOB_TONE_HZ = 660;

/**
 * The test bed (with `agents`), the engine, and the office: Jiwoo (web1, the browser) alone in
 * Sales, where every call queues, and Bob (agent2) outside it; her phone open and registered.
 */
async function openPhone(page: Page, agents: AgentName[]): Promise<Testbed> {
  const bed = await office.start({ auth: true, agents });
  const { teamId, token } = await office.addBrowserAgent({ wrapUpSec: 5, announcePosition: false });
  await office.api.result('agents.save', { name: 'Bob', extension: 'agent2' });
  await office.publishWorkflow(toTheTeam(teamId));
  await office.openPhone(page, token, { width: 1280, height: 720 });
  return bed;
}

/** Every caller straight to the team's queue. */
function toTheTeam(teamId: string) {
  const target = { kind: 'team', teamId };
  return {
    name: 'To the team',
    definition: {
      trigger: { kind: 'customer_called' },
      steps: [{ kind: 'assign', id: 'team', name: 'Team', target, ringTimeoutSec: 30 }],
      edges: [{ source: 'trigger', output: 'start', target: 'team' }],
    },
  };
}

/** The caller (agent1) dials the office; the browser answers the routed call. Returns the caller's event mark. */
async function takeCall(page: Page, bed: Testbed): Promise<number> {
  const caller = bed.agent('agent1');
  const since = caller.events.length;
  await caller.dial(`sip:${OFFICE_NUMBER}@${bed.host}:${bed.sipPort}`);
  await caller.nextEvent(since, 'CALL_ESTABLISHED', 10_000);
  const ringing = page.getByRole('region', { name: 'Incoming call' });
  await expect(ringing).toBeVisible({ timeout: 20_000 });
  await ringing.getByRole('button', { name: 'Answer' }).click();
  await expect(page.getByTestId('call-timer')).toBeVisible({ timeout: 10_000 });
  return since;
}

test('blind: a number nobody has keeps the caller with the agent; a colleague picked from the list takes the call', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const bed = await openPhone(page, ['agent1', 'agent2']);
  const caller = bed.agent('agent1');
  const bob = bed.agent('agent2');
  const status = page.getByTestId('transfer-status');

  // A number nobody has (404 from the PBX): the caller stays with the agent, audio and all.
  const callerSince = await takeCall(page, bed);
  await page.getByRole('button', { name: 'Transfer', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Transfer the call' });
  await panel.getByLabel('Number or extension').fill('299');
  await panel.getByRole('button', { name: 'Transfer now' }).click();
  await expect(status).toContainText('Transfer failed: 404 Not Found. The caller is still with you.', {
    timeout: 15_000,
  });
  await expectMediaBothWays(page);
  await expectAccessible(page, 'the transfer panel after a failed transfer');
  await expectNoSidewaysScroll(page);

  // Bob, picked from the colleagues: he rings and answers, the browser's call ends, the caller stays.
  const bobSince = bob.events.length;
  await panel.getByLabel('Or a colleague').selectOption('agent2');
  await panel.getByRole('button', { name: 'Transfer now' }).click();
  await bob.nextEvent(bobSince, 'CALL_ESTABLISHED', 15_000);
  await expect(page.getByTestId('call-timer')).toBeHidden({ timeout: 10_000 });
  expect(caller.events.slice(callerSince).some((e) => e.type === 'CALL_CLOSED')).toBe(false);
  await bob.hangup();
  await caller.nextEvent(callerSince, 'CALL_CLOSED', 10_000);

  // The inbox tells the call's story: Jiwoo answered, then handed the caller to Bob.
  await page.getByRole('link', { name: /^Inbox/ }).click();
  const rows = page.getByRole('region', { name: 'Conversations' }).locator('.inbox-row');
  await expect(rows.first()).toContainText('Transferred');
  await rows.first().click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('Answered by Jiwoo');
  await expect(timeline).toContainText('Jiwoo transferred the caller to Bob');
});

test('attended: consult a colleague with the caller on hold, go back, consult again and complete', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const bed = await openPhone(page, ['agent1']);
  const caller = bed.agent('agent1');
  const status = page.getByTestId('transfer-status');
  await registerBob(bed);
  writeTonePcap(bed, 'target-audio.pcap', BOB_TONE_HZ, 6);
  // Bob's phone takes three calls: the consultation the agent goes back from, the second
  // consultation, then the engine's INVITE with Replaces; each ends with a BYE to him.
  const bob = runSipp({
    scenario: join(repoRoot, 'test/pbx/sipp-uas-replaces-target.xml'),
    service: 'agent2',
    remote: bed.proxyAddress,
    fromUser: 'agent2',
    dir: bed.dir,
    localPort: BOB_PORT,
    mediaPort: 6300,
    timeoutSeconds: 60,
    extraArgs: ['-m', '3'],
  });

  const callerSince = await takeCall(page, bed);
  await page.keyboard.press('Alt+KeyT');
  const panel = page.getByRole('region', { name: 'Transfer the call' });
  await expect(panel.getByLabel('Number or extension')).toBeFocused();
  await panel.getByLabel('Number or extension').fill('agent2');
  await panel.getByRole('button', { name: 'Consult first' }).click();
  await expect(status).toHaveText('Talking with agent2. The caller is on hold.', { timeout: 15_000 });
  await expect(page.getByText('On hold', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Back to caller' }).click();
  await expect(page.getByText('On hold', { exact: true })).toBeHidden();
  await expectMediaBothWays(page);

  // The panel stays open for another try.
  await panel.getByRole('button', { name: 'Consult first' }).click();
  await expect(status).toHaveText('Talking with agent2. The caller is on hold.', { timeout: 15_000 });
  await panel.getByRole('button', { name: 'Complete transfer' }).click();
  await expect(page.getByTestId('call-timer')).toBeHidden({ timeout: 15_000 });
  expect(caller.events.slice(callerSince).some((e) => e.type === 'CALL_CLOSED')).toBe(false);
  await page.waitForTimeout(1500);
  await caller.hangup();
  await caller.nextEvent(callerSince, 'CALL_CLOSED', 10_000);
  const bobResult = await bob;
  expect(bobResult.code, describeSipp(bobResult)).toBe(0);
});

/** Registers agent2 at the proxy with its Contact on {@link BOB_PORT}, where the SIPp Bob listens. */
async function registerBob(bed: Testbed): Promise<void> {
  const result = await runSipp({
    scenario: join(repoRoot, 'test/pbx/sipp-register.xml'),
    service: 'agent2',
    remote: bed.proxyAddress,
    auth: { user: 'agent2', password: bed.users.agent2 },
    dir: bed.dir,
    timeoutSeconds: 5,
    extraArgs: ['-key', 'contact_port', String(BOB_PORT)],
  });
  expect(result.code, describeSipp(result)).toBe(0);
}

/** A tone as an A-law RTP pcap for SIPp's play_pcap_audio (SIPp loads it at start). */
function writeTonePcap(bed: Testbed, file: string, hz: number, seconds: number): void {
  const wav = join(bed.dir, `${file}.wav`);
  writePcmWav(wav, sineTone(seconds, hz));
  writeRtpPcap(join(bed.dir, file), encodeG711WithSox(wav, 'PCMA'), { payloadType: 8 });
}
