import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Workflow } from '../../../../shared/domain/workflows.js';
import { workflowDefinitionSchema } from '../../../../shared/workflow/workflow.js';
import type { Api } from '../../../stores/api.js';
import { newCalendar } from '../inspector/calendar-model.js';
import { copySteps } from './clipboard.js';
import { AUTOSAVE_MS, createEditorStore } from './editor-store.js';

const draft = workflowDefinitionSchema.parse({
  trigger: { kind: 'customer_called' },
  steps: [
    {
      kind: 'voice_message',
      id: 'hello',
      name: 'Hello',
      prompt: { kind: 'tts', text: 'Hi', language: 'en' },
    },
    { kind: 'end_call', id: 'bye', name: 'Bye' },
  ],
  edges: [
    { source: 'trigger', output: 'start', target: 'hello' },
    { source: 'hello', output: 'next', target: 'bye' },
  ],
});

const workflow: Workflow = {
  id: '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d',
  name: 'Front desk',
  triggerKind: 'customer_called',
  priority: 0,
  liveVersion: null,
  hasUnpublishedChanges: true,
  numbers: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
  draft,
  issues: [],
};

/** An API whose saveDraft answers with one problem, counting the calls. */
function fakeApi() {
  const saves: unknown[] = [];
  const api = {
    call: vi.fn(async (method: string, params: { definition?: unknown }) => {
      if (method !== 'workflows.saveDraft') throw new Error(`unexpected ${method}`);
      saves.push(params.definition);
      return {
        ...workflow,
        issues: [{ severity: 'warning', code: 'x', text: { en: 'a warning', ko: '경고' } }],
      };
    }),
  } as unknown as Api;
  return { api, saves };
}

