import { z } from 'zod';

/** A message a caller left, as the inbox lists it. */
export const voicemailSchema = z.object({
  id: z.uuid(),
  callId: z.string(),
  caller: z.string(),
  durationMs: z.number().int(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  heard: z.boolean(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Voicemail = z.infer<typeof voicemailSchema>;

/** Unheard first, then newest first. */
export const voicemailListParams = z.strictObject({
  heard: z.boolean().optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type VoicemailListParams = z.infer<typeof voicemailListParams>;

export const markHeardParams = z.strictObject({ id: z.uuid(), heard: z.boolean() });
export const assignVoicemailParams = z.strictObject({ id: z.uuid(), assigneeId: z.uuid().nullable() });

/** The scheme of voicemail audio in the desktop app: `switchboard-media://voicemail/<id>`. */
export const MEDIA_SCHEME = 'switchboard-media';

/**
 * Where the client fetches a message's audio. Headless: the engine's HTTP path
 * (`/media/voicemail/<id>`), with the API token as `?token=` or a Bearer header. In the desktop
 * app the same path under {@link MEDIA_SCHEME} (no token: only the app's window can load it).
 * Either way byte ranges work, so the player can seek.
 */
export const voicemailAudioSchema = z.object({
  path: z.string(),
  mimeType: z.literal('audio/wav'),
  durationMs: z.number().int(),
});
export type VoicemailAudio = z.infer<typeof voicemailAudioSchema>;

export function voicemailMediaPath(id: string): string {
  return `/media/voicemail/${id}`;
}
