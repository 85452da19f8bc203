import { z } from 'zod';
import type { SimulationStateShape } from '../../../../shared/domain/workflows.js';
import { promptSchema, type Prompt } from '../../../../shared/workflow/prompt.js';

/** Who a workflow assigned the call to: a team or an agent, by name when known. */
export interface AssignTarget {
  kind: 'team' | 'agent' | 'other';
  name: string;
}

/** One line of the test call's transcript as the panel shows it. */
export type TranscriptLine = { atMs: number } & (
  | { kind: 'say'; prompt: Prompt; text: string | null }
  | { kind: 'phrase'; text: string }
  | { kind: 'key'; digit: string }
  | { kind: 'sms'; to: string; text: string }
  | { kind: 'tags'; tags: string[] }
  | { kind: 'callback'; number: string; team: string | null }
  | { kind: 'voicemail'; durationMs: number }
  | { kind: 'assign'; target: AssignTarget; outcome: string }
  | { kind: 'hangup'; by: 'caller' | 'workflow' }
  | { kind: 'other'; what: string }
);

const entrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('say'), prompt: promptSchema }),
  z.object({ kind: z.literal('phrase'), text: z.string() }),
  z.object({ kind: z.literal('key'), digit: z.string() }),
  z.object({ kind: z.literal('sms'), to: z.string(), text: z.string() }),
  z.object({ kind: z.literal('tags'), tags: z.array(z.string()) }),
  z.object({ kind: z.literal('callback'), number: z.string(), teamId: z.string().nullable() }),
  z.object({ kind: z.literal('voicemail'), durationMs: z.number() }),
  z.object({ kind: z.literal('assign'), target: z.string(), outcome: z.string() }),
  z.object({ kind: z.literal('hangup'), by: z.enum(['caller', 'workflow']) }),
]);

/**
 * The simulator's transcript as lines to show: team and agent ids become names, and an entry
 * of a kind this panel does not know yet is kept as 'other' rather than dropped.
 */
export function transcriptLines(
  transcript: SimulationStateShape['transcript'],
  names: { teams: ReadonlyMap<string, string>; agents?: ReadonlyMap<string, string> },
): TranscriptLine[] {
  const team = (id: string) => names.teams.get(id) ?? id;
  return transcript.map((raw): TranscriptLine => {
    const atMs = raw.atMs;
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) return { atMs, kind: 'other', what: raw.kind };
    const entry = parsed.data;
    switch (entry.kind) {
      case 'say':
        return {
          atMs,
          kind: 'say',
          prompt: entry.prompt,
          text: entry.prompt.kind === 'tts' ? entry.prompt.text : null,
        };
      case 'callback':
        return {
          atMs,
          kind: 'callback',
          number: entry.number,
          team: entry.teamId === null ? null : team(entry.teamId),
        };
      case 'assign':
        return { atMs, kind: 'assign', target: assignTarget(entry.target, names), outcome: entry.outcome };
      case 'tags':
        return { atMs, kind: 'tags', tags: entry.tags };
      default:
        return { atMs, ...entry };
    }
  });
}

/** The simulator names a target 'team <id>' or 'agent <id>'. */
function assignTarget(
  target: string,
  names: { teams: ReadonlyMap<string, string>; agents?: ReadonlyMap<string, string> },
): AssignTarget {
  const [kind, id = ''] = target.split(' ', 2);
  if (kind === 'team') return { kind, name: names.teams.get(id) ?? id };
  if (kind === 'agent') return { kind, name: names.agents?.get(id) ?? id };
  return { kind: 'other', name: target };
}

/** Virtual time since the call started, as m:ss. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
