import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { lineInputSchema } from '../../../shared/domain/line.js';
import type { LineRepository } from '../store/line-repository.js';

/**
 * The `--config FILE` format: what an installer or a script provisions. Lines are matched to
 * existing ones by registrar + username, so running the same file twice changes nothing.
 */
export const provisioningSchema = z
  .object({
    $schema: z.string().optional(),
    lines: z
      .array(lineInputSchema.omit({ id: true }).extend({ password: z.string().min(1).max(128) }))
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
  created: number;
  updated: number;
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

export function provision(file: string, lines: LineRepository): ProvisioningResult {
  const config = readProvisioningFile(file);
  const result: ProvisioningResult = { created: 0, updated: 0 };
  const existing = lines.list();
  for (const line of config.lines) {
    const match = existing.find((l) => l.registrar === line.registrar && l.username === line.username);
    lines.save(match ? { ...line, id: match.id } : line);
    result[match ? 'updated' : 'created'] += 1;
  }
  return result;
}
