import { useSyncExternalStore } from 'react';
import { createTicker } from './ticker.js';

/** The page's one clock for ticking waits (see ticker.ts). */
const ticker = createTicker(1000);

/** The time, updated once a second while any component reads it. */
export function useNow(): number {
  return useSyncExternalStore(ticker.subscribe, ticker.now);
}
