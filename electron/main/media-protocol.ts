import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { MEDIA_SCHEME } from '../../shared/domain/voicemails.js';
import { parseByteRange } from '../engine/api/media-route.js';
import type { EngineHost } from './engine-host.js';

/** Before the app is ready: the scheme streams, and <audio> may seek in it. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: MEDIA_SCHEME,
      privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true },
    },
  ]);
}

/**
 * switchboard-media://voicemail/<id>: a voicemail's audio for the desktop window, with byte
 * ranges (RFC 9110 §14) like the headless HTTP route. Only the app's own pages can load it, so
 * no token; the file is looked up by id in the engine, never taken from the URL.
 */
export function serveMedia(engine: EngineHost): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    const id = url.host === 'voicemail' ? url.pathname.slice(1) : '';
    const file = /^[0-9a-f-]{36}$/i.test(id) ? await engine.voicemailFile(id) : undefined;
    if (!file) return new Response('No such voicemail', { status: 404 });
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      return new Response('The recording is missing from the data folder', { status: 404 });
    }
    const range = parseByteRange(request.headers.get('range') ?? undefined, size);
    if (range === 'unsatisfiable') {
      return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
    return new Response(body, {
      status: range ? 206 : 200,
      headers: {
        'Content-Type': 'audio/wav',
        'Accept-Ranges': 'bytes',
        'Content-Length': String(end - start + 1),
        ...(range && { 'Content-Range': `bytes ${start}-${end}/${size}` }),
      },
    });
  });
}
