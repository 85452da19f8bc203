import type { Settings } from '../../../shared/domain/settings.js';
import { WORKFLOW_NAME_MAX, type Workflow, type WorkflowSummary } from '../../../shared/domain/workflows.js';
import type { Handlers } from '../../../shared/rpc/contract.js';
import { RpcError } from '../../../shared/rpc/errors.js';
import { diffWorkflows } from '../../../shared/workflow/diff.js';
import type { PromptLanguage } from '../../../shared/workflow/prompt.js';
import { createFromRecipe } from '../../../shared/workflow/recipes.js';
import { workflowDefinitionSchema } from '../../../shared/workflow/workflow.js';
import type { RunnableVersion } from '../flow/flow-interpreter.js';
import { SimulationNotFoundError, type Simulations } from '../flow/simulations.js';
import { WorkflowPublishError, type WorkflowPublisher } from '../flow/workflow-publisher.js';
import type { CallEventLog } from '../store/call-event-log.js';
import { LineNotFoundError } from '../store/line-repository.js';
import type { TeamRepository } from '../store/team-repository.js';
import type { NumberBindingRepository } from '../store/number-binding-repository.js';
import type {
  StoredWorkflow,
  WorkflowRepository,
  WorkflowSummary as StoredSummary,
} from '../store/workflow-repository.js';
import { WorkflowStoreError } from '../store/workflow-store-error.js';

export interface WorkflowHandlerDeps {
  workflows: WorkflowRepository;
  bindings: NumberBindingRepository;
  events: CallEventLog;
  publisher: WorkflowPublisher;
  teams: TeamRepository;
  settings(): Settings;
  simulations: Simulations;
}

type WorkflowMethods = Pick<
  Handlers,
  | 'workflows.list'
  | 'workflows.get'
  | 'workflows.create'
  | 'workflows.duplicate'
  | 'workflows.saveDraft'
  | 'workflows.validate'
  | 'workflows.publish'
  | 'workflows.versions'
  | 'workflows.version'
  | 'workflows.rollback'
  | 'workflows.diff'
  | 'workflows.remove'
  | 'workflows.reorder'
  | 'numbers.list'
  | 'numbers.bind'
  | 'simulator.start'
  | 'simulator.press'
  | 'simulator.advance'
  | 'simulator.hangup'
  | 'simulator.state'
  | 'analytics.steps'
>;

