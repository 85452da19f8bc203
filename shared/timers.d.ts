// Timers exist in every runtime shared/ runs in (Node, Chromium, the Electron utility process);
// declared here because shared/ compiles without DOM or Node types on purpose.
type TimerHandle = { readonly __timer: unique symbol } | number;
declare function setTimeout(callback: () => void, ms: number): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;
