import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Dimensions,
  type NodeChange,
  type EdgeChange,
  type FinalConnectionState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StepKind } from '../../../../shared/workflow/steps.js';
import { TRIGGER } from '../../../../shared/workflow/workflow.js';
import { useT } from '../../../i18n/use-t.js';
import { MapIcon } from '../../../ui/icons.js';
import type { EditorStore } from './editor-store.js';
import { fitOptions, MINIMAP_MAX_STEPS, minimapShown, useCanvasView } from './canvas-view.js';
import { StepNode } from './step-node.js';
import { edgeIndexOf, toFlow, type StepFlowNode } from './to-flow.js';

const nodeTypes = { step: StepNode };
/** A step's size as React Flow measured it, and the exits it had then. */
type MeasuredSize = { exits: string; size: Dimensions };
const exitsOf = (node: StepFlowNode) => node.data.outputs.map((output) => output.id).join(' ');
const multiSelectionKeys = ['Shift', 'Control', 'Meta'];

/** The MIME type a palette item is dragged with. */
export const STEP_KIND_MIME = 'application/x-switchboard-step';

/**
 * The canvas (inside the editor's ReactFlowProvider): the draft drawn by React Flow, every change going back to the editor store (the
 * one model). Drag a step from the palette to add it, drag from an exit to a step to connect,
 * Delete/Backspace removes what is selected. As in drawing tools, dragging the empty canvas
 * pans it, Shift+drag draws a selection box, and Shift, Ctrl or Cmd+click adds to the
 * selection. Steps take the focus with Tab: Enter selects the focused one, the arrow keys move
 * the selection (Shift: further). `children` float over it (the quick add).
 */
export function WorkflowCanvas({ store, children }: { store: EditorStore; children?: ReactNode }) {
  const t = useT();
  const flow = useReactFlow();
  const definition = useStore(store, (s) => s.definition);
  const issues = useStore(store, (s) => s.issues);
  const selected = useStore(store, (s) => s.selected);
  const decorations = useStore(store, (s) => s.decorations);
  const { minimap, setMinimap } = useCanvasView();
  const withMinimap = minimapShown(minimap, definition.steps.length, window.innerWidth);
  const fit = useMemo(() => fitOptions(withMinimap), [withMinimap]);
  // The sizes React Flow measured, given back with the nodes: the minimap draws only nodes of
  // known size, and React Flow measures again every node that comes without one. A size holds
  // for the exits it was measured with: React Flow finds the handles when it measures, so a
  // step whose exits change (a key renumbered, at the same size) must be measured again.
  const [sizes, setSizes] = useState<ReadonlyMap<string, MeasuredSize>>(new Map());
  const { nodes, edges } = useMemo(() => {
    const drawn = toFlow(definition, issues, selected, decorations);
    const nodes = drawn.nodes.map((node) => {
      const known = sizes.get(node.id);
      return known?.exits === exitsOf(node) ? { ...node, measured: known.size } : node;
    });
    return { nodes, edges: drawn.edges };
  }, [definition, issues, selected, decorations, sizes]);

  // While a step is dragged its position lives here, and goes to the store (one model, one
  // save) when the drag ends: redrawing 300 steps on every mouse move would stutter.
  const [dragged, setDragged] = useState<StepFlowNode[] | null>(null);
  const draggedRef = useRef<StepFlowNode[] | null>(null);
  draggedRef.current = dragged;

  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      const state = store.getState();
      const measured = changes.flatMap((change) => {
        const node = change.type === 'dimensions' && nodes.find((n) => n.id === change.id);
        return node && change.dimensions
          ? [[change.id, { exits: exitsOf(node), size: change.dimensions }] as const]
          : [];
      });
      if (measured.length > 0) setSizes((current) => new Map([...current, ...measured]));
      const dragging = changes.filter(
        (change): change is Extract<NodeChange<StepFlowNode>, { type: 'position' }> =>
          change.type === 'position' && change.id !== TRIGGER,
      );
      if (dragging.some((change) => change.dragging)) {
        setDragged((current) => applyNodeChanges(dragging, current ?? nodes));
      } else if (dragging.length > 0) {
        const moved = new Map<string, { x: number; y: number }>();
        for (const change of dragging) {
          const position = change.position ?? draggedRef.current?.find((n) => n.id === change.id)?.position;
          if (position) moved.set(change.id, position);
        }
        if (moved.size > 0) state.moveSteps(moved);
        setDragged(null);
      }
      const removed: string[] = [];
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type === 'remove' && change.id !== TRIGGER) removed.push(change.id);
        if (change.type === 'select') {
          selection ??= new Set(state.selected);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        }
      }
      if (removed.length > 0) state.removeSteps(removed);
      if (selection) state.select([...selection]);
    },
    [store, nodes],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const removed = changes.flatMap((change) => (change.type === 'remove' ? [edgeIndexOf(change.id)] : []));
      if (removed.length > 0) store.getState().removeEdges(removed);
    },
    [store],
  );
  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.sourceHandle || connection.target === TRIGGER) return;
      store.getState().connect(connection.source, connection.sourceHandle, connection.target);
    },
    [store],
  );
  // Dropping an edge anywhere on a step connects it, not only on the step's small input handle.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      if (connection.isValid || !connection.fromNode || !connection.fromHandle?.id) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const target = document
        .elementFromPoint(point.clientX, point.clientY)
        ?.closest('.react-flow__node')
        ?.getAttribute('data-id');
      if (!target || target === TRIGGER || target === connection.fromNode.id) return;
      store.getState().connect(connection.fromNode.id, connection.fromHandle.id, target);
    },
    [store],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(STEP_KIND_MIME) as StepKind;
      if (!kind) return;
      event.preventDefault();
      store
        .getState()
        .addStep(kind, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }), t(`step.${kind}`));
    },
    [store, flow, t],
  );

  return (
    <div className="canvas" aria-label={t('editor.canvas')} role="region">
      <ReactFlow
        nodes={dragged ?? nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onDrop={onDrop}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
        }}
        deleteKeyCode={['Delete', 'Backspace']}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiSelectionKeys}
        fitView
        fitViewOptions={fit}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        {withMinimap && <MiniMap pannable zoomable ariaLabel={t('editor.minimap')} />}
        <Controls fitViewOptions={fit}>
          {definition.steps.length <= MINIMAP_MAX_STEPS && (
            <ControlButton
              onClick={() => setMinimap(!withMinimap)}
              aria-pressed={withMinimap}
              aria-label={t('editor.showMinimap')}
              title={t('editor.showMinimap')}
            >
              <MapIcon />
            </ControlButton>
          )}
        </Controls>
      </ReactFlow>
      {children}
    </div>
  );
}
