import { unlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { StoredPrompt } from '../../../shared/domain/prompts.js';
import type { Handlers } from '../../../shared/rpc/contract.js';
import { RpcError } from '../../../shared/rpc/errors.js';
import { stepPrompts } from '../../../shared/workflow/step-prompts.js';
import { AudioFileError } from '../audio/audio-file-error.js';
import type { PromptLibrary } from '../audio/prompt-library.js';
import { TELEPHONE_SAMPLE_RATE, writeWav } from '../audio/prompt-converter.js';
import { PromptUploadError, type PromptUploads } from '../audio/prompt-uploads.js';
import { SpeechSynthesisError } from '../audio/speech-synthesizer.js';
import type { PromptRepository, PromptRow } from '../store/prompt-repository.js';
import type { WorkflowRepository } from '../store/workflow-repository.js';

export interface PromptHandlerDeps {
  prompts: PromptRepository;
  library: PromptLibrary;
  uploads: PromptUploads;
  workflows: WorkflowRepository;
  dataDir: string;
}

type PromptMethods = Pick<
  Handlers,
  | 'prompts.list'
  | 'prompts.uploadBegin'
  | 'prompts.uploadChunk'
  | 'prompts.uploadFinish'
  | 'prompts.synthesize'
  | 'prompts.preview'
  | 'prompts.remove'
>;

/** The prompt library over the API: uploads, synthesised texts, previews, removal. */
export function createPromptHandlers(deps: PromptHandlerDeps): PromptMethods {
  const { prompts, library } = deps;

  /** Names of the workflows whose draft or live version plays the prompt. */
  const usersOf = (id: string): string[] =>
    deps.workflows.list().flatMap((summary) => {
      const stored = deps.workflows.get(summary.id);
      const live = summary.liveVersionId ? deps.workflows.version(summary.liveVersionId) : undefined;
      const plays = [stored?.draft, live?.definition].some((definition) =>
        definition?.steps.some((step) =>
          stepPrompts(step).some(({ prompt }) => prompt?.kind === 'audio' && prompt.promptId === id),
        ),
      );
      return plays ? [summary.name] : [];
    });

  return {
    'prompts.list': async () => prompts.list().map(toApi),
    'prompts.uploadBegin': async (params) => ({ uploadId: uploadCall(() => deps.uploads.begin(params)) }),
    'prompts.uploadChunk': async ({ uploadId, offset, data }) =>
      uploadCall(() => deps.uploads.chunk(uploadId, offset, Buffer.from(data, 'base64'))),
    'prompts.uploadFinish': async ({ uploadId }) => {
      try {
        return toApi(await deps.uploads.finish(uploadId));
      } catch (error) {
        if (error instanceof AudioFileError) {
          throw new RpcError('INVALID_PARAMS', error.message, {
            issues: [{ path: ['file'], code: error.code, message: error.message }],
          });
        }
        throw uploadError(error);
      }
    },
    'prompts.synthesize': async ({ text, language, voice }) => {
      const prompt = { kind: 'tts' as const, text, language, ...(voice ? { voice } : {}) };
      const audio = await speech(() => library.audio(prompt));
      const path = await library.render(prompt);
      const existing = prompts
        .list()
        .find((row) => row.source === 'tts' && row.file === relative(deps.dataDir, path));
      const row =
        existing ??
        prompts.create({
          source: 'tts',
          name: text.slice(0, 80),
          text,
          language,
          ...(voice ? { voice } : {}),
          file: relative(deps.dataDir, path),
          durationMs: Math.round(audio.length / 8),
        });
      return toApi(row);
    },
    'prompts.preview': async ({ prompt }) => {
      const pcm = await speech(() => library.audio(prompt));
      return {
        durationMs: pcm.length / 8,
        wavBase64: Buffer.from(writeWav(pcm, TELEPHONE_SAMPLE_RATE)).toString('base64'),
      };
    },
    'prompts.remove': async ({ id }) => {
      const users = usersOf(id);
      if (users.length > 0) {
        throw new RpcError('CONFLICT', `The recording is still used by: ${users.join(', ')}`, {
          workflows: users,
        });
      }
      const removed = prompts.remove(id);
      // Uploads own their file; rendered texts live in the shared render cache.
      if (removed?.source === 'upload') await unlink(join(deps.dataDir, removed.file)).catch(() => undefined);
      return { removed: removed !== undefined };
    },
  };
}

function toApi(row: PromptRow): StoredPrompt {
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    language: row.language === 'ko' || row.language === 'en' ? row.language : null,
    text: row.text,
    durationMs: row.durationMs,
    createdAt: row.createdAt,
  };
}

function uploadCall<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw uploadError(error);
  }
}

function uploadError(error: unknown): unknown {
  return error instanceof PromptUploadError ? new RpcError('INVALID_PARAMS', error.message) : error;
}

/** Synthesis problems (empty or too long text, no voice) are the caller's to fix. */
async function speech<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof SpeechSynthesisError) throw new RpcError('INVALID_PARAMS', error.message);
    throw error;
  }
}
