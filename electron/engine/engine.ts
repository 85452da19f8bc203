import { createRpcServer, type RpcServer } from '../../shared/rpc/server.js';
import type { EngineStatus } from '../../shared/domain/engine-status.js';
import { createHandlers } from './api/handlers.js';
import { dataDirAt, ensureDataDir, type DataDir } from './data-dir.js';
import { EngineStatusBoard } from './engine-status.js';
import { handleWithoutWorkflow } from './call/default-call-handler.js';
import { systemClock } from './clock.js';
import type { Logger } from './logger.js';
import { MediaHost } from './media/media-host.js';
import { LineAgents } from './sip/line-agents.js';
import { openDatabase } from './store/database.js';
import { LineRepository } from './store/line-repository.js';
import { SecretStore, type SecretCipher } from './store/secret-store.js';
import { SettingsRepository } from './store/settings-repository.js';

export interface EngineOptions {
  dataDir: string;
  migrationsDir: string;
  cipher: SecretCipher;
  logger: Logger;
  version: string;
}

export interface Engine {
  readonly rpc: RpcServer;
  readonly dir: DataDir;
  readonly lines: LineRepository;
  readonly settings: SettingsRepository;
  status(): EngineStatus;
  /** Call after changing lines outside the API (provisioning): status and SIP agents follow. */
  linesChanged(): void;
  close(): Promise<void>;
}

/**
 * The composition root of the headless engine, shared by the CLI and the Electron utility
 * process: opens the data folder (migrations first), wires repositories to API handlers.
 */
export function createEngine(options: EngineOptions): Engine {
  const dir = dataDirAt(options.dataDir);
  ensureDataDir(dir);
  const database = openDatabase(dir.databaseFile, options.migrationsDir);
  const secrets = new SecretStore(dir.secretsFile, options.cipher);
  const settings = new SettingsRepository(database.db);
  const lines = new LineRepository(database.db, secrets);
  const statusBoard = new EngineStatusBoard();
  const media = new MediaHost(options.logger);
  const agents = new LineAgents(
    lines,
    systemClock,
    options.logger,
    (lineId, registration) => statusBoard.setRegistration(lineId, registration),
    media,
    (call) =>
      void handleWithoutWorkflow(call, options.logger).catch((error: unknown) =>
        options.logger.error('call handling failed', { callId: call.id, error: String(error) }),
      ),
    () => settings.get().trustedSipSources,
  );
  const linesChanged = (): void => {
    statusBoard.setLines(lines.list());
    void agents.sync();
  };
  const rpc = createRpcServer(
    createHandlers({
      version: options.version,
      dataDir: dir.root,
      startedAt: new Date(),
      settings,
      lines,
      status: statusBoard,
      linesChanged,
    }),
    options.logger,
  );
  statusBoard.onChange((status) => rpc.emit('engine.statusChanged', status));
  statusBoard.setState('running');
  linesChanged();

  let closed = false;
  return {
    rpc,
    dir,
    lines,
    settings,
    status: () => statusBoard.snapshot(),
    linesChanged,
    async close() {
      if (closed) return;
      closed = true;
      statusBoard.setState('stopping');
      await agents.stopAll();
      await media.shutdown();
      database.close();
    },
  };
}
