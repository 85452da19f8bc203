import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { PromptLibrary, PromptMissingError } from './prompt-library.js';

/** Rendering text prompts once, into files named by what they say, and reading them back. */
function setup(uploaded: Record<string, string> = {}) {
  const dir = tempDir();
  const synthesize = vi.fn(async (text: string) => {
    const pcm = new Int16Array(text.length * 80).map((_, i) => (i % 16) * 100);
    return { pcm, durationMs: pcm.length / 8 };
  });
  const library = new PromptLibrary({
    ttsDir: join(dir.path, 'tts'),
    synthesize,
    uploadedFile: (id) => uploaded[id],
  });
  return { dir, synthesize, library };
}

describe('the prompt library', () => {
  it('renders a text prompt once and plays the same samples from the file', async () => {
    const { dir, synthesize, library } = setup();
    const prompt = { kind: 'tts' as const, text: 'For sales, press 1.', language: 'en' as const };
    const [a, b] = await Promise.all([library.render(prompt), library.render(prompt)]);
    expect(a).toBe(b);
    expect(existsSync(a)).toBe(true);
    expect(synthesize).toHaveBeenCalledTimes(1);
    const pcm = await library.audio(prompt);
    expect(Array.from(pcm.subarray(0, 4))).toEqual([0, 100, 200, 300]);
    // A new library on the same folder (an engine restart) finds the file and renders nothing.
    const again = new PromptLibrary({
      ttsDir: join(dir.path, 'tts'),
      synthesize,
      uploadedFile: () => undefined,
    });
    expect(await again.audio(prompt)).toEqual(pcm);
    expect(synthesize).toHaveBeenCalledTimes(1);
    dir.remove();
  });

  it('renders another file for other words, language or voice', async () => {
    const { dir, library } = setup();
    const paths = await Promise.all([
      library.render({ kind: 'tts', text: '1번', language: 'ko' }),
      library.render({ kind: 'tts', text: '1번', language: 'en' }),
      library.render({ kind: 'tts', text: '1번', language: 'ko', voice: 'Yuna' }),
      library.render({ kind: 'tts', text: '2번', language: 'ko' }),
    ]);
    expect(new Set(paths).size).toBe(4);
    dir.remove();
  });

  it('says clearly when an uploaded prompt or its file is gone', async () => {
    const fileGone = '0b8f2a43-7c1e-4d3a-9a43-3f1f6f9b1c2d';
    const { dir, library } = setup({ [fileGone]: '/nonexistent/prompt.wav' });
    await expect(
      library.audio({ kind: 'audio', promptId: '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d' }),
    ).rejects.toThrow(
      new PromptMissingError('the uploaded prompt 6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d no longer exists'),
    );
    await expect(library.audio({ kind: 'audio', promptId: fileGone })).rejects.toThrow(
      /cannot read \/nonexistent\/prompt\.wav: ENOENT/,
    );
    dir.remove();
  });

  it('renders a text prompt again when its file was deleted', async () => {
    const { dir, synthesize, library } = setup();
    const prompt = { kind: 'tts' as const, text: 'Hello', language: 'en' as const };
    rmSync(await library.render(prompt));
    await library.audio(prompt);
    expect(synthesize).toHaveBeenCalledTimes(2);
    dir.remove();
  });
});
