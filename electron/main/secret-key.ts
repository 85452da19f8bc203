import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';

/**
 * The engine's secret-sealing key, itself sealed by the OS keychain through safeStorage
 * (DPAPI, Keychain, libsecret). Returns undefined where no keychain is available; the engine
 * then falls back to a mode-600 file, as in headless mode.
 */
export function loadSecretKey(userData: string): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  const file = join(userData, 'secret-key.sealed');
  if (existsSync(file)) return safeStorage.decryptString(readFileSync(file));
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 });
  return key;
}
