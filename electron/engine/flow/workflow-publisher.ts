import type { Settings } from '../../../shared/domain/settings.js';
import { mainLanguage, stepPrompts } from '../../../shared/workflow/step-prompts.js';
import {
  validateWorkflow,
  type ValidationContext,
  type WorkflowIssue,
} from '../../../shared/workflow/validate.js';
import type { WorkflowDefinition } from '../../../shared/workflow/workflow.js';
import type { PromptLibrary } from '../audio/prompt-library.js';
import type { LineRepository } from '../store/line-repository.js';
import type { PromptRepository } from '../store/prompt-repository.js';
import type { TeamRepository } from '../store/team-repository.js';
import type { StoredVersion, WorkflowRepository } from '../store/workflow-repository.js';
import { WorkflowStoreError } from '../store/workflow-store-error.js';
import { phrasePrompt, phraseTexts, type Phrase } from './phrases.js';

/** A draft that may not go live: the validator's errors, or audio that could not be rendered. */
export class WorkflowPublishError extends Error {
  constructor(
    message: string,
    readonly issues: readonly WorkflowIssue[] = [],
  ) {
    super(message);
    this.name = 'WorkflowPublishError';
  }
}

export interface WorkflowPublisherDeps {
  workflows: WorkflowRepository;
  lines: LineRepository;
  prompts: PromptRepository;
  teams: TeamRepository;
  library: PromptLibrary;
  settings(): Settings;
}

/**
 * The one way a workflow goes live, for the API and for provisioning alike: the draft is
 * validated against the office as it is now, every file the version will play is rendered, and
 * only then is it published, in one transaction: new calls get it at once, calls in progress
 * keep theirs.
 */
export class WorkflowPublisher {
  constructor(private readonly deps: WorkflowPublisherDeps) {}

  context(): ValidationContext {
    return {
      teamIds: new Set(this.deps.teams.list().map((t) => t.id)),
      // Agents arrive with routing; until then no assignment can name one that exists.
      agentIds: new Set(),
      audioPromptIds: new Set(
        this.deps.prompts
          .list()
          .filter((p) => p.source === 'upload')
          .map((p) => p.id),
      ),
      lineIds: new Set(this.deps.lines.list().map((l) => l.id)),
      transferAllowList: this.deps.settings().transferAllowList,
    };
  }

  issues(definition: WorkflowDefinition): WorkflowIssue[] {
    return validateWorkflow(definition, this.context());
  }

  /** Checks and renders a definition, changing nothing in the store. */
  async prepare(definition: WorkflowDefinition): Promise<void> {
    const errors = this.issues(definition).filter((issue) => issue.severity === 'error');
    if (errors.length > 0) {
      throw new WorkflowPublishError(
        `The workflow has ${errors.length} problem(s) to fix before publishing`,
        errors,
      );
    }
    try {
      await this.renderAudio(definition);
    } catch (error) {
      throw new WorkflowPublishError(
        `The workflow's audio could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async publish(id: string, options: { note: string; author: string }): Promise<StoredVersion> {
    const stored = this.deps.workflows.get(id);
    if (!stored) throw new WorkflowStoreError('workflow_not_found', `No workflow ${id}`);
    await this.prepare(stored.draft);
    return this.deps.workflows.publish(id, options);
  }

  async rollback(id: string, versionId: string, options: { author: string }): Promise<StoredVersion> {
    const old = this.deps.workflows.version(versionId);
    if (!old) throw new WorkflowStoreError('version_not_found', `No version ${versionId}`);
    // Rendered again: the cache may have been cleared since that version was live.
    await this.renderAudio(old.definition);
    return this.deps.workflows.rollback(id, versionId, options);
  }

  /** Every prompt of the version and the engine's phrases in its language, one at a time. */
  private async renderAudio(definition: WorkflowDefinition): Promise<void> {
    const wanted = definition.steps.flatMap((step) =>
      stepPrompts(step).flatMap((p) => (p.prompt ? [p.prompt] : [])),
    );
    const language = mainLanguage(definition);
    for (const phrase of Object.keys(phraseTexts) as Phrase[]) wanted.push(phrasePrompt(phrase, language));
    // One at a time: the synthesizer is CPU-bound, and calls in progress come first.
    for (const prompt of wanted) await this.deps.library.render(prompt);
  }
}
