import { randomUUID } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Clock, TimerHandle } from '../clock.js';
import type { PromptRepository, PromptRow } from '../store/prompt-repository.js';
import { convertAudioToTelephone, TELEPHONE_SAMPLE_RATE, writeWav } from './prompt-converter.js';

/** Uploads open at once, and how long one may sit unfinished. */
const MAX_OPEN_UPLOADS = 8;
const UPLOAD_IDLE_MS = 10 * 60_000;

export class PromptUploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromptUploadError';
  }
}

interface OpenUpload {
  name: string;
  fileName: string;
  bytes: Uint8Array;
  received: number;
  expiry: TimerHandle;
}

/**
 * Recordings uploaded in pieces (the API's frames are small), converted once at the end to 8 kHz
 * mono (any WAV, MP3, OGG/Opus, FLAC; a proper low-pass, duration kept), stored as a file and a
 * row. A file that cannot be used is refused with what is wrong, and leaves nothing behind.
 */
export class PromptUploads {
  private readonly open = new Map<string, OpenUpload>();

  constructor(private readonly deps: { clock: Clock; prompts: PromptRepository; dataDir: string }) {}

  begin(upload: { name: string; fileName: string; size: number }): string {
    if (this.open.size >= MAX_OPEN_UPLOADS)
      throw new PromptUploadError('Too many uploads at once; finish one first');
    const id = randomUUID();
    this.open.set(id, {
      name: upload.name,
      fileName: upload.fileName,
      bytes: new Uint8Array(upload.size),
      received: 0,
      expiry: this.deps.clock.setTimeout(() => this.open.delete(id), UPLOAD_IDLE_MS),
    });
    return id;
  }

  /** Pieces arrive in order; the count of bytes so far comes back for the progress bar. */
  chunk(id: string, offset: number, data: Uint8Array): { received: number; size: number } {
    const upload = this.upload(id);
    if (offset !== upload.received) {
      throw new PromptUploadError(`Expected the piece at byte ${upload.received}, got one at ${offset}`);
    }
    if (offset + data.length > upload.bytes.length) {
      throw new PromptUploadError(
        `${upload.fileName}: more data than the announced ${upload.bytes.length} bytes`,
      );
    }
    upload.bytes.set(data, offset);
    upload.received += data.length;
    return { received: upload.received, size: upload.bytes.length };
  }

  async finish(id: string): Promise<PromptRow> {
    const upload = this.upload(id);
    this.open.delete(id);
    this.deps.clock.clearTimeout(upload.expiry);
    if (upload.received !== upload.bytes.length) {
      throw new PromptUploadError(
        `${upload.fileName}: the upload stopped at ${upload.received} of ${upload.bytes.length} bytes`,
      );
    }
    // Throws AudioFileError naming the file and the problem; nothing has been written yet.
    const telephone = await convertAudioToTelephone(upload.bytes, upload.fileName);
    const dir = join(this.deps.dataDir, 'prompts', 'uploads');
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${randomUUID()}.wav`);
    await writeFile(`${file}.partial`, writeWav(telephone.pcm, TELEPHONE_SAMPLE_RATE));
    await rename(`${file}.partial`, file);
    try {
      return this.deps.prompts.create({
        source: 'upload',
        name: upload.name,
        file: relative(this.deps.dataDir, file),
        durationMs: Math.round(telephone.durationMs),
      });
    } catch (error) {
      await unlink(file);
      throw error;
    }
  }

  private upload(id: string): OpenUpload {
    const upload = this.open.get(id);
    if (!upload) throw new PromptUploadError(`No upload ${id} (finished, or idle for too long)`);
    return upload;
  }
}
