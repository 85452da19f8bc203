import { MEDIA_SCHEME } from '../../shared/domain/voicemails.js';

/** Turns one of the engine's media paths (`/media/voicemail/<id>`) into a URL this page can load. */
export type MediaUrl = (path: string) => string;

const MEDIA_PREFIX = '/media/';

/**
 * The desktop app's scheme (`switchboard-media://voicemail/<id>`, electron/main/media-protocol.ts):
 * no token, only the app's own window can load it.
 */
export const desktopMediaUrl: MediaUrl = (path) =>
  `${MEDIA_SCHEME}://${path.startsWith(MEDIA_PREFIX) ? path.slice(MEDIA_PREFIX.length) : path}`;

/**
 * The headless engine's HTTP route on the origin that served the page. The token goes in the
 * query: an <audio> element cannot send an Authorization header.
 */
export function engineMediaUrl(origin: string, token: string): MediaUrl {
  return (path) => `${origin}${path}?token=${encodeURIComponent(token)}`;
}
