import type { Edge as FlowEdge, Node as FlowNode } from '@xyflow/react';
import type { WorkflowIssueShape } from '../../../../shared/domain/workflows.js';
import { outputLabel } from '../../../../shared/workflow/output-label.js';
import { outputsOf, type Step } from '../../../../shared/workflow/steps.js';
import { TRIGGER, TRIGGER_OUTPUT, type WorkflowDefinition } from '../../../../shared/workflow/workflow.js';
import type { IssueText } from '../../../../shared/workflow/workflow-issue.js';
import type { CanvasDecorations, DecorationTone } from './canvas-decorations.js';

/** What a node on the canvas shows: its step (null for the trigger), its exits, its problems. */
export interface StepNodeData extends Record<string, unknown> {
  step: Step | null;
  outputs: { id: string; label: IssueText }[];
  errors: number;
  warnings: number;
  decoration?: { tone?: DecorationTone; badge?: string };
}

export type StepFlowNode = FlowNode<StepNodeData, 'step'>;

/** Where a step without a saved position goes: a grid, left to right, so nothing overlaps. */
function fallbackPosition(index: number): { x: number; y: number } {
  return { x: 280 * (1 + (index % 4)), y: 160 * Math.floor(index / 4) };
}

/**
 * The definition as React Flow nodes and edges. Edge ids carry their index in
 * `definition.edges`, which is how the editor removes them; handle ids are the exits.
 */
export function toFlow(
  definition: WorkflowDefinition,
  issues: readonly WorkflowIssueShape[],
  selected: readonly string[],
  decorations: CanvasDecorations | null = null,
): { nodes: StepFlowNode[]; edges: FlowEdge[] } {
  const chosen = new Set(selected);
  const count = (stepId: string, severity: 'error' | 'warning') =>
    issues.filter((issue) => issue.stepId === stepId && issue.severity === severity).length;
  const trigger: StepFlowNode = {
    id: TRIGGER,
    type: 'step',
    position: { x: 0, y: 0 },
    deletable: false,
    selected: chosen.has(TRIGGER),
    data: {
      step: null,
      outputs: [{ id: TRIGGER_OUTPUT, label: outputLabel('trigger', TRIGGER_OUTPUT) }],
      errors: count(TRIGGER, 'error'),
      warnings: count(TRIGGER, 'warning'),
      decoration: decorations?.steps[TRIGGER],
    },
  };
  const nodes = definition.steps.map((step, index): StepFlowNode => ({
    id: step.id,
    type: 'step',
    position: step.position ?? fallbackPosition(index),
    selected: chosen.has(step.id),
    data: {
      step,
      outputs: outputsOf(step).map((output) => ({ id: output, label: exitLabel(definition, step, output) })),
      errors: count(step.id, 'error'),
      warnings: count(step.id, 'warning'),
      decoration: decorations?.steps[step.id],
    },
  }));
  const flagged = new Set(
    issues.flatMap((issue) => (issue.edgeIndex === undefined ? [] : [issue.edgeIndex])),
  );
  const edges = definition.edges.map((edge, index): FlowEdge => {
    const decoration = decorations?.edges[index];
    const classes = [flagged.has(index) && 'edge-problem', decoration?.tone && `edge-${decoration.tone}`];
    return {
      id: `edge-${index}`,
      source: edge.source,
      sourceHandle: edge.output,
      target: edge.target,
      className: classes.filter(Boolean).join(' ') || undefined,
      ...(decoration?.width !== undefined && { style: { strokeWidth: decoration.width } }),
      ...(decoration?.label !== undefined && { label: decoration.label }),
    };
  });
  return { nodes: [trigger, ...nodes], edges };
}

/**
 * An exit's label on the canvas. A menu key shows its button's label, or else the name of the
 * step it leads to ("1 · Reservations"), as callers hear the menu; other exits their kind.
 */
function exitLabel(definition: WorkflowDefinition, step: Step, output: string): IssueText {
  if (step.kind === 'ivr_buttons' && output.startsWith('key:')) {
    const key = output.slice('key:'.length);
    const target = definition.edges.find((e) => e.source === step.id && e.output === output)?.target;
    const name =
      step.buttons.find((b) => b.key === key)?.label.trim() ||
      definition.steps.find((s) => s.id === target)?.name.trim();
    if (name) return { en: `${key} · ${name}`, ko: `${key} · ${name}` };
  }
  return outputLabel(step, output);
}

/** The index in `definition.edges` of a canvas edge. */
export function edgeIndexOf(edgeId: string): number {
  return Number(edgeId.slice('edge-'.length));
}
