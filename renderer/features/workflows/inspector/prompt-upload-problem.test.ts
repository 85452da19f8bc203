import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../../../shared/domain/prompts.js';
import { RpcError } from '../../../../shared/rpc/errors.js';
import { createTranslator } from '../../../i18n/translate.js';
import { problemBeforeUpload, problemOfError, type UploadProblem } from './prompt-upload-problem.js';

const say = (problem: UploadProblem | undefined, locale: 'en' | 'ko' = 'en') =>
  problem && createTranslator(locale)(problem.message, problem.vars);

/** An upload the engine refused, as its API reports an AudioFileError. */
const refused = (code: string, message: string) =>
  new RpcError('INVALID_PARAMS', message, { issues: [{ path: ['file'], code, message }] });

describe('upload problems', () => {
  it('refuses an empty or too large file before sending it, in both languages', () => {
    expect(problemBeforeUpload({ name: 'a.wav', size: 10 })).toBeUndefined();
    expect(problemBeforeUpload({ name: 'a.wav', size: MAX_UPLOAD_BYTES })).toBeUndefined();
    expect(say(problemBeforeUpload({ name: 'a.wav', size: 0 }))).toBe('a.wav is empty.');
    const big = problemBeforeUpload({ name: 'hour.wav', size: MAX_UPLOAD_BYTES + 1 });
    expect(say(big)).toBe('hour.wav is 100.0 MB: the largest file accepted is 100.0 MB.');
    expect(say(big, 'ko')).toBe('hour.wav 파일의 크기가 100.0 MB입니다. 100.0 MB까지만 올릴 수 있습니다.');
  });

  it('says what is wrong with a refused file in plain words, keeping the engine’s detail', () => {
    const problem = problemOfError(
      refused('not-wav', "broken.wav: not a WAV file (a RIFF 'junk' file)"),
      'broken.wav',
    );
    expect(say(problem)).toBe('broken.wav is not a WAV, MP3 or OGG audio file, or it is damaged.');
    expect(say(problem, 'ko')).toBe('broken.wav 파일은 WAV, MP3, OGG 오디오 파일이 아니거나 손상되었습니다.');
    expect(problem.detail).toBe("not a WAV file (a RIFF 'junk' file)");
  });

  it('has a sentence for every kind of file the engine refuses', () => {
    const codes = [
      'not-wav',
      'unsupported-container',
      'unsupported-format',
      'bad-header',
      'truncated',
      'no-audio',
      'too-long',
      'undecodable',
    ];
    for (const code of codes) {
      expect(problemOfError(refused(code, 'x.ogg: why'), 'x.ogg').message, code).not.toBe(
        'inspector.upload.failed',
      );
    }
  });

  it('falls back to "could not be uploaded" with the whole message for anything else', () => {
    const lost = problemOfError(new RpcError('UNAVAILABLE', 'Not connected to the engine'), 'a.mp3');
    expect(say(lost)).toBe('a.mp3 could not be uploaded.');
    expect(lost.detail).toBe('Not connected to the engine');
    expect(problemOfError(new Error('boom'), 'a.mp3')).toMatchObject({
      message: 'inspector.upload.failed',
      detail: 'boom',
    });
  });
});
