import type { Voicemail } from '../../../shared/domain/voicemails.js';

/** Unheard first, then newest first: the engine's order (voicemail-box.ts), kept after each change. */
function compare(a: Voicemail, b: Voicemail): number {
  return (
    Number(a.heard) - Number(b.heard) || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)
  );
}

/** The list after a `voicemails.changed`: the message replaced (or added) and put in its place. */
export function applyVoicemailChange(list: readonly Voicemail[], changed: Voicemail): Voicemail[] {
  return [...list.filter((v) => v.id !== changed.id), changed].sort(compare);
}
