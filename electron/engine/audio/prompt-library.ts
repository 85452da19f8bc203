import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Prompt, PromptLanguage } from '../../../shared/workflow/prompt.js';
import {
  convertWavToTelephone,
  TELEPHONE_SAMPLE_RATE,
  writeWav,
  type TelephonePrompt,
} from './prompt-converter.js';

export class PromptMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromptMissingError';
  }
}

export interface PromptLibraryDeps {
  /** Folder of rendered text prompts (the data folder's prompts/tts). */
  ttsDir: string;
  synthesize(text: string, language: PromptLanguage, voice: string | undefined): Promise<TelephonePrompt>;
  /** The 8 kHz WAV file of an uploaded prompt, if it still exists. */
  uploadedFile(promptId: string): string | undefined;
}

/** Decoded prompts kept in memory: a menu's audio is played on every call. ~30 min of audio. */
const CACHE_SAMPLES = 16 * 1024 * 1024;

/**
 * Prompt audio as calls play it: text prompts rendered once into 8 kHz WAV files named by a
 * hash of what they say (so an unchanged text is never rendered twice, and publishing renders
 * what a version needs before it goes live), uploaded prompts read from their converted files.
 */
export class PromptLibrary {
  private readonly cache = new Map<string, Int16Array>();
  private cachedSamples = 0;
  private readonly rendering = new Map<string, Promise<string>>();

  constructor(private readonly deps: PromptLibraryDeps) {}

  /** Makes sure the prompt's file exists (synthesising text if needed) and returns its path. */
  async render(prompt: Prompt): Promise<string> {
    if (prompt.kind === 'audio') {
      const file = this.deps.uploadedFile(prompt.promptId);
      if (!file) throw new PromptMissingError(`the uploaded prompt ${prompt.promptId} no longer exists`);
      return file;
    }
    const key = ttsKey(prompt.text, prompt.language, prompt.voice);
    const path = join(this.deps.ttsDir, `${key}.wav`);
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = this.renderText(path, prompt.text, prompt.language, prompt.voice).finally(() =>
        this.rendering.delete(key),
      );
      this.rendering.set(key, pending);
    }
    return pending;
  }

  /** The prompt's 8 kHz PCM, from memory when it was played lately. */
  async audio(prompt: Prompt): Promise<Int16Array> {
    const path = await this.render(prompt);
    const cached = this.cache.get(path);
    if (cached) {
      // Re-inserted: Map order makes the oldest entry the first to go.
      this.cache.delete(path);
      this.cache.set(path, cached);
      return cached;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new PromptMissingError(
        `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
    const { pcm } = convertWavToTelephone(bytes, path);
    this.remember(path, pcm);
    return pcm;
  }

  private async renderText(
    path: string,
    text: string,
    language: PromptLanguage,
    voice: string | undefined,
  ): Promise<string> {
    try {
      await access(path);
      return path;
    } catch {
      // Not rendered yet.
    }
    const { pcm } = await this.deps.synthesize(text, language, voice);
    await mkdir(this.deps.ttsDir, { recursive: true });
    // Written aside and renamed, so a call never reads half a file.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, writeWav(pcm, TELEPHONE_SAMPLE_RATE));
    await rename(partial, path);
    return path;
  }

  private remember(path: string, pcm: Int16Array): void {
    this.cache.set(path, pcm);
    this.cachedSamples += pcm.length;
    for (const [oldest, samples] of this.cache) {
      if (this.cachedSamples <= CACHE_SAMPLES) break;
      this.cache.delete(oldest);
      this.cachedSamples -= samples.length;
    }
  }
}

/** Same words, language and voice: same file. */
export function ttsKey(text: string, language: string, voice: string | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify([text, language, voice ?? '']))
    .digest('hex')
    .slice(0, 32);
}
