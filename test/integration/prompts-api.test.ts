import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWav } from '../../electron/engine/audio/wav-reader.js';
import { engineWithApi } from '../support/engine-api.js';

const fixture = join(import.meta.dirname, '../fixtures/tone-1khz-1s.ogg');

/**
 * The prompt library through the real engine's API: a recording uploaded in pieces and
 * converted to 8 kHz, a broken file refused with what is wrong, a text synthesised offline and
 * played back, and a recording a workflow still uses kept from deletion.
 */
describe('prompts over the API', () => {
  const running = engineWithApi();

  const upload = async (name: string, fileName: string, bytes: Uint8Array, chunk = 4096) => {
    const { uploadId } = await running.api.result('prompts.uploadBegin', {
      name,
      fileName,
      size: bytes.length,
    });
    for (let offset = 0; offset < bytes.length; offset += chunk) {
      const data = Buffer.from(bytes.subarray(offset, offset + chunk)).toString('base64');
      await running.api.result('prompts.uploadChunk', { uploadId, offset, data });
    }
    return running.api.call('prompts.uploadFinish', { uploadId }, 30_000);
  };

  let uploadedId: string;

  it('converts an OGG recording uploaded in pieces to an 8 kHz file of the same length', async () => {
    const reply = await upload('Hold tone', 'tone.ogg', new Uint8Array(readFileSync(fixture)));
    expect(reply.t).toBe('res');
    const prompt = reply.result as { id: string; source: string; durationMs: number };
    expect(prompt).toMatchObject({ source: 'upload', name: 'Hold tone' });
    expect(Math.abs(prompt.durationMs - 1000)).toBeLessThanOrEqual(30);
    uploadedId = prompt.id;
    const preview = await running.api.result('prompts.preview', {
      prompt: { kind: 'audio', promptId: uploadedId },
    });
    const wav = readWav(new Uint8Array(Buffer.from(preview.wavBase64 as string, 'base64')), 'preview');
    expect(wav.sampleRate).toBe(8000);
  });

  it('refuses a broken file, naming it and the problem, and keeps nothing', async () => {
    const before = ((await running.api.result('prompts.list', {})) as unknown as unknown[]).length;
    const reply = await upload('Broken', 'greeting.wav', new TextEncoder().encode('RIFF....WAVEjunk'));
    expect(reply).toMatchObject({
      t: 'err',
      error: { code: 'INVALID_PARAMS', message: expect.stringMatching(/^greeting\.wav: /) },
    });
    expect(((await running.api.result('prompts.list', {})) as unknown as unknown[]).length).toBe(before);
  });

  it('synthesises Korean text offline and plays it back', async () => {
    const prompt = await running.api.result('prompts.synthesize', {
      text: '안녕하세요. 스위치보드입니다.',
      language: 'ko',
    });
    expect(prompt).toMatchObject({ source: 'tts', language: 'ko' });
    expect(prompt.durationMs).toBeGreaterThan(800);
    const again = await running.api.result('prompts.synthesize', {
      text: '안녕하세요. 스위치보드입니다.',
      language: 'ko',
    });
    expect(again.id).toBe(prompt.id);
  });

  it('keeps a recording a workflow still plays, and removes it once unused', async () => {
    const workflow = await running.api.result('workflows.create', { name: 'Uses the tone' });
    const definition = {
      trigger: { kind: 'customer_called' },
      steps: [
        { kind: 'voice_message', id: 'm', name: 'Tone', prompt: { kind: 'audio', promptId: uploadedId } },
      ],
      edges: [{ source: 'trigger', output: 'start', target: 'm' }],
    };
    await running.api.result('workflows.saveDraft', { id: workflow.id, definition });
    const refused = await running.api.call('prompts.remove', { id: uploadedId });
    expect(refused).toMatchObject({
      t: 'err',
      error: { code: 'CONFLICT', message: expect.stringContaining('Uses the tone') },
    });
    await running.api.result('workflows.remove', { id: workflow.id });
    expect(await running.api.result('prompts.remove', { id: uploadedId })).toEqual({ removed: true });
  });
});
