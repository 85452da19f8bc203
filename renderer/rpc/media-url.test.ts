import { describe, expect, it } from 'vitest';
import { voicemailMediaPath } from '../../shared/domain/voicemails.js';
import { desktopMediaUrl, engineMediaUrl } from './media-url.js';

const id = '0b7e3a52-5d0c-4a55-9f3e-2f4f8f6b1c11';

describe('media URLs', () => {
  it('names a voicemail under the desktop scheme the main process serves', () => {
    expect(desktopMediaUrl(voicemailMediaPath(id))).toBe(`switchboard-media://voicemail/${id}`);
    expect(new URL(desktopMediaUrl(voicemailMediaPath(id))).host).toBe('voicemail');
  });

  it('names it on the headless engine with the token, escaped', () => {
    expect(engineMediaUrl('http://127.0.0.1:8080', 'a+b/c')(voicemailMediaPath(id))).toBe(
      `http://127.0.0.1:8080/media/voicemail/${id}?token=a%2Bb%2Fc`,
    );
  });
});
