/**
 * What the Electron preload exposes as `window.switchboard` (electron/preload/preload.cts): one
 * message pipe to the engine, nothing else. Absent when the page is served by the headless engine.
 */
interface SwitchboardBridge {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): () => void;
}

interface Window {
  readonly switchboard?: SwitchboardBridge;
}
