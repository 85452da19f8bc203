import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RPC_CHANNEL } from '../../shared/rpc/wire.js';

describe('preload', () => {
  const source = readFileSync(join(import.meta.dirname, 'preload.cts'), 'utf8');

  it('uses the same IPC channel as the main process', () => {
    expect(source).toContain(`const RPC_CHANNEL = '${RPC_CHANNEL}';`);
  });

  it('exposes only the message pipe, never ipcRenderer itself', () => {
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
  });
});
