import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { createAesGcmCipher } from './aes-gcm-cipher.js';
import { plainFileCipher, SecretStore, SecretStoreError } from './secret-store.js';

describe('SecretStore', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('seals with AES-GCM so the file never holds the plain secret, and reads it back', () => {
    const key = randomBytes(32);
    const file = join(dir.path, 'secrets.json');
    new SecretStore(file, createAesGcmCipher(key)).set('line:1:password', 'hunter2-비밀');
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
    expect(new SecretStore(file, createAesGcmCipher(key)).get('line:1:password')).toBe('hunter2-비밀');
    expect(() => new SecretStore(file, createAesGcmCipher(randomBytes(32))).get('line:1:password')).toThrow();
  });

  it('refuses a file sealed another way instead of handing out garbage', () => {
    const file = join(dir.path, 'secrets.json');
    new SecretStore(file, plainFileCipher).set('a', 'b');
    expect(() => new SecretStore(file, createAesGcmCipher(randomBytes(32)))).toThrow(SecretStoreError);
  });
});
