import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../fakes/temp-dir.js';
import { startEngineProcess, type EngineProcess } from '../support/engine-process.js';
import { RawApiClient } from '../support/ws-client.js';

export interface OfficePage {
  /** The engine's data folder for this test. */
  readonly dir: string;
  readonly engine: EngineProcess;
  /** An API client of the engine, for what the UI does not do (yet), e.g. creating teams. */
  readonly api: RawApiClient;
  /**
   * Starts the engine on a fresh data folder (with an API client), opens the printed link in
   * `page` at the given size and language, and goes to the Workflows page.
   */
  openWorkflows(
    page: Page,
    options?: { language?: 'en' | 'ko'; viewport?: { width: number; height: number }; teams?: string[] },
  ): Promise<void>;
}

/**
 * The headless engine for each test of the file, on its own data folder, and the page opened on
 * it as a manager would; everything stopped and removed after each test.
 */
export function officePage(): OfficePage {
  let dir: ReturnType<typeof tempDir> | undefined;
  let engine: EngineProcess | undefined;
  let api: RawApiClient | undefined;
  test.beforeEach(() => {
    dir = tempDir('switchboard-e2e-');
  });
  test.afterEach(async () => {
    api?.close();
    api = undefined;
    await engine?.stop();
    engine = undefined;
    dir?.remove();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('call openWorkflows first');
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
    async openWorkflows(page, options = {}) {
      engine = await startEngineProcess(ready(dir).path);
      api = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
      for (const name of options.teams ?? []) await api.result('teams.save', { name });
      await page.setViewportSize(options.viewport ?? { width: 1280, height: 800 });
      await page.goto(engine.url);
      // The token leaves the address bar as soon as the page has read it.
      await expect(page).not.toHaveURL(/token=/);
      await page.getByLabel(/Language/).selectOption(options.language ?? 'en');
      await page.getByRole('link', { name: options.language === 'ko' ? '워크플로' : 'Workflows' }).click();
    },
  };
}
