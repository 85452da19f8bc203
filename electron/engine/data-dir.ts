import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where one engine keeps its state; every path inside it is named here and nowhere else. */
export interface DataDir {
  readonly root: string;
  readonly databaseFile: string;
  readonly secretsFile: string;
  readonly tokenFile: string;
}

export function dataDirAt(root: string): DataDir {
  return {
    root,
    databaseFile: join(root, 'switchboard.db'),
    secretsFile: join(root, 'secrets.json'),
    tokenFile: join(root, 'api-token'),
  };
}

/** Creates the folder if needed, readable by the user only (it holds secrets). */
export function ensureDataDir(dir: DataDir): void {
  if (!existsSync(dir.root)) mkdirSync(dir.root, { recursive: true, mode: 0o700 });
}

export interface ApiToken {
  readonly value: string;
  /** True on the first start, when the token was just generated. */
  readonly isNew: boolean;
}

/** The WebSocket API token: 256 random bits, generated once and kept in a mode-600 file. */
export function loadOrCreateToken(dir: DataDir): ApiToken {
  if (existsSync(dir.tokenFile)) {
    const value = readFileSync(dir.tokenFile, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(value)) {
      chmodSync(dir.tokenFile, 0o600);
      return { value, isNew: false };
    }
  }
  const value = randomBytes(32).toString('base64url');
  writeFileSync(dir.tokenFile, `${value}\n`, { mode: 0o600 });
  chmodSync(dir.tokenFile, 0o600);
  return { value, isNew: true };
}

/** Constant-time comparison, so response timing does not leak the token. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
