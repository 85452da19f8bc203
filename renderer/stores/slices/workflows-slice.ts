import type { StateCreator } from 'zustand';
import type { Team } from '../../../shared/domain/teams.js';
import type { Workflow, WorkflowSummary } from '../../../shared/domain/workflows.js';
import type { Params } from '../../../shared/rpc/contract.js';
import type { PromptLanguage } from '../../../shared/workflow/prompt.js';
import type { AppState } from '../app-store.js';

export interface WorkflowsSlice {
  workflows: WorkflowSummary[];
  workflowsLoaded: boolean;
  /** Teams, for the assign step's picker and the queue conditions. */
  teams: Team[];
  loadWorkflows(): Promise<void>;
  /** Creates a workflow (blank or from a recipe) and returns its id. */
  createWorkflow(params: Params<'workflows.create'>): Promise<string>;
  /** Copies a workflow's draft to a new one right after it, named in `language`; returns the copy. */
  duplicateWorkflow(id: string, language: PromptLanguage): Promise<Workflow>;
  removeWorkflow(id: string): Promise<void>;
  /**
   * Puts the list in the order of `ids` (all of them) at once, then takes the engine's answer;
   * back to the order before when the engine refuses.
   */
  reorderWorkflows(ids: string[]): Promise<void>;
}

export const createWorkflowsSlice: StateCreator<AppState, [], [], WorkflowsSlice> = (set, get) => {
  // Only the newest reorder's answer is shown: an older one arriving later would briefly undo
  // the moves made since.
  let latestReorder = 0;
  return {
    workflows: [],
    workflowsLoaded: false,
    teams: [],
    loadWorkflows: async () => {
      const [workflows, teams] = await Promise.all([
        get().api.call('workflows.list'),
        get().api.call('teams.list'),
      ]);
      set({ workflows, teams, workflowsLoaded: true });
    },
    createWorkflow: async (params) => {
      const created = await get().api.call('workflows.create', params);
      await get().loadWorkflows();
      return created.id;
    },
    duplicateWorkflow: async (id, language) => {
      const copy = await get().api.call('workflows.duplicate', { id, language });
      await get().loadWorkflows();
      return copy;
    },
    removeWorkflow: async (id) => {
      await get().api.call('workflows.remove', { id });
      set((state) => ({ workflows: state.workflows.filter((w) => w.id !== id) }));
    },
    reorderWorkflows: async (ids) => {
      const before = get().workflows;
      const byId = new Map(before.map((w) => [w.id, w]));
      const attempt = ++latestReorder;
      set({ workflows: ids.flatMap((id) => byId.get(id) ?? []) });
      try {
        const answer = await get().api.call('workflows.reorder', { ids });
        if (attempt === latestReorder) set({ workflows: answer });
      } catch (error) {
        if (attempt === latestReorder) set({ workflows: before });
        throw error;
      }
    },
  };
};
