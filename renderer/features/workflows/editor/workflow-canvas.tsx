import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type NodeChange,
  type EdgeChange,
  type FinalConnectionState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import type { StepKind } from '../../../../shared/workflow/steps.js';
import { TRIGGER } from '../../../../shared/workflow/workflow.js';
import { useT } from '../../../i18n/use-t.js';
import type { EditorStore } from './editor-store.js';
import { StepNode } from './step-node.js';
import { edgeIndexOf, toFlow, type StepFlowNode } from './to-flow.js';

const nodeTypes = { step: StepNode };

/**
 * Above this many steps the minimap is left out: it redraws every step on every move of a
 * dragged one (bench/editor-frames.ts, 300 steps: 83 ms frames with it, 17 ms without).
 */
const MINIMAP_MAX_STEPS = 80;

/** The MIME type a palette item is dragged with. */
export const STEP_KIND_MIME = 'application/x-switchboard-step';

/**
 * The canvas (inside the editor's ReactFlowProvider): the draft drawn by React Flow, every change going back to the editor store (the
 * one model). Drag a step from the palette to add it, drag from an exit to a step to connect,
 * Delete/Backspace removes what is selected.
 */
export function WorkflowCanvas({ store }: { store: EditorStore }) {
  const t = useT();
  const flow = useReactFlow();
  const definition = useStore(store, (s) => s.definition);
  const issues = useStore(store, (s) => s.issues);
  const selected = useStore(store, (s) => s.selected);
  const decorations = useStore(store, (s) => s.decorations);
  const { nodes, edges } = useMemo(
    () => toFlow(definition, issues, selected, decorations),
    [definition, issues, selected, decorations],
  );

  // While a step is dragged its position lives here, and goes to the store (one model, one
  // save) when the drag ends: redrawing 300 steps on every mouse move would stutter.
  const [dragged, setDragged] = useState<StepFlowNode[] | null>(null);
  const draggedRef = useRef<StepFlowNode[] | null>(null);
  draggedRef.current = dragged;

  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      const state = store.getState();
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
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        {definition.steps.length <= MINIMAP_MAX_STEPS && <MiniMap pannable zoomable />}
        <Controls />
      </ReactFlow>
    </div>
  );
}
