import type { Locator } from '@playwright/test';

/** The parts of an <audio> element read here (typed by hand: this file is checked without the DOM library). */
interface MediaElement {
  currentTime: number;
  duration: number;
  paused: boolean;
  played: { length: number; start(index: number): number; end(index: number): number };
}

export interface PlayerState {
  /** Seconds; NaN until the file's header has been read. */
  duration: number;
  currentTime: number;
  paused: boolean;
  /** Seconds actually played: the `played` ranges summed, so jumps over audio do not count. */
  playedSec: number;
}

/** Where an <audio> element stands, read in the page. */
export function playerState(audio: Locator): Promise<PlayerState> {
  return audio.evaluate((element: MediaElement) => {
    let playedSec = 0;
    for (let i = 0; i < element.played.length; i++)
      playedSec += element.played.end(i) - element.played.start(i);
    return {
      duration: element.duration,
      currentTime: element.currentTime,
      paused: element.paused,
      playedSec,
    };
  });
}
