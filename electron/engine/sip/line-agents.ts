import type { Registration } from '../../../shared/domain/line.js';
import type { Clock } from '../clock.js';
import type { IncomingCall } from '../call/incoming-call.js';
import type { OutgoingCall } from '../call/outgoing-call.js';
import type { Logger } from '../logger.js';
import type { MediaHost } from '../media/media-host.js';
import type { SipMessageOutcome } from '../sms/sip-message-sender.js';
import type { LineRepository, StoredLine } from '../store/line-repository.js';
import { LineAgent } from './line-agent.js';

/**
 * Keeps one running {@link LineAgent} per enabled line that has a password, in step with the
 * stored lines: a new line starts registering, a changed one restarts, a removed or disabled
 * one un-registers.
 */
export class LineAgents {
  private readonly running = new Map<string, { agent: LineAgent; version: string }>();
  private syncing: Promise<void> = Promise.resolve();

  constructor(
    private readonly lines: LineRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly onStatus: (lineId: string, status: Registration) => void,
    private readonly media: MediaHost,
    private readonly onCall: (call: IncomingCall) => void,
    private readonly trustedSources: () => readonly string[],
  ) {}

  /** Reconciles with the store; calls are queued so two saves in a row cannot interleave. */
  sync(): Promise<void> {
    this.syncing = this.syncing
      .then(() => this.reconcile())
      .catch((error: unknown) => {
        this.logger.error('could not start a line', { error: String(error) });
      });
    return this.syncing;
  }

  /**
   * Places a call through a line (a callback), or through the first running line when `lineId`
   * is null or not running. Throws when no line is registered.
   */
  dial(
    lineId: string | null,
    target: (registrar: string) => string,
    headers: [string, string][] = [],
  ): OutgoingCall {
    const entry =
      (lineId !== null ? this.running.get(lineId) : undefined) ?? this.running.values().next().value;
    if (!entry) throw new Error('no office line is running');
    return entry.agent.dial(target(entry.agent.registrarHost), headers);
  }

  async stopAll(): Promise<void> {
    await this.syncing;
    await Promise.all([...this.running.values()].map(({ agent }) => agent.stop()));
    this.running.clear();
  }

  private async reconcile(): Promise<void> {
    const wanted = new Map<string, { line: StoredLine; password: string }>();
    for (const line of this.lines.list()) {
      const password = this.lines.password(line.id);
      if (line.enabled && password !== undefined) wanted.set(line.id, { line, password });
    }
    for (const [id, { agent, version }] of this.running) {
      const next = wanted.get(id);
      if (!next || versionOf(next.line, next.password) !== version) {
        this.running.delete(id);
        await agent.stop();
      }
    }
    for (const [id, { line, password }] of wanted) {
      if (this.running.has(id)) continue;
      const agent = new LineAgent({
        account: { ...line, password },
        clock: this.clock,
        logger: this.logger,
        onStatus: (status) => this.onStatus(id, status),
        media: this.media,
        onCall: this.onCall,
        trustedSources: this.trustedSources,
        handoff: () => this.lines.find(id)?.handoff ?? 'bridge',
      });
      this.running.set(id, { agent, version: versionOf(line, password) });
      await agent.start();
    }
  }

  /** Sends a text as SIP MESSAGE on a line; rejects when that line is not running. */
  sendMessage(
    lineId: string,
    target: (registrar: string) => string,
    text: string,
  ): Promise<SipMessageOutcome> {
    const agent = this.running.get(lineId)?.agent;
    if (!agent)
      return Promise.reject(new Error('the line is not running (removed, disabled or without a password)'));
    return agent.sendMessage(target(agent.registrarHost), text);
  }
}

function versionOf(line: StoredLine, password: string): string {
  return JSON.stringify([
    line.registrar,
    line.username,
    line.authUsername,
    line.transport,
    line.displayName,
    password,
  ]);
}
