import type { EngineStatus } from '../../shared/domain/engine-status.js';
import type { Registration } from '../../shared/domain/line.js';
import type { MessageKey } from '../i18n/messages.en.js';
import type { Translate } from '../i18n/translate.js';
import type { ConnectionState } from '../stores/slices/connection-slice.js';

const registrationKeys: Record<Registration['state'], MessageKey> = {
  disabled: 'registration.disabled',
  not_registered: 'registration.not_registered',
  registering: 'registration.registering',
  registered: 'registration.registered',
  failed: 'registration.failed',
};

const connectionKeys: Record<ConnectionState, MessageKey> = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  unauthorized: 'connection.unauthorized',
  'no-token': 'connection.noToken',
};

const engineKeys: Record<EngineStatus['state'], MessageKey> = {
  starting: 'engine.starting',
  running: 'engine.running',
  stopping: 'engine.stopping',
};

/** "not registered yet", or "registration failed (wrong password (403))" with the engine's reason. */
export function registrationText(registration: Registration, t: Translate): string {
  const state = t(registrationKeys[registration.state]);
  return registration.reason ? t('registration.withReason', { state, reason: registration.reason }) : state;
}

export function connectionText(state: ConnectionState, t: Translate): string {
  return t(connectionKeys[state]);
}

/** The engine's own state, or "disconnected" while the API pipe is down. */
export function engineText(
  state: EngineStatus['state'] | undefined,
  isConnected: boolean,
  t: Translate,
): string {
  return isConnected && state ? t(engineKeys[state]) : t('engine.disconnected');
}

/** Visual tone of a state dot: good, busy, bad or idle. */
export type Tone = 'good' | 'busy' | 'bad' | 'idle';

export function registrationTone(state: Registration['state']): Tone {
  if (state === 'registered') return 'good';
  if (state === 'registering') return 'busy';
  if (state === 'failed') return 'bad';
  return 'idle';
}

export function connectionTone(state: ConnectionState): Tone {
  if (state === 'connected') return 'good';
  if (state === 'connecting' || state === 'reconnecting') return 'busy';
  return 'bad';
}
