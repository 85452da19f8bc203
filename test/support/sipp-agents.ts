import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { encodeG711WithSox } from '../pbx/dtmf-audio.js';
import { writeRtpPcap } from '../pbx/rtp-pcap.js';
import { describeSipp, runSipp, type SippResult } from '../pbx/sipp.js';
import type { AgentName, Testbed } from '../pbx/testbed.js';
import { readPcmWav } from '../pbx/tone-analysis.js';
import { sineTone, writePcmWav } from '../pbx/wav.js';
import { publishToTeam } from './office-routing.js';
import { officeWithTestbed, type OfficeWithTestbed } from './office-with-testbed.js';
import type { RawApiClient } from './ws-client.js';

/**
 * Agents' phones played by SIPp (Ann, SIP user web1; Bob, agent2) beside the test bed's
 * baresip phones, for tests of what an agent's phone does inside a call: transfer, hold.
 */

export const scenario = (file: string): string => fileURLToPath(new URL(`../pbx/${file}`, import.meta.url));
/** The tones the test bed's baresip phones play (test/pbx/testbed.ts), and the SIPp agent's. */
export const TONE_HZ = { agent1: 440, agent2: 660, ann: 1000, bob: 1300 } as const;
/** Where the SIPp agent (Ann, SIP user web1) takes calls; its REGISTER points there. */
const ANN_PORT = 5072;

interface AgentView {
  agentId: string;
  name: string;
  status: string;
}

/**
 * Agents Ann (a SIPp phone registered as web1, which transfers) and Bob (baresip agent2) in one
 * team; a published workflow puts every caller in the team's queue. Ann is available first, so
 * with "longest idle" she takes the call.
 */
async function annAndBobInSales(api: RawApiClient): Promise<{ ann: string; bob: string }> {
  const ann = (await api.result<{ id: string }>('agents.save', { name: 'Ann', extension: 'web1' })).id;
  const bob = (await api.result<{ id: string }>('agents.save', { name: 'Bob', extension: 'agent2' })).id;
  const team = await api.result<{ id: string }>('teams.save', {
    name: 'Sales',
    memberIds: [ann, bob],
    routing: { wrapUpSec: 60, announcePosition: false },
  });
  await publishToTeam(api, team.id, 8);
  await api.result('presence.set', { agentId: ann, presence: 'available' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await api.result('presence.set', { agentId: bob, presence: 'available' });
  return { ann, bob };
}

/** Registers `user` at the proxy with its Contact on `port`, where a SIPp UAS will listen. */
export async function registerSipp(testbed: Testbed, user: 'web1' | 'agent2', port: number): Promise<void> {
  const result = await runSipp({
    scenario: scenario('sipp-register.xml'),
    service: user,
    remote: testbed.proxyAddress,
    auth: { user, password: testbed.users[user] },
    dir: testbed.dir,
    timeoutSeconds: 5,
    extraArgs: ['-key', 'contact_port', String(port)],
  });
  expect(result.code, describeSipp(result)).toBe(0);
}

/** Ann's SIPp phone runs `file` (test/pbx): it answers the engine's call and does what that says. */
export function annPhone(testbed: Testbed, file: string, extraArgs: string[]): Promise<SippResult> {
  return runSipp({
    scenario: scenario(file),
    service: 'web1',
    remote: testbed.proxyAddress,
    fromUser: 'web1',
    dir: testbed.dir,
    localPort: ANN_PORT,
    mediaPort: 6200,
    timeoutSeconds: 40,
    extraArgs,
  });
}

const registerAnn = (testbed: Testbed) => registerSipp(testbed, 'web1', ANN_PORT);

/** A tone as an A-law RTP pcap for SIPp's play_pcap_audio (SIPp loads it at start). */
export function writeTonePcap(testbed: Testbed, file: string, hz: number, seconds: number): void {
  const wav = join(testbed.dir, `${file}.wav`);
  writePcmWav(wav, sineTone(seconds, hz));
  writeRtpPcap(join(testbed.dir, file), encodeG711WithSox(wav, 'PCMA'), { payloadType: 8 });
}

/** What Ann plays once the caller is back with her: a 1 kHz tone. */
const writeAnnAudio = (testbed: Testbed) => writeTonePcap(testbed, 'agent-audio.pcap', TONE_HZ.ann, 3);

/** What the phone heard on its last call (baresip's decoded recording). */
export function heard(testbed: Testbed, name: 'agent1' | 'agent2') {
  return readPcmWav(
    testbed
      .recordings(name)
      .filter((file) => file.endsWith('-dec.wav'))
      .at(-1)!,
  );
}

export async function board(api: RawApiClient): Promise<Record<string, string>> {
  const [team] = await api.result<{ agents: AgentView[] }[]>('queues.snapshot', {});
  return Object.fromEntries((team?.agents ?? []).map((agent) => [agent.name, agent.status]));
}

/**
 * The office on the test bed for a describe block, with the baresip `phones`, Ann and Bob in
 * Sales (their ids in `ids` once started), Ann's SIPp phone registered and her audio written;
 * `more` adds what one block needs besides.
 */
export function officeWithAnnAndBob(
  phones: AgentName[],
  more: (office: OfficeWithTestbed) => Promise<void> = async () => undefined,
): { office: OfficeWithTestbed; ids: { ann: string; bob: string } } {
  const ids = { ann: '', bob: '' };
  const office = officeWithTestbed(
    { auth: true, agents: phones },
    {
      timeoutMs: 120_000,
      setUp: async (started) => {
        Object.assign(ids, await annAndBobInSales(started.api));
        await registerAnn(started.testbed);
        writeAnnAudio(started.testbed);
        await more(started);
      },
    },
  );
  return { office, ids };
}
