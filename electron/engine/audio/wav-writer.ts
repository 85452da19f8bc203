/**
 * Writes 16-bit PCM mono WAV files: converted prompts and call recordings.
 *
 * The canonical 44-byte header (a RIFF chunk holding `fmt ` with WAVE_FORMAT_PCM, then `data`),
 * as in Microsoft/IBM "Multimedia Programming Interface and Data Specifications 1.0" (1991);
 * every player and our wav-reader.ts read it. Samples are little-endian whatever the host.
 */

const HEADER_BYTES = 44;
/** The RIFF size field is 32 bits and counts everything after itself. */
const MAX_DATA_BYTES = 0xffffffff - (HEADER_BYTES - 8);
/** On a little-endian host (every platform Electron ships for) the samples copy as they are. */
const isLittleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * @throws RangeError on a sample rate that is not a positive whole number, or on more audio than
 *   a RIFF file can describe (about 37 hours at 16 kHz).
 */
export function writeWav(pcm: Int16Array, sampleRate: number): Uint8Array {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0 || sampleRate > 0xffffffff / 2) {
    throw new RangeError(`writeWav: sample rate must be a positive whole number of Hz, got ${sampleRate}`);
  }
  const dataBytes = pcm.length * 2;
  if (dataBytes > MAX_DATA_BYTES) {
    throw new RangeError(`writeWav: ${pcm.length} samples do not fit a WAV file (4 GiB at most)`);
  }
  const bytes = new Uint8Array(HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, HEADER_BYTES - 8 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // WAVE_FORMAT_PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  if (isLittleEndianHost) {
    bytes.set(new Uint8Array(pcm.buffer, pcm.byteOffset, dataBytes), HEADER_BYTES);
  } else {
    for (let i = 0; i < pcm.length; i++) view.setInt16(HEADER_BYTES + 2 * i, pcm[i]!, true);
  }
  return bytes;
}
