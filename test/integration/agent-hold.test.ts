import { describe, expect, it } from 'vitest';
import { describeSipp } from '../pbx/sipp.js';
import { findToneBursts } from '../pbx/tone-analysis.js';
import { annPhone, heard, TONE_HZ, officeWithAnnAndBob } from '../support/sipp-agents.js';

/** The built-in hold chime's first note (electron/engine/media/hold-chime.ts), E5. */
const CHIME_HZ = 659.25;
/** Ann talks this long before she holds; then the call is held 3 s (the scenario). */
const TALK_MS = 2000;

/**
 * An agent's phone holds the caller (issue 7): the caller is baresip agent1 dialling the office,
 * put through a team queue to Ann, a SIPp phone that sends hold and resume re-INVITEs on the
 * engine's leg. The caller must hear hold audio while held (not silence), and Ann after.
 */
describe('an agent holds the caller', () => {
  const { office } = officeWithAnnAndBob(['agent1']);

  it('plays hold audio (the built-in chime: Sales has no prompt) while held, and joins them again on resume', async () => {
    const { testbed } = office;
    const customer = testbed.agent('agent1');
    const since = customer.events.length;
    const ann = annPhone(testbed, 'sipp-uas-holding-agent.xml', ['-d', String(TALK_MS)]);
    await customer.dial(testbed.uri('office'));
    await customer.nextEvent(since, 'CALL_ESTABLISHED', 10_000);
    const annResult = await ann;
    expect(annResult.code, describeSipp(annResult)).toBe(0);
    await customer.nextEvent(since, 'CALL_CLOSED', 10_000);
    // The engine answered both re-INVITEs: hold (we receive only) and resume.
    const answers = [...annResult.messages.matchAll(/^a=(sendrecv|recvonly|sendonly|inactive)\s*$/gm)];
    expect(answers.map((match) => match[1])).toContain('recvonly');

    const recording = heard(testbed, 'agent1');
    const chimes = findToneBursts(recording, CHIME_HZ);
    const annSpeaks = findToneBursts(recording, TONE_HZ.ann);
    // A chime may also sound while Ann's phone rings (the queue's hold audio): count those that
    // began once she had talked a while, that is, while she held the call.
    const duringHold = chimes.filter((burst) => burst.startMs >= TALK_MS - 500);
    expect(duringHold, 'the caller heard silence while held').not.toHaveLength(0);
    expect(annSpeaks, 'the caller did not hear Ann after she resumed').not.toHaveLength(0);
    // The music stopped when Ann came back: no chime after her voice began.
    expect(chimes.filter((burst) => burst.startMs > annSpeaks[0]!.startMs)).toEqual([]);
  }, 90_000);
});
