import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Workflow, WorkflowIssueShape } from '../../../../shared/domain/workflows.js';
import type { Calendar } from '../../../../shared/workflow/calendar.js';
import type { PromptLanguage } from '../../../../shared/workflow/prompt.js';
import { outputsOf, type Step, type StepKind } from '../../../../shared/workflow/steps.js';
import { mainLanguage } from '../../../../shared/workflow/step-prompts.js';
import type { Trigger } from '../../../../shared/workflow/trigger.js';
import type { WorkflowDefinition } from '../../../../shared/workflow/workflow.js';
import type { Api } from '../../../stores/api.js';
import { tidyPositions, type Size } from './auto-layout.js';
import type { CanvasDecorations } from './canvas-decorations.js';
import { pasteSteps, type StepClipboard } from './clipboard.js';
import { newStep } from './new-step.js';
import { firstOpenExit } from './open-exit.js';

/** Edits are saved this long after the last one (and at once when leaving). */
export const AUTOSAVE_MS = 800;
/** Undo goes back this many edits. */
const HISTORY_LIMIT = 200;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface EditorState {
  readonly workflowId: string;
  name: string;
  definition: WorkflowDefinition;
  /** Step ids (and 'trigger') selected on the canvas. */
  selected: readonly string[];
  issues: readonly WorkflowIssueShape[];
  saveState: SaveState;
  saveError: string | null;
  past: readonly WorkflowDefinition[];
  future: readonly WorkflowDefinition[];
  /** What a side panel draws over the canvas (test call, analytics, diff); null for nothing. */
  decorations: CanvasDecorations | null;

  setDecorations(decorations: CanvasDecorations | null): void;
  /** Takes the workflow as the engine has it now (after a rollback): history starts afresh. */
  reload(workflow: Workflow): void;
  select(ids: readonly string[]): void;
  rename(name: string): void;
  setTrigger(trigger: Trigger): void;
  /** The office-hours calendars the workflow's conditions and schedule name. */
  setCalendars(calendars: Calendar[]): void;
  /** Replaces a step with its edited version (same id); its edges stay. */
  updateStep(step: Step): void;
  /**
   * Adds a step named `name` (the kind's label in the manager's language) and selects it; with
   * `after`, that step's (or the trigger's) first open exit leads to it, in the same edit.
   */
  addStep(kind: StepKind, position: { x: number; y: number }, name: string, after?: string): string;
  /** Adds copied steps under new ids as one edit (see pasteSteps) and selects them. */
  paste(clip: StepClipboard, at?: { x: number; y: number }): string[];
  /** Removes steps and every edge touching them. */
  removeSteps(ids: readonly string[]): void;
  /** One exit leads to one step: connecting it again moves the edge. */
  connect(source: string, output: string, target: string): void;
  removeEdges(indexes: readonly number[]): void;
  /** Positions after a drag; not an undoable edit on its own (drags would flood the history). */
  moveSteps(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  /** Lays the steps out in layers from the trigger (see tidyPositions), as one edit. */
  tidyUp(sizes: ReadonlyMap<string, Size>): void;
  undo(): void;
  redo(): void;
  /** Saves the draft now; resolves with the server's problems list. */
  save(): Promise<void>;
  publish(note: string): Promise<number>;
}

export type EditorStore = StoreApi<EditorState>;

/**
 * One open workflow in the editor: the draft as the canvas and inspector change it, undo and
 * redo, and autosave to the engine (which validates and answers with the problems). The
 * engine's schemas are the model; nothing here re-defines a step. New steps speak the
 * workflow's language, or the manager's while nothing in it is spoken yet.
 */
export function createEditorStore(
  workflow: Workflow,
  api: Api,
  managerLanguage: PromptLanguage = 'ko',
): EditorStore {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();

  return createStore<EditorState>()((set, get) => {
    const scheduleSave = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void get().save(), AUTOSAVE_MS);
    };
    /** An undoable edit of the definition. */
    const edit = (change: (definition: WorkflowDefinition) => WorkflowDefinition) => {
      const before = get().definition;
      const after = change(before);
      if (after === before) return;
      set({
        definition: after,
        past: [...get().past, before].slice(-HISTORY_LIMIT),
        future: [],
        saveState: 'unsaved',
      });
      scheduleSave();
    };
    const mapSteps = (definition: WorkflowDefinition, map: (step: Step) => Step): WorkflowDefinition => ({
      ...definition,
      steps: definition.steps.map(map),
    });

    return {
      workflowId: workflow.id,
      name: workflow.name,
      definition: workflow.draft,
      selected: [],
      issues: workflow.issues,
      saveState: 'saved',
      saveError: null,
      past: [],
      future: [],
      decorations: null,

      setDecorations: (decorations) => set({ decorations }),
      reload: (fresh) => {
        clearTimeout(timer);
        set({
          name: fresh.name,
          definition: fresh.draft,
          issues: fresh.issues,
          past: [],
          future: [],
          selected: [],
          saveState: 'saved',
          saveError: null,
        });
      },
      select: (ids) => set({ selected: ids }),
      rename: (name) => {
        set({ name, saveState: 'unsaved' });
        scheduleSave();
      },
      setTrigger: (trigger) => edit((d) => ({ ...d, trigger })),
      setCalendars: (calendars) => edit((d) => ({ ...d, calendars })),
      updateStep: (step) => edit((d) => mapSteps(d, (s) => (s.id === step.id ? step : s))),
      addStep: (kind, position, name, after) => {
        const { definition } = get();
        const taken = new Set(definition.steps.map((s) => s.id));
        const fresh = newStep(kind, taken, position, mainLanguage(definition, managerLanguage));
        const step = freeSpot(definition, { ...fresh, name }, position);
        const exit = after === undefined ? undefined : firstOpenExit(definition, after);
        const edges = after !== undefined && exit ? [{ source: after, output: exit, target: step.id }] : [];
        edit((d) => ({ ...d, steps: [...d.steps, step], edges: [...d.edges, ...edges] }));
        set({ selected: [step.id] });
        return step.id;
      },
      paste: (clip, at) => {
        const pasted = pasteSteps(get().definition, clip, at);
        edit(() => pasted.definition);
        set({ selected: pasted.ids });
        return pasted.ids;
      },
      removeSteps: (ids) => {
        const gone = new Set(ids);
        edit((d) => ({
          ...d,
          steps: d.steps.filter((s) => !gone.has(s.id)),
          edges: d.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
        }));
        set({ selected: get().selected.filter((id) => !gone.has(id)) });
      },
      connect: (source, output, target) =>
        edit((d) => ({
          ...d,
          edges: [
            ...d.edges.filter((e) => !(e.source === source && e.output === output)),
            { source, output, target },
          ],
        })),
      removeEdges: (indexes) => {
        const gone = new Set(indexes);
        edit((d) => ({ ...d, edges: d.edges.filter((_, index) => !gone.has(index)) }));
      },
      moveSteps: (positions) => {
        set({
          definition: mapSteps(get().definition, (s) => {
            const position = positions.get(s.id);
            return position ? { ...s, position } : s;
          }),
          saveState: 'unsaved',
        });
        scheduleSave();
      },
      tidyUp: (sizes) => {
        const positions = tidyPositions(get().definition, sizes);
        const moved = (step: Step) => {
          const to = positions.get(step.id);
          return to !== undefined && (to.x !== step.position?.x || to.y !== step.position.y);
        };
        // Already tidy: no edit, so undo does not stop at a step that changed nothing.
        if (!get().definition.steps.some(moved)) return;
        edit((d) => mapSteps(d, (s) => ({ ...s, position: positions.get(s.id) ?? s.position })));
      },
      undo: () => {
        const previous = get().past.at(-1);
        if (!previous) return;
        set({
          definition: previous,
          past: get().past.slice(0, -1),
          future: [get().definition, ...get().future],
          saveState: 'unsaved',
        });
        scheduleSave();
      },
      redo: () => {
        const next = get().future[0];
        if (!next) return;
        set({
          definition: next,
          past: [...get().past, get().definition],
          future: get().future.slice(1),
          saveState: 'unsaved',
        });
        scheduleSave();
      },
      save: () => {
        clearTimeout(timer);
        // One save at a time, each sending the state of its own moment.
        saving = saving.then(async () => {
          const { definition, name } = get();
          set({ saveState: 'saving' });
          try {
            const saved = await api.call('workflows.saveDraft', { id: workflow.id, name, definition });
            const changedMeanwhile = get().definition !== definition || get().name !== name;
            set({ issues: saved.issues, saveState: changedMeanwhile ? 'unsaved' : 'saved', saveError: null });
          } catch (error) {
            set({ saveState: 'failed', saveError: error instanceof Error ? error.message : String(error) });
          }
        });
        return saving;
      },
      publish: async (note) => {
        await get().save();
        if (get().saveState !== 'saved') throw new Error(get().saveError ?? 'The draft is not saved');
        const version = await api.call('workflows.publish', { id: workflow.id, note });
        return version.number;
      },
    };
  });
}

/** Room kept between a new step and the others. */
const GAP = 40;

/**
 * How much room a step takes on the canvas, roughly as step-node.tsx draws it: 240 px wide, a
 * header of kind, name and words, then one row per exit (a menu with many keys is tall).
 */
function footprint(step: Step | undefined): { width: number; height: number } {
  return { width: 240, height: 80 + 22 * (step ? outputsOf(step).length : 1) };
}

/** `step` at `wanted`, or moved down until it covers no other step (nor the trigger at 0,0). */
function freeSpot(definition: WorkflowDefinition, step: Step, wanted: { x: number; y: number }): Step {
  const boxes = [
    { x: 0, y: 0, ...footprint(undefined) },
    ...definition.steps.flatMap((s) => (s.position ? [{ ...s.position, ...footprint(s) }] : [])),
  ];
  const size = footprint(step);
  const spot = { ...wanted };
  for (;;) {
    const hit = boxes.find(
      (box) =>
        spot.x < box.x + box.width + GAP &&
        box.x < spot.x + size.width + GAP &&
        spot.y < box.y + box.height + GAP &&
        box.y < spot.y + size.height + GAP,
    );
    if (!hit) return { ...step, position: spot };
    spot.y = hit.y + hit.height + GAP;
  }
}
