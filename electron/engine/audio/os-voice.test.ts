import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickVoice, withTempDir } from './os-voice.js';

describe('choosing an OS voice for a language', () => {
  const voices = [
    { name: 'Microsoft Hazel Desktop', locale: 'en-GB' },
    { name: 'Microsoft David Desktop', locale: 'en-US' },
    { name: 'Microsoft Zira Desktop', locale: 'en-US' },
    { name: 'Microsoft Haruka Desktop', locale: 'ja-JP' },
  ];

  it('takes the first voice of the home locale over earlier ones of other regions', () => {
    expect(pickVoice(voices, 'en')).toBe('Microsoft David Desktop');
  });

  it('takes a preferred voice of the language first', () => {
    expect(pickVoice(voices, 'en', ['Microsoft Haruka Desktop', 'Microsoft Zira Desktop'])).toBe(
      'Microsoft Zira Desktop',
    );
  });

  it('takes any region, or a locale without one, when the home locale has no voice', () => {
    expect(pickVoice(voices.slice(0, 1), 'en')).toBe('Microsoft Hazel Desktop');
    expect(pickVoice([{ name: 'Plain', locale: 'KO' }], 'ko')).toBe('Plain');
  });

  it('finds none for a language no voice speaks, nor for one that only starts alike', () => {
    expect(pickVoice(voices, 'ko')).toBeUndefined();
    expect(pickVoice([{ name: 'Konkani', locale: 'kok-IN' }], 'ko')).toBeUndefined();
  });
});

describe('temporary folders for OS voices', () => {
  it('gives a new folder under the OS temp folder and removes it with its files', async () => {
    let folder = '';
    const result = await withTempDir(async (dir) => {
      folder = dir;
      await writeFile(join(dir, 'prompt.txt'), 'hello');
      return 42;
    });
    expect(result).toBe(42);
    expect(folder.startsWith(tmpdir())).toBe(true);
    expect(existsSync(folder)).toBe(false);
  });

  it('removes the folder when the work fails, and passes the failure on', async () => {
    let folder = '';
    await expect(
      withTempDir(async (dir) => {
        folder = dir;
        await writeFile(join(dir, 'prompt.wav'), new Uint8Array(8));
        throw new Error('voice crashed');
      }),
    ).rejects.toThrow('voice crashed');
    expect(existsSync(folder)).toBe(false);
  });
});
