import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { ttsKey } from '../audio/prompt-library.js';
import { openDatabase, type OpenedDatabase } from './database.js';
import { PromptRepository } from './prompt-repository.js';

const migrationsDir = join(import.meta.dirname, '../../../resources/migrations');

describe('PromptRepository on a real SQLite file', () => {
  let dir: ReturnType<typeof tempDir>;
  let database: OpenedDatabase;
  let repo: PromptRepository;
  beforeEach(() => {
    dir = tempDir();
    database = openDatabase(join(dir.path, 'db.sqlite'), migrationsDir);
    repo = new PromptRepository(database.db);
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('keeps uploads and text prompts, a text one findable by the render cache key', () => {
    const upload = repo.create({
      source: 'upload',
      name: 'Jingle',
      file: 'prompts/upload/a.wav',
      durationMs: 4200,
    });
    const spoken = repo.create({
      source: 'tts',
      name: 'Welcome',
      text: '안녕하세요',
      language: 'ko',
      file: 'prompts/tts/b.wav',
      durationMs: 1500,
    });
    expect(upload).toMatchObject({
      source: 'upload',
      language: null,
      text: null,
      contentHash: null,
      sampleRate: 8000,
    });
    expect(spoken).toMatchObject({
      language: 'ko',
      voice: null,
      contentHash: ttsKey('안녕하세요', 'ko', undefined),
    });
    expect(repo.get(upload.id)).toEqual(upload);
    expect(
      repo
        .list()
        .map((p) => p.id)
        .sort(),
    ).toEqual([upload.id, spoken.id].sort());

    expect(repo.findByHash(ttsKey('안녕하세요', 'ko', undefined))).toEqual(spoken);
    expect(repo.findByHash(ttsKey('안녕하세요', 'ko', 'Yuna'))).toBeUndefined();
    expect(repo.findByHash(ttsKey('Hello', 'en', undefined))).toBeUndefined();
  });

  it('removes a prompt and hands back its row, so its file can go too', () => {
    const { id } = repo.create({
      source: 'upload',
      name: 'Jingle',
      file: 'prompts/upload/a.wav',
      durationMs: 4200,
    });
    expect(repo.remove(id)).toMatchObject({ id, file: 'prompts/upload/a.wav' });
    expect(repo.remove(id)).toBeUndefined();
    expect(repo.get(id)).toBeUndefined();
  });
});
