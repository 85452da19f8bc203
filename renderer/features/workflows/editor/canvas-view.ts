import type { FitViewOptions } from '@xyflow/react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/**
 * Above this many steps the minimap is left out: it redraws every step on every move of a
 * dragged one (bench/editor-frames.ts, 300 steps: 83 ms frames with it, 17 ms without).
 */
export const MINIMAP_MAX_STEPS = 80;

/**
 * Below this window width the minimap starts hidden: the canvas between the palette and the
 * inspector is then about 600 px wide at 1280, and a 200×150 map would cover a third of it.
 */
const MINIMAP_MIN_WINDOW = 1600;

/** How the manager likes the canvas, across workflows and restarts. */
export const useCanvasView = create<{
  /** Shown or hidden by the manager's own choice; null until they choose. */
  minimap: boolean | null;
  setMinimap(shown: boolean): void;
}>()(
  persist((set) => ({ minimap: null, setMinimap: (minimap) => set({ minimap }) }), {
    name: 'switchboard.canvas-view',
  }),
);

/** Whether the minimap is drawn now. */
export function minimapShown(choice: boolean | null, steps: number, windowWidth: number): boolean {
  return steps <= MINIMAP_MAX_STEPS && (choice ?? windowWidth >= MINIMAP_MIN_WINDOW);
}

/**
 * "Zoom to fit" that never leaves a step under the minimap (bottom right, 200×150 plus its
 * margin) and never zooms past 100 %.
 */
export function fitOptions(withMinimap: boolean): FitViewOptions {
  const edge = '40px';
  return {
    maxZoom: 1,
    padding: { top: edge, left: edge, bottom: edge, right: withMinimap ? '240px' : edge },
  };
}
