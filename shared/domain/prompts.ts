import { z } from 'zod';
import { promptLanguageSchema, promptSchema, MAX_PROMPT_TEXT } from '../workflow/prompt.js';

/** The prompt library as the API shows it: uploads and synthesised texts, each an 8 kHz file. */
export const storedPromptSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  source: z.enum(['upload', 'tts']),
  language: promptLanguageSchema.nullable(),
  text: z.string().nullable(),
  durationMs: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type StoredPrompt = z.infer<typeof storedPromptSchema>;

/** Uploads arrive in pieces that fit the API's 1 MiB frames, base64 included. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
/** The largest file accepted: an hour of CD-quality stereo WAV is 635 MB; a prompt is far less. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export const uploadBeginParams = z.strictObject({
  /** What people call it in the editor. */
  name: z.string().trim().min(1).max(80),
  /** The file's own name, for error messages ("greeting.mp3: …"). */
  fileName: z.string().trim().min(1).max(255),
  size: z.number().int().min(1).max(MAX_UPLOAD_BYTES),
});

export const uploadChunkParams = z.strictObject({
  uploadId: z.uuid(),
  offset: z.number().int().min(0),
  /** Base64 of at most UPLOAD_CHUNK_BYTES bytes. */
  data: z.base64().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
});

export const synthesizeParams = z.strictObject({
  text: z.string().trim().min(1).max(MAX_PROMPT_TEXT),
  language: promptLanguageSchema,
  voice: z.string().trim().min(1).max(100).optional(),
});

/** A prompt rendered to listen to: 8 kHz 16-bit mono WAV. */
export const promptAudioSchema = z.object({
  durationMs: z.number(),
  wavBase64: z.string(),
});

export const previewParams = z.strictObject({ prompt: promptSchema });
