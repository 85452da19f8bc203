import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type NodeChange,
  type EdgeChange,
  type FinalConnectionState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, type DragEvent } from 'react';
import { useStore } from 'zustand';
import type { StepKind } from '../../../../shared/workflow/steps.js';
import { TRIGGER } from '../../../../shared/workflow/workflow.js';
import { useT } from '../../../i18n/use-t.js';
import type { EditorStore } from './editor-store.js';
import { StepNode } from './step-node.js';
import { edgeIndexOf, toFlow } from './to-flow.js';

const nodeTypes = { step: StepNode };

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

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const state = store.getState();
      const moved = new Map<string, { x: number; y: number }>();
      const removed: string[] = [];
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type === 'position' && change.position && change.id !== TRIGGER)
          moved.set(change.id, change.position);
        if (change.type === 'remove' && change.id !== TRIGGER) removed.push(change.id);
        if (change.type === 'select') {
          selection ??= new Set(state.selected);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        }
      }
      if (moved.size > 0) state.moveSteps(moved);
      if (removed.length > 0) state.removeSteps(removed);
      if (selection) state.select([...selection]);
    },
    [store],
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
        nodes={nodes}
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
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </div>
  );
}
