import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../fakes/temp-dir.js';
import { startTestbed, type Testbed, type TestbedOptions } from '../pbx/testbed.js';
import type { EngineProcess } from './engine-process.js';
import { startOfficeEngine } from './office-engine.js';
import { RawApiClient } from './ws-client.js';

export interface OfficeWithTestbed {
  readonly testbed: Testbed;
  /** The engine's data folder. */
  readonly dir: string;
  readonly engine: EngineProcess;
  /** Connected by the engine's token; a new client after `restartEngine`. */
  readonly api: RawApiClient;
  /**
   * Stops the engine with `signal` (SIGKILL: no chance to tidy up), awaits `whileDown`, then
   * starts it again on the same data folder, its office line registered, with a new API client.
   */
  restartEngine(signal: NodeJS.Signals, whileDown?: () => Promise<unknown>): Promise<void>;
}

export interface OfficeWithTestbedOptions {
  /** Runs once all is up, to provision teams, agents and workflows through the API. */
  setUp?: (office: OfficeWithTestbed) => Promise<void>;
  /** How long starting (with `setUp`) may take; the integration project's hook timeout unless given. */
  timeoutMs?: number;
}

/**
 * The SIP test bed and a fresh office engine (its line registered on the test bed's proxy) in a
 * new data folder for the enclosing describe block, with an API client connected by the
 * engine's token; all stopped and removed after the block.
 */
export function officeWithTestbed(
  testbedOptions: TestbedOptions,
  { setUp, timeoutMs }: OfficeWithTestbedOptions = {},
): OfficeWithTestbed {
  let testbed: Testbed | undefined;
  let dir: ReturnType<typeof tempDir> | undefined;
  let engine: EngineProcess | undefined;
  let api: RawApiClient | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the office is not started yet (use it inside a test)');
    return value;
  };
  const office: OfficeWithTestbed = {
    get testbed() {
      return ready(testbed);
    },
    get dir() {
      return ready(dir).path;
    },
    get engine() {
      return ready(engine);
    },
    get api() {
      return ready(api);
    },
    async restartEngine(signal, whileDown) {
      api?.close();
      api = undefined;
      await engine?.stop(signal);
      engine = undefined;
      await whileDown?.();
      await startEngine();
    },
  };
  const startEngine = async () => {
    engine = await startOfficeEngine(ready(testbed), ready(dir).path);
    api = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
  };
  beforeAll(async () => {
    testbed = await startTestbed(testbedOptions);
    dir = tempDir();
    await startEngine();
    await setUp?.(office);
  }, timeoutMs);
  afterAll(async () => {
    api?.close();
    await engine?.stop();
    await testbed?.stop();
    dir?.remove();
  });
  return office;
}
