/**
 * A message pipe between one client and the server: Electron IPC through the preload,
 * a WebSocket, or an in-memory pair in tests. Messages are plain JSON-compatible objects;
 * whatever arrives is untrusted and validated by the receiver.
 */
export interface Transport<Out> {
  send(message: Out): void;
  onMessage(listener: (message: unknown) => void): () => void;
  /** Called once when the pipe is gone (socket closed, window destroyed). */
  onClose(listener: () => void): () => void;
}
