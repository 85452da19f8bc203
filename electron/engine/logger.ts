/** The engine's log sink; the CLI writes to stderr, the desktop app to its log file. */
export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

/** One line per entry: time, level, message, then detail as JSON. */
export function createStreamLogger(write: (line: string) => void, minimum: Level = 'info'): Logger {
  const order: Record<Level, number> = { info: 0, warn: 1, error: 2 };
  const log =
    (level: Level) =>
    (message: string, detail?: Record<string, unknown>): void => {
      if (order[level] < order[minimum]) return;
      const extra = detail ? ` ${JSON.stringify(detail)}` : '';
      write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${extra}\n`);
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** For what logs nothing by design (the simulator's queue: a test call is not an office event). */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
