/** A WAV as the API sends it (base64), as bytes a Blob (and so an <audio> element) can play. */
export function wavBytes(wavBase64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(wavBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
