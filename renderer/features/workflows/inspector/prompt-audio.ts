/** A WAV as the API sends it (base64), as bytes a Blob (and so an <audio> element) can play. */
export function wavBytes(wavBase64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(wavBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The samples of a preview WAV: 16-bit PCM, mono, as the engine writes it (prompts.preview).
 * Anything else is refused rather than misread, since only our own previews come here.
 */
export function wavSamples(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fourCc = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || fourCc(0) !== 'RIFF' || fourCc(8) !== 'WAVE') {
    throw new Error('not a WAV file');
  }
  let isMonoPcm16 = false;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (fourCc(offset) === 'fmt ' && size >= 16) {
      const [format, channels, bits] = [
        view.getUint16(body, true),
        view.getUint16(body + 2, true),
        view.getUint16(body + 14, true),
      ];
      isMonoPcm16 = format === 1 && channels === 1 && bits === 16;
    }
    if (fourCc(offset) === 'data') {
      if (!isMonoPcm16) throw new Error('not a 16-bit mono PCM WAV file');
      const end = Math.min(body + size, bytes.length);
      // Copied: the samples of a Uint8Array at an odd offset cannot be viewed as 16-bit.
      const samples = new Int16Array(Math.floor((end - body) / 2));
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(body + i * 2, true);
      return samples;
    }
    // RIFF chunks are word aligned: an odd-sized chunk is followed by one pad byte.
    offset = body + size + (size & 1);
  }
  throw new Error('no audio data in the WAV file');
}
