import {
  Inviter,
  Registerer,
  RegistererState,
  RequestPendingError,
  UserAgent,
  type Invitation,
  type URI,
} from 'sip.js';
import type { PhoneConfig } from '../../../shared/domain/phone.js';
import { RegistrationHealth, type RecoverCause, type RegistrationStatus } from './registration-health.js';

/** A config with every part present (phone.config's `missing` was empty). */
export type ReadyPhoneConfig = PhoneConfig & {
  wsUrl: string;
  aor: string;
  authUsername: string;
  password: string;
};

export interface SipPhoneEvents {
  onRegistration(status: RegistrationStatus): void;
  onInvite(invitation: Invitation): void;
}

/** Asked-for binding lifetime (RFC 3261 §10.2.1); sip.js refreshes at 90 % of what is granted. */
const REGISTER_EXPIRES_SEC = 120;

/**
 * The agent's SIP user agent over WebSocket (RFC 7118): one registration kept healthy by
 * RegistrationHealth, and incoming INVITEs handed on. sip.js's own reconnection is off: the
 * watchdog decides when to reconnect, so "not registered" is shown as soon as it is true.
 */
export class SipPhone {
  private readonly ua: UserAgent;
  private readonly registerer: Registerer;
  private readonly health: RegistrationHealth;
  private stopped = false;

  constructor(config: ReadyPhoneConfig, events: SipPhoneEvents) {
    const uri = UserAgent.makeURI(config.aor);
    if (!uri) throw new Error(`Not a SIP URI: ${config.aor}`);
    this.ua = new UserAgent({
      uri,
      displayName: config.displayName,
      authorizationUsername: config.authUsername,
      authorizationPassword: config.password,
      transportOptions: { server: config.wsUrl, connectionTimeout: 5, keepAliveInterval: 0 },
      reconnectionAttempts: 0,
      logBuiltinEnabled: false,
      sessionDescriptionHandlerFactoryOptions: {
        // Loopback and LAN PBXs: no STUN server to wait for.
        peerConnectionConfiguration: { iceServers: [] },
        iceGatheringTimeout: 500,
      },
      delegate: {
        onInvite: (invitation) => events.onInvite(invitation),
        onDisconnect: () => {
          if (!this.stopped) this.health.lost('disconnected');
        },
      },
    });
    this.registerer = new Registerer(this.ua, { expires: REGISTER_EXPIRES_SEC });
    this.registerer.stateChange.addListener((state) => {
      // sip.js's own expiry timer ran out: the binding is stale.
      if (state === RegistererState.Unregistered && !this.stopped) this.health.lost('expired');
    });
    this.health = new RegistrationHealth({
      clock: {
        now: () => Date.now(),
        setInterval: (callback, ms) => window.setInterval(callback, ms),
        clearInterval: (handle) => window.clearInterval(handle as number),
      },
      recover: (cause) => void this.recover(cause),
      onChange: (status) => events.onRegistration(status),
    });
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  get status(): RegistrationStatus {
    return this.health.current;
  }

  /**
   * A number or extension at the office PBX: sip:<number>@<the agent's own domain>; an
   * extension given as a full SIP URI is taken as it is.
   */
  targetUri(number: string): URI | undefined {
    if (/^sips?:/i.test(number)) return UserAgent.makeURI(number);
    const { host, port } = this.ua.configuration.uri;
    return UserAgent.makeURI(`sip:${number}@${host}${port === undefined ? '' : `:${port}`}`);
  }

  /** An outgoing call through the agent's own registration; `dial` it to send the INVITE. */
  inviter(number: string): Inviter | undefined {
    const target = this.targetUri(number);
    return target ? new Inviter(this.ua, target) : undefined;
  }

  async start(): Promise<void> {
    try {
      await this.ua.start();
      await this.register();
    } catch {
      this.health.lost('disconnected');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.health.stop();
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisibility);
    try {
      if (this.registerer.state === RegistererState.Registered) await this.registerer.unregister();
    } catch {
      // Leaving anyway: the binding expires on its own.
    }
    await this.ua.stop();
  }

  /** The agent's "retry now": a fresh connection and REGISTER without waiting for the backoff. */
  retryNow(): void {
    this.health.nudge('manual');
  }

  private readonly onOnline = (): void => this.health.nudge('online');
  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.health.nudge('visible');
  };

  /**
   * A fresh REGISTER, over a fresh WebSocket where the old one may be dead without knowing it
   * (after sleep or a network change TCP can look open for minutes).
   */
  private async recover(cause: RecoverCause): Promise<void> {
    if (this.stopped) return;
    try {
      const suspect = cause === 'woke' || cause === 'online' || cause === 'manual';
      if (suspect && this.ua.isConnected()) await this.ua.transport.disconnect();
      if (!this.ua.isConnected()) await this.ua.reconnect();
      await this.register();
    } catch {
      this.health.lost('disconnected');
    }
  }

  private async register(): Promise<void> {
    this.health.registering();
    // One REGISTER at a time (RFC 3261 §10.2): one already out will tell how it went.
    await this.registerer
      .register({
        requestDelegate: {
          onAccept: (response) => this.health.registered(grantedExpires(response) ?? REGISTER_EXPIRES_SEC),
          onReject: (response) =>
            this.health.lost(response.message.statusCode === 403 ? 'rejected' : 'failed'),
        },
      })
      .catch((error: unknown) => {
        if (!(error instanceof RequestPendingError)) throw error;
      });
  }
}

/** What grantedExpires reads of a 2xx to REGISTER. */
interface RegisterResponse {
  message: { getHeader(name: string): string | undefined; getHeaders(name: string): string[] };
}

/** The lifetime the registrar granted: the Expires header, else our Contact's expires (RFC 3261 §10.2.4). */
function grantedExpires(response: RegisterResponse): number | undefined {
  const header = Number(response.message.getHeader('expires'));
  if (Number.isFinite(header) && header > 0) return header;
  const contacts = response.message.getHeaders('contact').join(',');
  const match = /;\s*expires=(\d+)/i.exec(contacts);
  return match ? Number(match[1]) : undefined;
}
