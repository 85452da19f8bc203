/** What is wrong with an audio file, for code that reacts to it (the message is for people). */
export type AudioFileErrorCode =
  /** Not a RIFF/WAVE file at all (an MP3, a text file, an empty upload). */
  | 'not-wav'
  /** A WAV variant we deliberately do not read (RF64, big-endian RIFX). */
  | 'unsupported-container'
  /** A sample encoding we do not decode (ADPCM, MP3-in-WAV, 12-bit PCM…). */
  | 'unsupported-format'
  /** The header contradicts itself or holds impossible values (0 channels, 0 Hz). */
  | 'bad-header'
  /** The file ends before the parts we need (header or format chunk cut short). */
  | 'truncated'
  /** A well-formed file without a single sample frame. */
  | 'no-audio'
  /** Longer than the caller allows. */
  | 'too-long'
  /** A compressed file (MP3, OGG, Opus, FLAC) its decoder could not read. */
  | 'undecodable';

/**
 * A prompt file the engine cannot use. The message names the file and says what is wrong in
 * words a person understands, e.g. `prompt.wav: not a WAV file (starts with 'ID3')`, so the UI
 * can show it as is.
 */
export class AudioFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly code: AudioFileErrorCode,
    reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'AudioFileError';
  }
}
