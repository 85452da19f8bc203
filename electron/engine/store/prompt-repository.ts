import { randomUUID } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import type { PromptLanguage } from '../../../shared/workflow/prompt.js';
import { TELEPHONE_SAMPLE_RATE } from '../audio/prompt-converter.js';
import { ttsKey } from '../audio/prompt-library.js';
import type { AppDatabase } from './database.js';
import { prompts } from './schema.js';

export type PromptRow = typeof prompts.$inferSelect;

interface PromptFile {
  name: string;
  /** Relative to the data folder. */
  file: string;
  durationMs: number;
}

export type NewPrompt =
  | ({ source: 'upload' } & PromptFile)
  | ({ source: 'tts'; text: string; language: PromptLanguage; voice?: string } & PromptFile);

/**
 * The prompt library's rows; the audio files themselves are the caller's to write and delete.
 * A text prompt's `contentHash` is the render cache's key (ttsKey), so the same words in the same
 * voice are found again instead of being synthesised twice.
 */
export class PromptRepository {
  constructor(private readonly db: AppDatabase) {}

  create(prompt: NewPrompt): PromptRow {
    const row: PromptRow = {
      id: randomUUID(),
      name: prompt.name,
      source: prompt.source,
      language: prompt.source === 'tts' ? prompt.language : null,
      text: prompt.source === 'tts' ? prompt.text : null,
      voice: prompt.source === 'tts' ? (prompt.voice ?? null) : null,
      file: prompt.file,
      durationMs: prompt.durationMs,
      sampleRate: TELEPHONE_SAMPLE_RATE,
      contentHash: prompt.source === 'tts' ? ttsKey(prompt.text, prompt.language, prompt.voice) : null,
      createdAt: new Date().toISOString(),
    };
    this.db.insert(prompts).values(row).run();
    return row;
  }

  /** Newest first. */
  list(): PromptRow[] {
    return this.db.select().from(prompts).orderBy(desc(prompts.createdAt), asc(prompts.id)).all();
  }

  get(id: string): PromptRow | undefined {
    return this.db.select().from(prompts).where(eq(prompts.id, id)).get();
  }

  /** The removed row, so the caller can delete its file; undefined when there was none. */
  remove(id: string): PromptRow | undefined {
    return this.db.delete(prompts).where(eq(prompts.id, id)).returning().get();
  }

  /** The oldest text prompt with that ttsKey. */
  findByHash(hash: string): PromptRow | undefined {
    return this.db
      .select()
      .from(prompts)
      .where(eq(prompts.contentHash, hash))
      .orderBy(asc(prompts.createdAt), asc(prompts.id))
      .limit(1)
      .get();
  }
}
