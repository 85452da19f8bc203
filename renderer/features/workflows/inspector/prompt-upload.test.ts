import { describe, expect, it } from 'vitest';
import {
  UPLOAD_CHUNK_BYTES,
  uploadBeginParams,
  uploadChunkParams,
  type StoredPrompt,
} from '../../../../shared/domain/prompts.js';
import { RpcError } from '../../../../shared/rpc/errors.js';
import type { Api } from '../../../stores/api.js';
import { promptNameOf, uploadPrompt, type UploadProgress } from './prompt-upload.js';

const uploadId = '00000000-0000-4000-8000-000000000001';

/**
 * The engine's side of an upload, in memory: params checked by the contract's own schemas, the
 * pieces put together, and finish refusing an incomplete upload (as the engine does).
 */
function fakeEngine(options: { failChunkAt?: number; onChunk?(received: number): void } = {}) {
  const calls: string[] = [];
  let announced = { name: '', size: 0 };
  let received = new Uint8Array(0);
  let count = 0;
  const call = async (method: string, params: unknown): Promise<unknown> => {
    calls.push(method);
    if (method === 'prompts.uploadBegin') {
      announced = uploadBeginParams.parse(params);
      return { uploadId };
    }
    if (method === 'prompts.uploadChunk') {
      const { offset, data } = uploadChunkParams.parse(params);
      if (count++ === options.failChunkAt) throw new RpcError('UNAVAILABLE', 'Not connected to the engine');
      const piece = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const joined = new Uint8Array(offset + piece.length);
      joined.set(received.subarray(0, offset));
      joined.set(piece, offset);
      received = joined;
      options.onChunk?.(received.length);
      return { received: received.length, size: announced.size };
    }
    if (method === 'prompts.uploadFinish') {
      if (received.length !== announced.size) throw new RpcError('INVALID_PARAMS', 'the upload stopped');
      return { id: uploadId, name: announced.name, source: 'upload' } as Partial<StoredPrompt>;
    }
    throw new Error(`unexpected ${method}`);
  };
  return { api: { call } as unknown as Api, calls, received: () => received };
}

const fileOf = (size: number, name = 'Greeting.Main.wav') =>
  new File([Uint8Array.from({ length: size }, (_, i) => (i * 7) % 256)], name);

describe('prompt upload', () => {
  it('names the recording after its file, without the extension', () => {
    expect(promptNameOf('Welcome message.mp3')).toBe('Welcome message');
    expect(promptNameOf('greeting.v2.wav')).toBe('greeting.v2');
    expect(promptNameOf('.wav')).toBe('.wav');
    expect(promptNameOf(`${'x'.repeat(100)}.ogg`)).toHaveLength(80);
  });

  it('sends the file in pieces the API accepts, then waits for the conversion', async () => {
    const engine = fakeEngine();
    const file = fileOf(UPLOAD_CHUNK_BYTES * 2 + 10);
    const progress: UploadProgress[] = [];
    const prompt = await uploadPrompt(engine.api, file, {
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p),
    });
    expect(prompt).toMatchObject({ id: uploadId, name: 'Greeting.Main' });
    // Compared by hand: a deep equality of a megabyte, element by element, takes seconds.
    const sentBytes = new Uint8Array(await file.arrayBuffer());
    const received = engine.received();
    expect(received.length).toBe(sentBytes.length);
    expect(received.every((byte, i) => byte === sentBytes[i])).toBe(true);
    expect(progress).toEqual([
      { phase: 'sending', sent: UPLOAD_CHUNK_BYTES, size: file.size },
      { phase: 'sending', sent: UPLOAD_CHUNK_BYTES * 2, size: file.size },
      { phase: 'sending', sent: file.size, size: file.size },
      { phase: 'converting' },
    ]);
  });

  it('stops between pieces when aborted, and has the engine drop the unfinished upload', async () => {
    const controller = new AbortController();
    const engine = fakeEngine({ onChunk: () => controller.abort(new Error('field closed')) });
    const progress: UploadProgress[] = [];
    await expect(
      uploadPrompt(engine.api, fileOf(UPLOAD_CHUNK_BYTES * 3), {
        signal: controller.signal,
        onProgress: (p) => progress.push(p),
      }),
    ).rejects.toThrow('field closed');
    expect(engine.calls).toEqual(['prompts.uploadBegin', 'prompts.uploadChunk', 'prompts.uploadFinish']);
    expect(progress.some((p) => p.phase === 'converting')).toBe(false);
  });

  it('passes on a failed piece, after having the engine drop the upload', async () => {
    const engine = fakeEngine({ failChunkAt: 1 });
    await expect(
      uploadPrompt(engine.api, fileOf(UPLOAD_CHUNK_BYTES * 3), {
        signal: new AbortController().signal,
        onProgress: () => undefined,
      }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(engine.calls.at(-1)).toBe('prompts.uploadFinish');
  });
});
