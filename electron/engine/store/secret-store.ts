import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Seals secrets at rest. Headless, secrets sit in a file only the user can read (mode 600),
 * so the cipher is the identity; in the desktop app the main process unwraps a key with
 * Electron safeStorage (the OS keychain) and the engine seals with AES-256-GCM.
 */
export interface SecretCipher {
  readonly kind: 'file-permissions' | 'aes-256-gcm';
  seal(plain: string): string;
  open(sealed: string): string;
}

export const plainFileCipher: SecretCipher = {
  kind: 'file-permissions',
  seal: (plain) => plain,
  open: (sealed) => sealed,
};

const fileSchema = z.object({ cipher: z.string(), secrets: z.record(z.string(), z.string()) });

export class SecretStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

/** Key → secret, persisted atomically (write to a temp file, then rename) with mode 600. */
export class SecretStore {
  private readonly sealed: Map<string, string>;

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
  ) {
    this.sealed = new Map();
    if (!existsSync(file)) return;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new SecretStoreError(
        `${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw new SecretStoreError(`${file} is not a Switchboard secrets file`);
    if (parsed.data.cipher !== cipher.kind) {
      throw new SecretStoreError(
        `${file} was sealed with ${parsed.data.cipher}, but this engine uses ${cipher.kind}`,
      );
    }
    // Tighten permissions if someone loosened them.
    chmodSync(file, 0o600);
    for (const [key, value] of Object.entries(parsed.data.secrets)) this.sealed.set(key, value);
  }

  get(key: string): string | undefined {
    const sealed = this.sealed.get(key);
    return sealed === undefined ? undefined : this.cipher.open(sealed);
  }

  has(key: string): boolean {
    return this.sealed.has(key);
  }

  set(key: string, value: string): void {
    this.sealed.set(key, this.cipher.seal(value));
    this.flush();
  }

  delete(key: string): void {
    if (this.sealed.delete(key)) this.flush();
  }

  private flush(): void {
    const temp = `${this.file}.tmp`;
    const body = JSON.stringify(
      { cipher: this.cipher.kind, secrets: Object.fromEntries(this.sealed) },
      null,
      2,
    );
    writeFileSync(temp, body, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.file);
  }
}
