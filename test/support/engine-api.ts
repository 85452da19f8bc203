import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../fakes/temp-dir.js';
import { startEngineProcess, type EngineProcess } from './engine-process.js';
import { RawApiClient } from './ws-client.js';

export interface EngineWithApi {
  readonly dir: string;
  readonly engine: EngineProcess;
  readonly api: RawApiClient;
}

/**
 * A fresh headless engine in a new data folder for the enclosing describe block, with an API
 * client connected by its token; all gone after the block.
 */
export function engineWithApi(): EngineWithApi {
  let dir: ReturnType<typeof tempDir> | undefined;
  let engine: EngineProcess | undefined;
  let api: RawApiClient | undefined;
  beforeAll(async () => {
    dir = tempDir();
    engine = await startEngineProcess(dir.path);
    api = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
  });
  afterAll(async () => {
    api?.close();
    await engine?.stop();
    dir?.remove();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the engine is not started yet (use it inside a test)');
    return value;
  };
  return {
    get dir() {
      return ready(dir).path;
    },
    get engine() {
      return ready(engine);
    },
    get api() {
      return ready(api);
    },
  };
}
