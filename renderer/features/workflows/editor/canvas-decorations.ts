/**
 * What a panel draws over the canvas without changing the workflow: the test call's current
 * step and path, analytics counts and edge widths, a diff's added/changed/removed marks.
 */
export type DecorationTone = 'current' | 'visited' | 'added' | 'changed' | 'removed' | 'hot';

export interface CanvasDecorations {
  /** By step id (or 'trigger'). */
  steps: Readonly<Record<string, { tone?: DecorationTone; badge?: string }>>;
  /** By index in definition.edges. */
  edges: Readonly<Record<number, { tone?: DecorationTone; width?: number; label?: string }>>;
}
