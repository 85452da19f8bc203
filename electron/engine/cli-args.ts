import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface CliOptions {
  dataDir: string;
  host: string;
  port: number;
  configFile: string | undefined;
}

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export const USAGE = `Usage: switchboard-engine [--data DIR] [--http HOST:PORT] [--config FILE]

  --data DIR        data folder (default: $SWITCHBOARD_DATA or ~/.switchboard)
  --http HOST:PORT  where the UI and the API listen (default 127.0.0.1:7040; port 0 picks one).
                    Binding another address makes the UI reachable from the LAN (token still needed).
  --config FILE     provision lines from a JSON file before starting (idempotent)
`;

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 7040;

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        http: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) throw new CliUsageError('');
  const dataDir = resolve(parsed.values.data ?? env.SWITCHBOARD_DATA ?? join(homedir(), '.switchboard'));
  const { host, port } = parseHostPort(parsed.values.http ?? `${DEFAULT_HOST}:${DEFAULT_PORT}`);
  return { dataDir, host, port, configFile: parsed.values.config && resolve(parsed.values.config) };
}

function parseHostPort(value: string): { host: string; port: number } {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  const host = match?.[1] ?? match?.[2];
  if (!match || host === undefined || !Number.isInteger(port) || port > 65535) {
    throw new CliUsageError(`--http expects HOST:PORT, e.g. 127.0.0.1:7040 (got "${value}")`);
  }
  return { host, port };
}
