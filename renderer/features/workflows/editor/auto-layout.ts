import {
  Graph,
  layout,
  type EdgeLabel,
  type GraphLabel,
  type NodeLabel,
  type OrderConstraint,
} from '@dagrejs/dagre';
import { outputsOf } from '../../../../shared/workflow/steps.js';
import {
  TRIGGER,
  TRIGGER_OUTPUT,
  type Edge,
  type WorkflowDefinition,
} from '../../../../shared/workflow/workflow.js';

export interface Size {
  width: number;
  height: number;
}
type Point = { x: number; y: number };

/** A node's size when the canvas has not measured it (not drawn yet, or off screen). */
export const FALLBACK_SIZE: Size = { width: 240, height: 140 };
/** Space between layers (left to right) and between steps of one layer. */
const LAYER_GAP = 80;
const STEP_GAP = 40;

/**
 * Tidy positions (top-left corners) for every step: layers left to right from the trigger, as
 * calls go through them (dagre's layered layout: loops turned back, crossings kept few, a
 * menu's targets in the order of its keys), the trigger staying at 0,0 where the canvas keeps
 * it. Steps no call reaches follow to the right, laid out the same way among themselves.
 */
export function tidyPositions(
  definition: WorkflowDefinition,
  sizes: ReadonlyMap<string, Size>,
): Map<string, Point> {
  const sizeOf = (id: string) => sizes.get(id) ?? FALLBACK_SIZE;
  const edges = edgesInExitOrder(definition);
  const reached = reachable(edges);
  const flow = layered([...reached], edges, sizeOf);
  const start = flow.get(TRIGGER) ?? { x: 0, y: 0 };
  const positions = new Map<string, Point>();
  let right = 0;
  let top = 0;
  for (const [id, at] of flow) {
    const position = { x: at.x - start.x, y: at.y - start.y };
    right = Math.max(right, position.x + sizeOf(id).width);
    top = Math.min(top, position.y);
    if (id !== TRIGGER) positions.set(id, position);
  }
  const rest = definition.steps.map((step) => step.id).filter((id) => !reached.has(id));
  for (const [id, at] of layered(rest, edges, sizeOf)) {
    positions.set(id, { x: right + LAYER_GAP + at.x, y: top + at.y });
  }
  return positions;
}

/** Every edge to an existing step, each step's (and the trigger's) in the order of its exits. */
function edgesInExitOrder(definition: WorkflowDefinition): Edge[] {
  const ids = new Set(definition.steps.map((step) => step.id));
  const exitsBySource = new Map<string, string[]>([
    [TRIGGER, [TRIGGER_OUTPUT]],
    ...definition.steps.map((step) => [step.id, outputsOf(step)] as const),
  ]);
  const rank = (edge: Edge) => exitsBySource.get(edge.source)?.indexOf(edge.output) ?? -1;
  return [...exitsBySource.keys()].flatMap((source) =>
    definition.edges
      .filter((edge) => edge.source === source && ids.has(edge.target))
      .sort((a, b) => rank(a) - rank(b)),
  );
}

/** The trigger and the steps a call can reach from it, in the order a call meets them. */
function reachable(edges: readonly Edge[]): Set<string> {
  const seen = new Set([TRIGGER]);
  const queue = [TRIGGER];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of edges) {
      if (edge.source !== id || seen.has(edge.target)) continue;
      seen.add(edge.target);
      queue.push(edge.target);
    }
  }
  return seen;
}

/**
 * A layered layout of `ids` and the edges among them, top-left corners with the whole at 0,0.
 * Nodes go in in `ids` order and edges in exit order: dagre breaks loops where a call meets
 * them, and keeps a step's targets top to bottom in the order of its exits.
 */
function layered(
  ids: readonly string[],
  edges: readonly Edge[],
  sizeOf: (id: string) => Size,
): Map<string, Point> {
  if (ids.length === 0) return new Map();
  const graph = new Graph<GraphLabel, NodeLabel, EdgeLabel>();
  graph.setGraph({ rankdir: 'LR', ranksep: LAYER_GAP, nodesep: STEP_GAP, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) graph.setNode(id, { ...sizeOf(id) });
  for (const { source, target } of edges) {
    // Two exits to one step pull it closer; an exit to its own step says nothing of layers.
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    const weight = graph.edge(source, target)?.weight ?? 0;
    graph.setEdge(source, target, { weight: weight + 1 });
  }
  layout(graph, { constraints: exitOrder(edges, graph.hasNode.bind(graph)) });
  const corners = ids.map((id) => {
    const { x = 0, y = 0, width, height } = graph.node(id);
    return [id, { x: x - width / 2, y: y - height / 2 }] as const;
  });
  const left = Math.min(...corners.map(([, at]) => at.x));
  const top = Math.min(...corners.map(([, at]) => at.y));
  return new Map(corners.map(([id, at]) => [id, { x: Math.round(at.x - left), y: Math.round(at.y - top) }]));
}

/**
 * "Above" constraints between the targets of a step's consecutive exits: where both orders
 * cross nothing, dagre would otherwise pick either.
 */
function exitOrder(edges: readonly Edge[], included: (id: string) => boolean): OrderConstraint[] {
  return edges.flatMap((edge, index): OrderConstraint[] => {
    const previous = edges[index - 1];
    if (previous?.source !== edge.source || previous.target === edge.target) return [];
    if (!included(previous.target) || !included(edge.target)) return [];
    return [{ left: previous.target, right: edge.target }];
  });
}
