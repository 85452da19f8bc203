import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../fakes/temp-dir.js';
import { startTestbed, type Testbed, type TestbedOptions } from '../pbx/testbed.js';
import type { EngineProcess } from '../support/engine-process.js';
import { startOfficeEngine } from '../support/office-engine.js';
import { RawApiClient } from '../support/ws-client.js';
import { PEER_CONNECTION_PROBE, softphoneLaunchOptions } from './softphone-browser.js';

export interface SoftphoneOffice {
  readonly testbed: Testbed;
  /** The engine's data folder. */
  readonly dir: string;
  readonly engine: EngineProcess;
  /** Connected by the engine's own token: provisioning and checks beside the UI. */
  readonly api: RawApiClient;
  /**
   * Starts the SIP test bed (with the phones `options` names), then the engine on a fresh data
   * folder with its office line registered there, and an API client. Resolves with the test bed.
   */
  start(options: TestbedOptions): Promise<Testbed>;
  /**
   * Jiwoo, whose phone is the browser (web1), in the team Sales with `routing`, available, and
   * the PBX's WebSocket address set for her phone. Her token opens the app as her.
   */
  addBrowserAgent(
    routing: Record<string, unknown>,
  ): Promise<{ agentId: string; teamId: string; token: string }>;
  /** Creates, saves and publishes a workflow; resolves with its id. */
  publishWorkflow(workflow: { name: string; definition: Record<string, unknown> }): Promise<string>;
  /** Opens the app at `viewport`, in English, as the holder of `token` (the engine's own unless given). */
  openApp(
    page: Page,
    options: { viewport: { width: number; height: number }; token?: string },
  ): Promise<void>;
  /** Opens the agent's app on the Phone page, with WebRTC probed, and waits till the phone is registered. */
  openPhone(page: Page, token: string, viewport: { width: number; height: number }): Promise<void>;
}

/**
 * The office on the real SIP test bed for each test of the file that starts it: Kamailio,
 * rtpengine and baresip phones, the headless engine with its office line, and Chromium set up
 * for WebRTC. After each test, everything is stopped and removed; after a failure the engine's
 * and Kamailio's logs are kept beside the trace, to tell whose side it was on.
 */
export function softphoneOffice(): SoftphoneOffice {
  test.use({ launchOptions: softphoneLaunchOptions });
  let running: {
    testbed?: Testbed;
    dir?: ReturnType<typeof tempDir>;
    engine?: EngineProcess;
    api?: RawApiClient;
  } = {};
  test.afterEach(async () => {
    const { testbed, dir, engine, api } = running;
    running = {};
    const testInfo = test.info();
    if (testInfo.status !== testInfo.expectedStatus && engine) {
      writeFileSync(testInfo.outputPath('engine.log'), engine.stderr());
      if (testbed) writeFileSync(testInfo.outputPath('kamailio.log'), testbed.logs('kamailio'));
    }
    api?.close();
    await engine?.stop();
    await testbed?.stop();
    dir?.remove();
  });
  const started = () => {
    const { testbed, dir, engine, api } = running;
    if (!testbed || !dir || !engine || !api) throw new Error('call start first');
    return { testbed, dir: dir.path, engine, api };
  };

  const office: SoftphoneOffice = {
    get testbed() {
      return started().testbed;
    },
    get dir() {
      return started().dir;
    },
    get engine() {
      return started().engine;
    },
    get api() {
      return started().api;
    },
    async start(options) {
      const testbed = await startTestbed(options);
      running.testbed = testbed;
      running.dir = tempDir('switchboard-e2e-');
      const engine = await startOfficeEngine(testbed, running.dir.path);
      running.engine = engine;
      running.api = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
      return testbed;
    },
    async addBrowserAgent(routing) {
      const { api, testbed } = started();
      await api.result('settings.update', { pbxWebSocketUrl: testbed.wsUrl });
      const agent = await api.result<{ id: string }>('agents.save', { name: 'Jiwoo', extension: 'web1' });
      await api.result('agents.setSipPassword', { agentId: agent.id, password: 'web1pw' });
      const team = await api.result<{ id: string }>('teams.save', {
        name: 'Sales',
        memberIds: [agent.id],
        routing,
      });
      await api.result('presence.set', { agentId: agent.id, presence: 'available' });
      const { token } = await api.result<{ token: string }>('agents.issueToken', {
        agentId: agent.id,
        label: 'e2e',
      });
      return { agentId: agent.id, teamId: team.id, token };
    },
    async publishWorkflow({ name, definition }) {
      const { api } = started();
      const { id } = await api.result<{ id: string }>('workflows.create', { name });
      await api.result('workflows.saveDraft', { id, definition });
      // The first publish renders every prompt with the speech synthesizer.
      await api.result('workflows.publish', { id }, 60_000);
      return id;
    },
    async openApp(page, { viewport, token }) {
      const { engine } = started();
      await page.setViewportSize(viewport);
      await page.goto(`${engine.origin}/#token=${encodeURIComponent(token ?? engine.token)}`);
      await page.getByLabel(/Language/).selectOption('en');
    },
    async openPhone(page, token, viewport) {
      await page.addInitScript({ content: PEER_CONNECTION_PROBE });
      await office.openApp(page, { viewport, token });
      await page.getByRole('link', { name: 'Phone' }).click();
      await expect(page.getByTestId('phone-registration')).toHaveText('Phone registered', {
        timeout: 15_000,
      });
    },
  };
  return office;
}
