import type { StateCreator } from 'zustand';
import type { Team } from '../../../shared/domain/teams.js';
import type { WorkflowSummary } from '../../../shared/domain/workflows.js';
import type { Params } from '../../../shared/rpc/contract.js';
import type { AppState } from '../app-store.js';

export interface WorkflowsSlice {
  workflows: WorkflowSummary[];
  workflowsLoaded: boolean;
  /** Teams, for the assign step's picker and the queue conditions. */
  teams: Team[];
  loadWorkflows(): Promise<void>;
  /** Creates a workflow (blank or from a recipe) and returns its id. */
  createWorkflow(params: Params<'workflows.create'>): Promise<string>;
  removeWorkflow(id: string): Promise<void>;
  /** Moves a workflow one place up (-1) or down (+1) in the priority order. */
  moveWorkflow(id: string, by: -1 | 1): Promise<void>;
}

export const createWorkflowsSlice: StateCreator<AppState, [], [], WorkflowsSlice> = (set, get) => ({
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
  removeWorkflow: async (id) => {
    await get().api.call('workflows.remove', { id });
    set((state) => ({ workflows: state.workflows.filter((w) => w.id !== id) }));
  },
  moveWorkflow: async (id, by) => {
    const ids = get().workflows.map((w) => w.id);
    const from = ids.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    set({ workflows: await get().api.call('workflows.reorder', { ids }) });
  },
});