describe('the editor store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('connects an exit to one step only: connecting it again moves the edge', () => {
    const store = createEditorStore(workflow, fakeApi().api);
    store.getState().connect('hello', 'next', 'hello');
    expect(store.getState().definition.edges).toEqual([
      { source: 'trigger', output: 'start', target: 'hello' },
      { source: 'hello', output: 'next', target: 'hello' },
    ]);
  });

  it('removes a step with every edge touching it, and undo brings both back', () => {
    const store = createEditorStore(workflow, fakeApi().api);
    store.getState().removeSteps(['hello']);
    expect(store.getState().definition.steps.map((s) => s.id)).toEqual(['bye']);
    expect(store.getState().definition.edges).toEqual([]);
    store.getState().undo();
    expect(store.getState().definition).toEqual(draft);
    store.getState().redo();
    expect(store.getState().definition.edges).toEqual([]);
  });

  it('adds a step with a fresh id, its name, off the other steps, selected', () => {
    const store = createEditorStore(workflow, fakeApi().api);
    const first = store.getState().addStep('voice_message', { x: 0, y: 0 }, 'Voice message');
    const second = store.getState().addStep('voice_message', { x: 0, y: 0 }, 'Voice message');
    expect([first, second]).toEqual(['voice_message_1', 'voice_message_2']);
    const [a, b] = store.getState().definition.steps.slice(-2);
    expect(a?.name).toBe('Voice message');
    // Neither covers the trigger at 0,0 nor each other.
    expect(a?.position).not.toEqual({ x: 0, y: 0 });
    expect(b?.position).not.toEqual(a?.position);
    expect(store.getState().selected).toEqual([second]);
  });

  it('places a new step below a tall menu, not over its lower keys', () => {
    const store = createEditorStore(workflow, fakeApi().api);
    const menu = store.getState().addStep('ivr_buttons', { x: 400, y: 0 }, 'Menu');
    const step = store.getState().definition.steps.find((s) => s.id === menu);
    if (step?.kind !== 'ivr_buttons') throw new Error('no menu');
    // Six keys, invalid and timeout: eight exits, each a row of the card.
    const keys = (['1', '2', '3', '4', '5', '6'] as const).map((key) => ({ key, label: '' }));
    store.getState().updateStep({ ...step, buttons: keys });
    store.getState().addStep('end_call', { x: 400, y: 100 }, 'End call');
    const placed = store.getState().definition.steps.at(-1)?.position;
    expect(placed?.x).toBe(400);
    expect(placed?.y).toBeGreaterThan(80 + 22 * 8);
  });

  it('adds a step after the selected one, on its first open exit, in one edit', () => {
    const store = createEditorStore(workflow, fakeApi().api);
    store.getState().removeEdges([1]);
    const id = store.getState().addStep('end_call', { x: 300, y: 0 }, 'End call', 'hello');
    expect(store.getState().definition.edges).toContainEqual({ source: 'hello', output: 'next', target: id });
    store.getState().undo();
    expect(store.getState().definition.steps.map((s) => s.id)).toEqual(['hello', 'bye']);
    // Every exit taken: the step comes unconnected.
    store.getState().redo();
    const other = store.getState().addStep('tag', { x: 300, y: 0 }, 'Tag', 'hello');
    expect(store.getState().definition.edges.filter((e) => e.target === other)).toEqual([]);
  });

  it('pastes copied steps as one undoable edit, selecting them', () => {
    const store = createEditorStore(workflow, fakeApi().api);
    const clip = copySteps(store.getState().definition, ['hello', 'bye'])!;
    const ids = store.getState().paste(clip);
    expect(ids).toEqual(['voice_message_1', 'end_call_1']);
    expect(store.getState().selected).toEqual(ids);
    expect(store.getState().definition.edges).toContainEqual({
      source: 'voice_message_1',
      output: 'next',
      target: 'end_call_1',
    });
    store.getState().undo();
    expect(store.getState().definition).toEqual(draft);
    store.getState().redo();
    expect(store.getState().definition.steps).toHaveLength(4);
  });

  it('tidies the steps up as one undoable edit, and not again when already tidy', () => {
    const store = createEditorStore(workflow, fakeApi().api);
    store.getState().tidyUp(new Map());
    const tidy = store.getState().definition;
    const [hello, bye] = tidy.steps;
    expect(hello!.position!.x).toBeGreaterThan(0);
    expect(bye!.position!.x).toBeGreaterThan(hello!.position!.x);
    store.getState().tidyUp(new Map());
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().definition).toEqual(draft);
  });

  it('saves once after a burst of edits, and takes the engine’s problems', async () => {
    const { api, saves } = fakeApi();
    const store = createEditorStore(workflow, api);
    store.getState().rename('Main');
    store.getState().removeEdges([1]);
    store.getState().moveSteps(new Map([['bye', { x: 500, y: 100 }]]));
    expect(store.getState().saveState).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(saves).toHaveLength(1);
    expect(store.getState().saveState).toBe('saved');
    expect(store.getState().issues.map((i) => i.code)).toEqual(['x']);
  });

  it('says the save failed and keeps the edits when the engine refuses', async () => {
    const api = { call: vi.fn(async () => Promise.reject(new Error('engine gone'))) } as unknown as Api;
    const store = createEditorStore(workflow, api);
    store.getState().removeSteps(['bye']);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(store.getState().saveState).toBe('failed');
    expect(store.getState().saveError).toBe('engine gone');
    expect(store.getState().definition.steps).toHaveLength(1);
  });

  it('edits the calendars as one undoable, autosaved edit', async () => {
    const { api, saves } = fakeApi();
    const store = createEditorStore(workflow, api);
    const calendar = newCalendar([], 'Asia/Seoul', 'Office');
    store.getState().setCalendars([calendar]);
    expect(store.getState().saveState).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(saves).toEqual([expect.objectContaining({ calendars: [calendar] })]);
    store.getState().undo();
    expect(store.getState().definition.calendars).toEqual([]);
    store.getState().redo();
    expect(store.getState().definition.calendars).toEqual([calendar]);
  });
});
