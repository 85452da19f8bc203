import { createRpcServer, type RpcServer } from '../../shared/rpc/server.js';
import type { EngineStatus } from '../../shared/domain/engine-status.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHandlers } from './api/handlers.js';
import { createInboxHandlers } from './api/inbox-handlers.js';
import { createPhoneHandlers, sipPasswordKey } from './api/phone-handlers.js';
import { createPromptHandlers } from './api/prompt-handlers.js';
import { createRoutingHandlers } from './api/routing-handlers.js';
import { createWorkflowHandlers } from './api/workflow-handlers.js';
import { PromptUploads } from './audio/prompt-uploads.js';
import type { ProvisioningTargets } from './config/provision.js';
import { PromptLibrary } from './audio/prompt-library.js';
import { synthesizeSpeech } from './audio/speech-synthesizer.js';
import { CallDispatcher } from './flow/call-dispatcher.js';
import { runWorkflow, type RunnableVersion } from './flow/flow-interpreter.js';
import { liveFlowServices } from './flow/live-flow-services.js';
import { phrasePrompt } from './flow/phrases.js';
import { Simulations } from './flow/simulations.js';
import { triggerMatches } from './flow/trigger-matcher.js';
import { WorkflowPublisher } from './flow/workflow-publisher.js';
import { holdChime } from './media/hold-chime.js';
import { CallbackDialer } from './routing/callback-dialer.js';
import { OfficeRouting } from './routing/office-routing.js';
import { positionAnnouncement } from './routing/queue-announcement.js';
import { AgentRepository } from './store/agent-repository.js';
import { AgentTokens } from './store/agent-tokens.js';
import { ConversationLog } from './store/conversation-log.js';
import { CallEventLog } from './store/call-event-log.js';
import { CallRecords } from './store/call-records.js';
import { ConversationInbox } from './store/conversation-inbox.js';
import { InboxStats } from './store/inbox-stats.js';
import { CallbackList } from './store/callback-list.js';
import { SmsOutbox } from './store/sms-outbox.js';
import { createSmsHandlers, smsMessageView } from './api/sms-handlers.js';
import { SmsDispatcher } from './sms/sms-dispatcher.js';
import { gatewayFor } from './sms/sms-gateways.js';
import { SmsSettingsRepository } from './sms/sms-settings-repository.js';
import { NumberBindingRepository } from './store/number-binding-repository.js';
import { PromptRepository } from './store/prompt-repository.js';
import { TeamRepository } from './store/team-repository.js';
import { WorkflowRepository } from './store/workflow-repository.js';
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
  /** What `--config` provisions into. */
  readonly provisioning: ProvisioningTargets;
  status(): EngineStatus;
  /** A voicemail's audio file by its id (for the media route), undefined if unknown. */
  voicemailFile(id: string): string | undefined;
  /** The agent an agent's app token belongs to. */
  agentOfToken(token: string): string | undefined;
  /** Called when agents' tokens were revoked (or their agent removed). */
  onAgentTokensChanged(listener: () => void): void;
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
  const workflows = new WorkflowRepository(database.db);
  const bindings = new NumberBindingRepository(database.db);
  const events = new CallEventLog(database.db);
  const prompts = new PromptRepository(database.db);
  const records = new CallRecords(database.db, dir.root);
  const callbacks = new CallbackList(database.db);
  const sms = new SmsOutbox(database.db);
  const voicemailDir = join(dir.root, 'voicemail');
  mkdirSync(voicemailDir, { recursive: true, mode: 0o700 });
  const library = new PromptLibrary({
    ttsDir: join(dir.root, 'prompts', 'tts'),
    synthesize: async (text, language) => {
      const spoken = await synthesizeSpeech(text, language);
      if (spoken.osVoiceError) {
        options.logger.warn('The OS voice failed; espeak-ng spoke the text prompt instead', {
          language,
          error: spoken.osVoiceError,
        });
      }
      return spoken;
    },
    uploadedFile: (id) => {
      const row = prompts.get(id);
      return row ? join(dir.root, row.file) : undefined;
    },
  });
  const waitingWorkflows = (teamId: string): RunnableVersion[] =>
    workflows.liveVersions('waiting_in_queue').filter((version) => {
      const trigger = version.definition.trigger;
      return (
        trigger.kind === 'waiting_in_queue' &&
        (trigger.teamIds.length === 0 || trigger.teamIds.includes(teamId))
      );
    });
  const media = new MediaHost(options.logger);
  const conversations = new ConversationLog(database.db);
  const interrupted = conversations.closeInterrupted();
  if (interrupted > 0)
    options.logger.warn('calls were cut off when the engine last stopped', { interrupted });
  const teams = new TeamRepository(database.db);
  const agentRepository = new AgentRepository(database.db);
  const agentTokens = new AgentTokens(database.db);
  const tokenListeners = new Set<() => void>();
  const hold = holdChime();
  const routing = new OfficeRouting({
    clock: systemClock,
    logger: options.logger,
    teams,
    agents: agentRepository,
    conversations,
    callbacks,
    dialer: new CallbackDialer({
      dial: (lineId, target, headers) => agents.dial(lineId, target, headers),
      media,
      clock: systemClock,
      logger: options.logger,
    }),
    registrarOf: (lineId) => lines.find(lineId)?.registrar,
    holdAudio: (team) =>
      team.routing.holdPromptId === null
        ? Promise.resolve(hold)
        : library.audio({ kind: 'audio', promptId: team.routing.holdPromptId }).catch(() => hold),
    speak: (text, language) => library.audio({ kind: 'tts', text, language }),
    announcement: positionAnnouncement,
    waitingWorkflows: (teamId, call) =>
      waitingWorkflows(teamId).filter((version) =>
        triggerMatches(version.definition, {
          caller: call.caller,
          dialled: call.dialled,
          lineId: call.lineId,
          now: new Date(),
        }),
      ),
    liveWorkflow: (workflowId) =>
      workflows
        .liveVersions('customer_called')
        .concat(workflows.liveVersions('waiting_in_queue'))
        .find((v) => v.workflowId === workflowId),
    runWorkflow: (call, version) => runWorkflow(call, version, services),
    recentHandleMs: (teamId) => conversations.recentTalkMs(teamId, 20),
    publishAgent: (agent) => rpc.emit('agents.changed', agent),
    publishQueues: (snapshots) => rpc.emit('queues.changed', snapshots),
    publishCallback: (callback) => rpc.emit('callbacks.changed', callback),
  });
  const services = liveFlowServices({
    prompts: library,
    events,
    records,
    callbacks,
    sms,
    routing,
    voicemailDir,
    settings: () => settings.get(),
    registrarOf: (lineId) => lines.find(lineId)?.registrar,
    voicemailSaved: (id) => {
      const voicemail = records.voicemail.get(id);
      if (voicemail) rpc.emit('voicemails.changed', voicemail);
    },
    callbackRequested: (callback) => rpc.emit('callbacks.changed', callback),
  });
  const dispatcher = new CallDispatcher({
    workflows: {
      bound: (lineId, dialled) => bindings.bound(lineId, dialled),
      live: (kind) => workflows.liveVersions(kind),
    },
    services,
    fallback: (call) => handleWithoutWorkflow(call, options.logger),
    conversations: {
      started: (call) =>
        conversations.started({
          id: call.id,
          direction: 'inbound',
          lineId: call.lineId,
          caller: call.caller,
          dialled: call.dialled,
          at: new Date(),
        }),
      workflowStarted: (callId, workflowId, versionId) =>
        conversations.workflowStarted(callId, workflowId, versionId),
      ended: (callId, putThrough) => conversations.ended(callId, new Date(), putThrough),
    },
    logger: options.logger,
  });
  const simulations = new Simulations(systemClock, {
    promptAudio: (prompt) => library.audio(prompt),
    phraseAudio: (phrase, language) => library.audio(phrasePrompt(phrase, language)),
    transferAllowList: () => settings.get().transferAllowList,
    waitingWorkflows,
  });
  const publisher = new WorkflowPublisher({
    workflows,
    lines,
    prompts,
    teams,
    library,
    settings: () => settings.get(),
  });
  const statusBoard = new EngineStatusBoard();
  const agents = new LineAgents(
    lines,
    systemClock,
    options.logger,
    (lineId, registration) => statusBoard.setRegistration(lineId, registration),
    media,
    (call) =>
      void dispatcher
        .handle(call)
        .catch((error: unknown) =>
          options.logger.error('call handling failed', { callId: call.id, error: String(error) }),
        ),
    () => settings.get().trustedSipSources,
  );
  const linesChanged = (): void => {
    statusBoard.setLines(lines.list());
    void agents.sync();
  };
  const smsSettings = new SmsSettingsRepository(database.db, secrets);
  const smsDispatcher = new SmsDispatcher({
    outbox: sms,
    clock: systemClock,
    now: () => new Date(),
    settings: () => smsSettings.get(),
    gateway: (provider) =>
      gatewayFor(provider, {
        secret: () => smsSettings.secret(),
        sendOnLine: (lineId, target, text) => agents.sendMessage(lineId, target, text),
      }),
    logger: options.logger,
  });
  const inbox = new ConversationInbox({
    db: database.db,
    tags: records.tags,
    voicemail: records.voicemail,
    events,
  });
  const rpc = createRpcServer(
    {
      ...createHandlers({
        version: options.version,
        dataDir: dir.root,
        startedAt: new Date(),
        settings,
        lines,
        status: statusBoard,
        linesChanged,
      }),
      ...createRoutingHandlers({
        teams,
        agents: agentRepository,
        tokens: agentTokens,
        callbacks,
        routing,
        publishCallback: (callback) => rpc.emit('callbacks.changed', callback),
        agentTokensChanged: () => {
          for (const listener of tokenListeners) listener();
        },
        agentRemoved: (agentId) => secrets.delete(sipPasswordKey(agentId)),
      }),
      ...createSmsHandlers({ outbox: sms, settings: smsSettings, dispatcher: smsDispatcher }),
      ...createPhoneHandlers({ agents: agentRepository, lines, settings, secrets }),
      ...createInboxHandlers({
        inbox,
        records,
        stats: new InboxStats(database.db),
        settings: () => settings.get(),
        emit: (name, payload) => rpc.emit(name, payload),
      }),
      ...createPromptHandlers({
        prompts,
        library,
        uploads: new PromptUploads({ clock: systemClock, prompts, dataDir: dir.root }),
        workflows,
        dataDir: dir.root,
      }),
      ...createWorkflowHandlers({
        workflows,
        bindings,
        events,
        publisher,
        teams,
        settings: () => settings.get(),
        simulations,
      }),
    },
    options.logger,
  );
  statusBoard.onChange((status) => rpc.emit('engine.statusChanged', status));
  // Every call's row as it changes (started, queued, answered, ended…): inboxes stay live.
  conversations.onChange((id) => {
    const summary = inbox.summary(id);
    if (summary) rpc.emit('conversations.changed', summary);
  });
  statusBoard.setState('running');
  sms.onChange((row) => rpc.emit('sms.changed', smsMessageView(row)));
  smsDispatcher.start();
  linesChanged();

  let closed = false;
  return {
    rpc,
    dir,
    lines,
    settings,
    provisioning: { lines, workflows, bindings, publisher },
    status: () => statusBoard.snapshot(),
    voicemailFile: (id) => records.voicemail.file(id),
    agentOfToken: (token) => agentTokens.agentOf(token),
    onAgentTokensChanged: (listener) => tokenListeners.add(listener),
    linesChanged,
    async close() {
      if (closed) return;
      closed = true;
      statusBoard.setState('stopping');
      simulations.closeAll();
      routing.close();
      await smsDispatcher.close();
      await agents.stopAll();
      await media.shutdown();
      database.close();
    },
  };
}
