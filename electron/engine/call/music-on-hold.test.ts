import { describe, expect, it } from 'vitest';
import type { MediaStreamHandle } from '../media/media-host.js';
import { MusicOnHold } from './music-on-hold.js';

/**
 * A held caller's audio under a fake media host: what is bridged and played, in order. (The
 * live proof, a SIPp agent holding a baresip caller through Kamailio, is
 * test/integration/agent-hold.test.ts.)
 */
function harness(audio?: () => Promise<Int16Array>) {
  const log: string[] = [];
  const pending: ((result: { interrupted: boolean }) => void)[] = [];
  const stream = (id: string) =>
    ({
      streamId: id,
      play: (pcm: Int16Array) => {
        log.push(`play ${pcm.length}`);
        return new Promise((resolve) => pending.push(resolve));
      },
      stopPlay: () => {
        log.push('stopPlay');
        for (const resolve of pending.splice(0)) resolve({ interrupted: true });
      },
    }) as unknown as MediaStreamHandle;
  const caller = stream('caller');
  const agent = stream('agent');
  const media = {
    bridge: (a: MediaStreamHandle, b: MediaStreamHandle) => log.push(`bridge ${a.streamId}+${b.streamId}`),
    unbridge: (a: MediaStreamHandle) => log.push(`unbridge ${a.streamId}`),
  };
  const music = new MusicOnHold({ media, listener: caller, ...(audio ? { audio } : {}) });
  /** The current play ends as played out, so the loop goes round. */
  const playedOut = () => pending.shift()?.({ interrupted: false });
  /** The stream closed under the current play (the call ended). */
  const closed = () => pending.shift()?.({ interrupted: true });
  return { music, agent, log, playedOut, closed };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('MusicOnHold', () => {
  it('takes the caller off the agent’s audio and loops the hold audio until the agent resumes', async () => {
    const { music, agent, log, playedOut } = harness(() => Promise.resolve(new Int16Array(800)));
    music.follow(true, agent);
    await flush();
    playedOut();
    await flush();
    expect(log).toEqual(['unbridge caller', 'play 800', 'play 800']);
    // A second hold offer changes nothing.
    music.follow(true, agent);
    music.follow(false, agent);
    await flush();
    expect(log.slice(3)).toEqual(['stopPlay', 'bridge caller+agent']);
  });

  it('plays the built-in chime when the team’s hold audio cannot be read', async () => {
    const { music, log } = harness(() => Promise.reject(new Error('prompt file missing')));
    music.start();
    await flush();
    // holdChime(): five seconds at 8 kHz.
    expect(log).toEqual(['unbridge caller', 'play 40000']);
  });

  it('stops looping when the call ends under it', async () => {
    const { music, log, closed } = harness();
    music.start();
    await flush();
    closed();
    await flush();
    expect(log).toEqual(['unbridge caller', 'play 40000']);
  });
});
