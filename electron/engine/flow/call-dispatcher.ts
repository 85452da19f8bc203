import type { TriggerKind } from '../../../shared/workflow/trigger.js';
import type { Call } from '../call/call.js';
import type { Logger } from '../logger.js';
import { runWorkflow, type FlowResult, type RunnableVersion } from './flow-interpreter.js';
import type { FlowServices } from './flow-services.js';
import { triggerMatches } from './trigger-matcher.js';

/** The published workflows as the dispatcher reads them, at the moment a call arrives. */
export interface LiveWorkflows {
  /** The live version bound to the number dialled on that line (or on any line), if any. */
  bound(lineId: string, dialled: string): RunnableVersion | undefined;
  /** Live versions with this trigger, in the managers' priority order. */
  live(kind: TriggerKind): RunnableVersion[];
}

export interface CallDispatcherDeps {
  workflows: LiveWorkflows;
  services: FlowServices;
  /** What answers a call no workflow takes (no workflow published yet). */
  fallback(call: Call): Promise<void>;
  /** The inbox's record of every call, whatever answered it. */
  conversations: ConversationJournal;
  logger: Logger;
}

export interface ConversationJournal {
  started(call: Call): void;
  workflowStarted(callId: string, workflowId: string, versionId: string): void;
  ended(callId: string, putThrough: boolean): void;
}

/**
 * Chooses the workflow for a new call and runs it: the one bound to the dialled number if its
 * trigger takes the call (schedule and filters), else the first "customer called" workflow in
 * priority order that does. The version is fixed here, so a publish during the call does not
 * change the call's path: it finishes on the version it started with.
 */
export class CallDispatcher {
  constructor(private readonly deps: CallDispatcherDeps) {}

  async handle(call: Call): Promise<void> {
    const { conversations } = this.deps;
    conversations.started(call);
    const version = this.choose(call);
    if (!version) {
      await this.deps.fallback(call);
      await call.ended;
      conversations.ended(call.id, false);
      return;
    }
    conversations.workflowStarted(call.id, version.workflowId, version.versionId);
    this.deps.logger.info('workflow started', {
      callId: call.id,
      workflowId: version.workflowId,
      versionId: version.versionId,
    });
    let result: FlowResult;
    try {
      result = await runWorkflow(call, version, this.deps.services);
    } catch (error) {
      // A workflow that threw still leaves a finished record once the call is over.
      void call.ended.then(() => conversations.ended(call.id, false));
      throw error;
    }
    await call.ended;
    conversations.ended(call.id, result.kind === 'connected');
    this.deps.logger.info('workflow finished', { callId: call.id, ...result });
  }

  choose(call: Call): RunnableVersion | undefined {
    const facts = {
      caller: call.caller,
      dialled: call.dialled,
      lineId: call.lineId,
      now: this.deps.services.now(),
    };
    const bound = this.deps.workflows.bound(call.lineId, call.dialled);
    if (
      bound &&
      bound.definition.trigger.kind === 'customer_called' &&
      triggerMatches(bound.definition, facts)
    ) {
      return bound;
    }
    return this.deps.workflows
      .live('customer_called')
      .find((version) => triggerMatches(version.definition, facts));
  }
}