/** Workflows, numbers, test calls and step analytics over the API. */
export function createWorkflowHandlers(deps: WorkflowHandlerDeps): WorkflowMethods {
  const { workflows, bindings } = deps;

  const summary = (stored: StoredSummary): WorkflowSummary => ({
    id: stored.id,
    name: stored.name,
    triggerKind: stored.triggerKind,
    priority: stored.priority,
    liveVersion: stored.liveVersion,
    hasUnpublishedChanges: stored.hasUnpublishedChanges,
    numbers: bindings
      .list()
      .filter((b) => b.workflowId === stored.id)
      .map((b) => b.number),
    updatedAt: stored.updatedAt,
  });

  const existing = (id: string): StoredWorkflow => {
    const stored = workflows.get(id);
    if (!stored) throw new RpcError('NOT_FOUND', `No workflow ${id}`);
    return stored;
  };

  const full = (id: string): Workflow => {
    const stored = existing(id);
    return { ...summary(stored), draft: stored.draft, issues: deps.publisher.issues(stored.draft) };
  };

  const definitionOf = (ref: { draftOf: string } | { versionId: string }): RunnableVersion => {
    if ('draftOf' in ref) {
      const stored = existing(ref.draftOf);
      return { workflowId: stored.id, versionId: 'draft', definition: stored.draft };
    }
    const version = workflows.version(ref.versionId);
    if (!version) throw new RpcError('NOT_FOUND', `No version ${ref.versionId}`);
    return { workflowId: version.workflowId, versionId: version.id, definition: version.definition };
  };

  const simulation = (id: string) => {
    try {
      return deps.simulations.get(id);
    } catch (error) {
      if (error instanceof SimulationNotFoundError) throw new RpcError('NOT_FOUND', error.message);
      throw error;
    }
  };

  return {
    'workflows.list': async () => workflows.list().map(summary),
    'workflows.get': async ({ id }) => full(id),
    'workflows.create': async (params) =>
      storeCall(() => {
        const settings = deps.settings();
        const recipe = params.recipe
          ? createFromRecipe(params.recipe, {
              language: params.language,
              timeZone: settings.timeZone,
              officeName: settings.officeName,
              teams: deps.teams.list(),
            })
          : {
              name: params.language === 'ko' ? '새 워크플로' : 'New workflow',
              definition: workflowDefinitionSchema.parse({
                trigger:
                  params.triggerKind === 'customer_called'
                    ? { kind: 'customer_called' }
                    : { kind: 'waiting_in_queue', afterSec: 60 },
                steps: [],
                edges: [],
              }),
            };
        return full(workflows.create(params.name ?? recipe.name, recipe.definition).id);
      }),
    'workflows.duplicate': async ({ id, language }) =>
      storeCall(() => full(workflows.duplicate(id, copyName(existing(id).name, language)).id)),
    'workflows.saveDraft': async ({ id, name, definition }) =>
      storeCall(() => {
        workflows.saveDraft(id, definition);
        if (name !== undefined) workflows.rename(id, name);
        return full(id);
      }),
    'workflows.validate': async ({ definition }) => deps.publisher.issues(definition),
    'workflows.publish': async ({ id, note, author }) =>
      publisherCall(() => deps.publisher.publish(id, { note, author })),
    'workflows.versions': async ({ id }) => storeCall(() => workflows.versions(id)),
    'workflows.version': async ({ versionId }) => {
      const version = workflows.version(versionId);
      if (!version) throw new RpcError('NOT_FOUND', `No version ${versionId}`);
      return version;
    },
    'workflows.rollback': async ({ id, versionId, author }) =>
      publisherCall(() => deps.publisher.rollback(id, versionId, { author })),
    'workflows.diff': async ({ from, to }) =>
      diffWorkflows(definitionOf(from).definition, definitionOf(to).definition),
    'workflows.remove': async ({ id }) => ({ removed: workflows.remove(id) }),
    'workflows.reorder': async ({ ids }) => storeCall(() => workflows.reorder(ids).map(summary)),
    'numbers.list': async () => bindings.list(),
    'numbers.bind': async ({ number, lineId, workflowId }) =>
      storeCall(() => bindings.bind(number, lineId, workflowId)),
    'simulator.start': async (params) => {
      const version = definitionOf(params.version);
      const started = deps.simulations.start(version, {
        caller: params.caller,
        dialled: params.dialled,
        startAt: params.startAt ? new Date(params.startAt) : new Date(),
        queues: params.queues,
        farEnd: params.farEnd,
      });
      return started.settle();
    },
    'simulator.press': async ({ id, digit }) => simulation(id).press(digit),
    'simulator.advance': async ({ id, ms }) => simulation(id).advance(ms),
    'simulator.hangup': async ({ id }) => simulation(id).hangup(),
    'simulator.state': async ({ id }) => simulation(id).state(),
    'analytics.steps': async ({ workflowId, from, to, versionId }) => {
      const range = { from: new Date(from), to: new Date(to), ...(versionId ? { versionId } : {}) };
      const stats = deps.events.stepStats(workflowId, range);
      const edgesOf = versionId
        ? definitionOf({ versionId }).definition.edges
        : (workflows.get(workflowId)?.draft.edges ?? []);
      const edges = deps.events.edgeStats(workflowId, range).flatMap((edge) => {
        const target = edgesOf.find((e) => e.source === edge.source && e.output === edge.output)?.target;
        return target === undefined
          ? []
          : [{ source: edge.source, output: edge.output, target, calls: edge.calls }];
      });
      return { calls: stats.calls, steps: stats.steps, edges };
    },
  };
}

/** "<name> (copy)" in the manager's language, the name cut short to leave room for the suffix. */
function copyName(name: string, language: PromptLanguage): string {
  const suffix = language === 'ko' ? ' (사본)' : ' (copy)';
  // Not half of a surrogate pair (an emoji) at the cut.
  const kept = name.slice(0, WORKFLOW_NAME_MAX - suffix.length).replace(/[\uD800-\uDBFF]$/, '');
  return kept.trimEnd() + suffix;
}

/** Publishing or rolling back: the store's refusals, and a draft that may not go live yet. */
async function publisherCall<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof WorkflowPublishError)
      throw new RpcError('CONFLICT', error.message, { issues: error.issues });
    throw apiError(error);
  }
}

/** Runs a store operation, turning its refusals into the API's errors. */
function storeCall<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw apiError(error);
  }
}

/** The wire error for what the store refused; anything else as it is (an internal error). */
function apiError(error: unknown): unknown {
  if (error instanceof LineNotFoundError) return new RpcError('NOT_FOUND', error.message);
  if (!(error instanceof WorkflowStoreError)) return error;
  switch (error.code) {
    case 'workflow_not_found':
    case 'version_not_found':
      return new RpcError('NOT_FOUND', error.message);
    case 'invalid_definition':
    case 'bad_order':
      return new RpcError('INVALID_PARAMS', error.message, {
        issues: error.issues.map((issue) => ({
          path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
          code: issue.code,
          message: issue.message,
        })),
      });
    case 'trigger_kind_changed':
    case 'not_callable':
      return new RpcError('CONFLICT', error.message);
  }
}
