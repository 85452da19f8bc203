import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  hostPortSchema,
  lineInputSchema,
  phoneNumberSchema,
  sipUserSchema,
} from '../../../shared/domain/line.js';
import { workflowDefinitionSchema } from '../../../shared/workflow/workflow.js';
import { WorkflowPublishError, type WorkflowPublisher } from '../flow/workflow-publisher.js';
import type { LineRepository } from '../store/line-repository.js';
import type { NumberBindingRepository } from '../store/number-binding-repository.js';
import type { WorkflowRepository } from '../store/workflow-repository.js';

/**
 * The `--config FILE` format: what an installer or a script provisions. Lines are matched to
 * existing ones by registrar + username, workflows by name, so running the same file twice
 * changes nothing. Everything is checked before anything is written: a bad file changes nothing.
 */
export const provisioningSchema = z
  .object({
    $schema: z.string().optional(),
    lines: z
      .array(lineInputSchema.omit({ id: true }).extend({ password: z.string().min(1).max(128) }))
      .default([]),
    workflows: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(80),
          definition: workflowDefinitionSchema,
          /** Make the definition live (validated and rendered first); false keeps it a draft. */
          publish: z.boolean().default(true),
          note: z.string().trim().max(500).default('provisioned'),
        }),
      )
      .default([])
      .refine(
        (list) => new Set(list.map((w) => w.name)).size === list.length,
        'Each workflow name only once',
      ),
    numbers: z
      .array(
        z.strictObject({
          number: phoneNumberSchema,
          /** A workflow's name, in this file or already in the engine. */
          workflow: z.string().trim().min(1),
          /** The line it applies to; absent for the number on any line. */
          line: z.strictObject({ registrar: hostPortSchema, username: sipUserSchema }).optional(),
        }),
      )
      .default([]),
  })
  .strict();

export class ProvisioningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProvisioningError';
  }
}

export interface ProvisioningResult {
  /** Lines. */
  created: number;
  updated: number;
  workflowsCreated: number;
  workflowsUpdated: number;
  published: number;
  numbersBound: number;
}

export interface ProvisioningTargets {
  lines: LineRepository;
  workflows: WorkflowRepository;
  bindings: NumberBindingRepository;
  publisher: WorkflowPublisher;
}

/** `lines[0].registrar` from a zod path. */
function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export function readProvisioningFile(file: string): z.output<typeof provisioningSchema> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ProvisioningError(
      `${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProvisioningError(
      `${file}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = provisioningSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `${file}: ${jsonPath(issue.path) || '(top level)'}: ${issue.message}`,
    );
    throw new ProvisioningError(lines.join('\n'));
  }
  return parsed.data;
}

export async function provision(file: string, targets: ProvisioningTargets): Promise<ProvisioningResult> {
  const config = readProvisioningFile(file);
  const { lines, workflows, bindings, publisher } = targets;
  const result: ProvisioningResult = {
    created: 0,
    updated: 0,
    workflowsCreated: 0,
    workflowsUpdated: 0,
    published: 0,
    numbersBound: 0,
  };
  const problem = (path: string, message: string) => new ProvisioningError(`${file}: ${path}: ${message}`);

  // Checked first, all of it: nothing is written unless everything can be.
  const existingWorkflows = workflows.list();
  for (const [i, workflow] of config.workflows.entries()) {
    const existing = existingWorkflows.find((w) => w.name === workflow.name);
    if (existing && existing.triggerKind !== workflow.definition.trigger.kind) {
      throw problem(
        `workflows[${i}].definition.trigger.kind`,
        `"${workflow.name}" is a ${existing.triggerKind} workflow`,
      );
    }
    if (!workflow.publish) continue;
    try {
      await publisher.prepare(workflow.definition);
    } catch (error) {
      if (!(error instanceof WorkflowPublishError)) throw error;
      const details = error.issues.map((issue) => `\n  ${issue.text.en}`).join('');
      throw problem(`workflows[${i}] "${workflow.name}"`, `${error.message}${details}`);
    }
  }
  const knownLines = [...lines.list(), ...config.lines];
  for (const [i, binding] of config.numbers.entries()) {
    const named = config.workflows.find((w) => w.name === binding.workflow);
    const kind =
      named?.definition.trigger.kind ??
      existingWorkflows.find((w) => w.name === binding.workflow)?.triggerKind;
    if (!kind) throw problem(`numbers[${i}].workflow`, `no workflow named "${binding.workflow}"`);
    if (kind !== 'customer_called') {
      throw problem(
        `numbers[${i}].workflow`,
        `"${binding.workflow}" does not answer calls (it is a ${kind} workflow)`,
      );
    }
    const line = binding.line;
    if (line && !knownLines.some((l) => l.registrar === line.registrar && l.username === line.username)) {
      throw problem(`numbers[${i}].line`, `no line ${line.username}@${line.registrar}`);
    }
  }

  const existingLines = lines.list();
  for (const line of config.lines) {
    const match = existingLines.find((l) => l.registrar === line.registrar && l.username === line.username);
    lines.save(match ? { ...line, id: match.id } : line);
    result[match ? 'updated' : 'created'] += 1;
  }
  for (const workflow of config.workflows) {
    const existing = workflows.list().find((w) => w.name === workflow.name);
    const id = existing
      ? workflows.saveDraft(existing.id, workflow.definition).id
      : workflows.create(workflow.name, workflow.definition).id;
    result[existing ? 'workflowsUpdated' : 'workflowsCreated'] += 1;
    const stored = workflows.get(id);
    if (workflow.publish && stored && (stored.liveVersion === null || stored.hasUnpublishedChanges)) {
      await publisher.publish(id, { note: workflow.note, author: 'provisioning' });
      result.published += 1;
    }
  }
  const allLines = lines.list();
  const allWorkflows = workflows.list();
  for (const binding of config.numbers) {
    const line = binding.line;
    const lineId = line
      ? allLines.find((l) => l.registrar === line.registrar && l.username === line.username)?.id
      : null;
    const workflowId = allWorkflows.find((w) => w.name === binding.workflow)?.id;
    if (lineId === undefined || workflowId === undefined) continue; // checked above
    bindings.bind(binding.number, lineId, workflowId);
    result.numbersBound += 1;
  }
  return result;
}
