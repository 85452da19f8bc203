import { describe, expect, it, vi } from 'vitest';
import type { Workflow } from '../../../../shared/domain/workflows.js';
import { workflowDefinitionSchema } from '../../../../shared/workflow/workflow.js';
import type { Api } from '../../../stores/api.js';
import { createEditorStore } from '../editor/editor-store.js';
import { newCalendar } from './calendar-model.js';
import { setCalendars } from './edit-calendars.js';

const workflow: Workflow = {
  id: '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d',
  name: 'Front desk',
  triggerKind: 'customer_called',
  priority: 0,
  liveVersion: null,
  hasUnpublishedChanges: true,
  numbers: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
  draft: workflowDefinitionSchema.parse({ trigger: { kind: 'customer_called' }, steps: [], edges: [] }),
  issues: [],
};

describe('calendar edits', () => {
  it('are one undoable, autosaved edit', async () => {
    vi.useFakeTimers();
    const saved: unknown[] = [];
    const api = {
      call: vi.fn(async (_method: string, params: { definition: unknown }) => {
        saved.push(params.definition);
        return workflow;
      }),
    } as unknown as Api;
    const store = createEditorStore(workflow, api);
    const calendar = newCalendar([], 'Asia/Seoul', 'Office');

    setCalendars(store, [calendar]);
    expect(store.getState().definition.calendars).toEqual([calendar]);
    expect(store.getState().saveState).toBe('unsaved');
    await vi.runAllTimersAsync();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ calendars: [calendar] });

    store.getState().undo();
    expect(store.getState().definition.calendars).toEqual([]);
    store.getState().redo();
    expect(store.getState().definition.calendars).toEqual([calendar]);
    vi.useRealTimers();
  });
});
