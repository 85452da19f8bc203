#!/usr/bin/env node
import { appPaths, appVersion } from './app-paths.js';
import { CliUsageError, parseCliArgs, USAGE } from './cli-args.js';
import { provision, ProvisioningError } from './config/provision.js';
import { loadOrCreateToken } from './data-dir.js';
import { createEngine } from './engine.js';
import { isLoopback, startHttpApi } from './api/http-server.js';
import { voicemailRoute } from './api/media-route.js';
import { loadTlsCredentials, TlsSetupError } from './api/tls-credentials.js';
import { createStreamLogger } from './logger.js';
import { plainFileCipher } from './store/secret-store.js';

/**
 * `switchboard-engine`: the engine without Electron. Serves the built UI and the WebSocket API
 * on one port and prints exactly one ready line with the link (token in the URL fragment, which
 * browsers never send to a server).
 */
async function main(): Promise<number> {
  const logger = createStreamLogger((line) => process.stderr.write(line));
  // A promise one call forgot to handle must not end every other call (Node 20 exits on it).
  process.on('unhandledRejection', (reason) =>
    logger.error('unhandled rejection', { reason: String(reason) }),
  );
  // Listen before anything starts, so a signal during startup still ends in a clean shutdown.
  const shutdown = new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      logger.info(`${signal}: shutting down`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof CliUsageError) {
      if (error.message) process.stderr.write(`${error.message}\n\n`);
      process.stderr.write(USAGE);
      return error.message ? 2 : 0;
    }
    throw error;
  }
  let tls;
  try {
    tls = options.tls && loadTlsCredentials(options.tls);
  } catch (error) {
    if (error instanceof TlsSetupError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }

  const engine = createEngine({
    dataDir: options.dataDir,
    migrationsDir: appPaths.migrationsDir,
    cipher: plainFileCipher,
    logger,
    version: appVersion(),
  });
  try {
    if (options.configFile) {
      const result = await provision(options.configFile, engine.provisioning);
      logger.info(`provisioned from ${options.configFile}`, { ...result });
      engine.linesChanged();
    }
  } catch (error) {
    await engine.close();
    if (error instanceof ProvisioningError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const token = loadOrCreateToken(engine.dir);
  const http = await startHttpApi({
    host: options.host,
    port: options.port,
    token: token.value,
    rendererDir: appPaths.rendererDir,
    rpc: engine.rpc,
    logger,
    media: voicemailRoute((id) => engine.voicemailFile(id), logger),
    agentOfToken: (presented) => engine.agentOfToken(presented),
    tls,
  });
  engine.onAgentTokensChanged(() => http.dropRevokedAgents());
  if (!isLoopback(http.host)) {
    logger.warn(`the UI and API are reachable from other computers on ${http.host}; the token is required`);
    if (!tls) {
      logger.warn(
        'without --tls-cert/--tls-key the token crosses the network in clear, and agents’ softphones on other computers get no SIP password',
      );
    }
  }
  if (token.isNew) logger.info(`a new API token was stored in ${engine.dir.tokenFile} (mode 600)`);
  logger.info(`data folder ${engine.dir.root}`);
  process.stdout.write(`Switchboard ready: ${http.origin}/#token=${token.value}\n`);

  await shutdown;
  await http.close();
  await engine.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `switchboard-engine failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
