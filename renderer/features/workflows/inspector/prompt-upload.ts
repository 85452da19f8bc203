import { UPLOAD_CHUNK_BYTES, type StoredPrompt } from '../../../../shared/domain/prompts.js';
import type { Api } from '../../../stores/api.js';

/** Where an upload is, for its progress bar. */
export type UploadProgress = { phase: 'sending'; sent: number; size: number } | { phase: 'converting' };

/** The file types the picker offers: what the engine decodes (it reads the content, not the name). */
export const UPLOAD_ACCEPT = '.wav,.mp3,.ogg,.oga,.opus,audio/wav,audio/x-wav,audio/mpeg,audio/ogg';

/** A recording's name in the library: its file name without the extension, as the API allows it. */
export function promptNameOf(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '').trim();
  return (base || fileName.trim()).slice(0, 80);
}

/**
 * Sends a file to the prompt library in API-sized pieces, then waits while the engine converts it
 * to 8 kHz. Aborting stops between pieces; once converting, the engine finishes on its own.
 * @throws the API's error (an RpcError naming the file and the problem), or the abort reason.
 */
export async function uploadPrompt(
  api: Api,
  file: File,
  options: { signal: AbortSignal; onProgress(progress: UploadProgress): void },
): Promise<StoredPrompt> {
  const { signal, onProgress } = options;
  const { uploadId } = await api.call('prompts.uploadBegin', {
    name: promptNameOf(file.name),
    fileName: file.name.slice(0, 255),
    size: file.size,
  });
  let sent = 0;
  try {
    while (sent < file.size) {
      signal.throwIfAborted();
      const piece = new Uint8Array(await file.slice(sent, sent + UPLOAD_CHUNK_BYTES).arrayBuffer());
      const reply = await api.call('prompts.uploadChunk', { uploadId, offset: sent, data: base64Of(piece) });
      sent = reply.received;
      onProgress({ phase: 'sending', sent, size: file.size });
    }
  } catch (error) {
    // The API has no cancel: finishing an incomplete upload makes the engine drop it (and its
    // buffer) now instead of after ten idle minutes. That finish fails by design.
    void api.call('prompts.uploadFinish', { uploadId }).catch(() => undefined);
    throw error;
  }
  signal.throwIfAborted();
  onProgress({ phase: 'converting' });
  return api.call('prompts.uploadFinish', { uploadId });
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading half a megabyte of arguments at once overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
