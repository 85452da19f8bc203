import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface CliOptions {
  dataDir: string;
  host: string;
  port: number;
  configFile: string | undefined;
  /** PEM files to serve https/wss with; undefined: plain http/ws. */
  tls: TlsFiles | undefined;
}

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export const USAGE = `Usage: switchboard-engine [--data DIR] [--http HOST:PORT] [--tls-cert FILE --tls-key FILE]
                          [--config FILE]

  --data DIR        data folder (default: $SWITCHBOARD_DATA or ~/.switchboard)
  --http HOST:PORT  where the UI and the API listen (default 127.0.0.1:7040; port 0 picks one).
                    Binding another address makes the UI reachable from the LAN (token still needed).
  --tls-cert FILE   serve the UI and API over https and wss with this PEM certificate (the
                    server's first, then any intermediates)
  --tls-key FILE    and its PEM private key, unencrypted; give both or neither. Agents' softphones
                    on other PCs need TLS: browsers give the microphone to secure pages only, and
                    without it the engine hands no SIP password to other PCs.
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
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
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
  return {
    dataDir,
    host,
    port,
    configFile: parsed.values.config && resolve(parsed.values.config),
    tls: tlsFiles(parsed.values['tls-cert'], parsed.values['tls-key']),
  };
}

function tlsFiles(certFile: string | undefined, keyFile: string | undefined): TlsFiles | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (!certFile || !keyFile) {
    throw new CliUsageError(
      `--tls-cert and --tls-key go together: give both (the certificate and its key) or neither`,
    );
  }
  return { certFile: resolve(certFile), keyFile: resolve(keyFile) };
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
