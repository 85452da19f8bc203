import { holdChime } from '../media/hold-chime.js';
import type { MediaHost, MediaStreamHandle } from '../media/media-host.js';

export interface MusicOnHoldDeps {
  media: Pick<MediaHost, 'bridge' | 'unbridge'>;
  /** The side that is held and hears the music (the caller, or a callback's customer). */
  listener: MediaStreamHandle;
  /** What it hears: the team's hold audio; the built-in chime when that cannot be read. */
  audio?: () => Promise<Int16Array>;
}

/**
 * What one side of a bridged call hears while the other side's phone holds the call (a
 * re-INVITE with a=sendonly or a=inactive, RFC 3264 §8.4): hold audio, looped, in place of the
 * silence a holding phone sends, on which callers hang up. Taking the call off hold
 * (a=sendrecv) stops the music and joins the two sides again.
 */
export class MusicOnHold {
  private playing: AbortController | undefined;

  constructor(private readonly deps: MusicOnHoldDeps) {}

  /** Follows the holding side: held → music; resumed → bridged back to `partner`. */
  follow(held: boolean, partner: MediaStreamHandle): void {
    if (held) {
      this.start();
      return;
    }
    this.stop();
    this.deps.media.bridge(this.deps.listener, partner);
  }

  /** The listener stops hearing its partner and hears the hold audio until stop(). */
  start(): void {
    if (this.playing) return;
    const playing = (this.playing = new AbortController());
    this.deps.media.unbridge(this.deps.listener);
    void this.loop(playing.signal);
  }

  /** Stops the music (the listener then hears whatever it is bridged to next). */
  stop(): void {
    if (!this.playing) return;
    this.playing.abort();
    this.playing = undefined;
    this.deps.listener.stopPlay();
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const pcm = this.deps.audio ? await this.deps.audio().catch(() => holdChime()) : holdChime();
    // A closed stream ends every play as interrupted, which ends the loop with the call.
    while (!signal.aborted) {
      const { interrupted } = await this.deps.listener.play(pcm);
      if (interrupted) return;
    }
  }
}
