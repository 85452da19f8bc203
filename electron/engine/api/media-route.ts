import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../logger.js';

/** An HTTP handler for one path prefix; the server has checked the token before calling it. */
export type MediaRoute = (req: IncomingMessage, res: ServerResponse, pathname: string) => void;

export const MEDIA_PATH_PREFIX = '/media/';

const VOICEMAIL_PATH =
  /^\/media\/voicemail\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A byte range to send, both ends included (RFC 9110 §14.1.2). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The one range a `Range: bytes=…` header asks of a representation of `size` bytes
 * (RFC 9110 §14.1.2): `a-b`, `a-` or the suffix `-n`, the end clipped to the last byte.
 * Undefined when the whole file is to be sent: no header, another unit, a syntax error, or
 * several ranges (§14.2 lets a server ignore Range; one range is all a player asks).
 * 'unsatisfiable' when the range starts at or past the end (§15.5.17: 416).
 */
export function parseByteRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (last !== '' && end < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/**
 * Sends a file with byte-range support: 200 with the whole of it, 206 with one range and
 * Content-Range, 416 with `Content-Range: bytes *\/size` for a range past its end. A client
 * that goes away mid-file only ends that stream.
 */
export async function sendFileRange(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  mimeType: string,
  logger: Logger,
): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    res
      .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('The audio file of this message is missing from the data folder');
    return;
  }
  const headers = {
    'Accept-Ranges': 'bytes',
    'Content-Type': mimeType,
    // Callers' voices are personal data: no cache keeps a copy.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  // If-Range names a version we cannot compare against (we send no validators): send it all.
  const range = req.headers['if-range'] === undefined ? parseByteRange(req.headers.range, size) : undefined;
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
    return;
  }
  if (range) {
    res.writeHead(206, {
      ...headers,
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
      'Content-Length': range.end - range.start + 1,
    });
  } else {
    res.writeHead(200, { ...headers, 'Content-Length': size });
  }
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(file, range ?? {}), res);
  } catch (error) {
    // ERR_STREAM_PREMATURE_CLOSE: the player closed the connection (seeking does that).
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      logger.warn('voicemail audio stream failed', { error: String(error) });
    }
    res.destroy();
  }
}

/**
 * GET/HEAD /media/voicemail/<id>: a message's audio, found by its id in the database (a URL never
 * names a file). Anything else under /media/ is 404.
 */
export function voicemailRoute(
  voicemailFile: (id: string) => string | undefined,
  logger: Logger,
): MediaRoute {
  return (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const id = VOICEMAIL_PATH.exec(pathname)?.[1]?.toLowerCase();
    const file = id === undefined ? undefined : voicemailFile(id);
    if (file === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('No such voicemail');
      return;
    }
    void sendFileRange(req, res, file, 'audio/wav', logger);
  };
}
