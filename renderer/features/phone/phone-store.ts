import { create } from 'zustand';
import type { Invitation } from 'sip.js';
import type { Agent, Presence } from '../../../shared/domain/agents.js';
import type { PhoneConfig } from '../../../shared/domain/phone.js';
import { RpcError } from '../../../shared/rpc/errors.js';
import { createTranslator } from '../../i18n/translate.js';
import type { Api } from '../../stores/api.js';
import { useAppStore } from '../../stores/app-store.js';
import { CallSession, type CallPhase } from './call-session.js';
import {
  effectiveDevice,
  loadDeviceChoice,
  saveDeviceChoice,
  type DeviceChoice,
  type DeviceRole,
} from './devices.js';
import type { RegistrationStatus } from './registration-health.js';
import { Ringer } from './ringer.js';
import { screenPop, type ScreenPop } from './screen-pop.js';
import { SipPhone, type ReadyPhoneConfig } from './sip-phone.js';

/** The call on the phone now, as the UI shows it. */
export interface ActiveCall {
  session: CallSession;
  phase: CallPhase;
  /** When talk began (ms), for the call timer. */
  talkingSince?: number;
  muted: boolean;
  held: boolean;
  keysSent: string;
  /** Loaded from the conversation the INVITE names; undefined while loading or unlinked. */
  pop?: ScreenPop;
}

/** After a call: the conversation to tag and note, and the team's wrap-up time. */
export interface WrapUp {
  conversationId: string;
  endedAt: number;
  wrapUpSec: number;
}

export type PhoneSetup =
  | { kind: 'loading' }
  | { kind: 'office' }
  | { kind: 'incomplete'; config: PhoneConfig }
  | { kind: 'ready'; config: ReadyPhoneConfig };

interface PhoneState {
  setup: PhoneSetup;
  registration: RegistrationStatus | undefined;
  agent: Agent | undefined;
  call: ActiveCall | undefined;
  wrapUp: WrapUp | undefined;
  devices: MediaDeviceInfo[];
  choice: DeviceChoice;
  error: string | undefined;
  /** Loads the config and registers; again after the API reconnects. Idempotent. */
  start(api: Api): Promise<void>;
  stop(): Promise<void>;
  retryNow(): void;
  setSipPassword(password: string): Promise<void>;
  setPresence(presence: Presence): Promise<void>;
  answer(): Promise<void>;
  decline(): Promise<void>;
  hangUp(): Promise<void>;
  toggleMute(): void;
  toggleHold(): Promise<void>;
  sendDigit(digit: string): void;
  saveWrapUp(tags: string[], note: string): Promise<void>;
  ready(): Promise<void>;
  refreshDevices(): Promise<void>;
  chooseDevice(role: DeviceRole, deviceId: string): void;
  testTone(): void;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const isReady = (config: PhoneConfig): config is ReadyPhoneConfig => config.missing.length === 0;

/**
 * The agent's softphone: its setup from the engine (phone.config), the SIP registration, the one
 * call at a time with its screen pop, wrap-up, presence and audio devices.
 */
export const usePhoneStore = create<PhoneState>()((set, get) => {
  let api: Api | undefined;
  let phone: SipPhone | undefined;
  let offAgents: (() => void) | undefined;
  const ringer = new Ringer();

  const fail = (error: unknown): void =>
    set({ error: error instanceof Error ? error.message : String(error) });
  const device = (role: DeviceRole): string => effectiveDevice(role, get().choice, get().devices);
  const patchCall = (patch: Partial<ActiveCall>): void => {
    const call = get().call;
    if (call) set({ call: { ...call, ...patch } });
  };

  async function loadPop(session: CallSession): Promise<void> {
    if (!api || session.conversationId === undefined) return;
    const detail = await api.call('conversations.get', { id: session.conversationId });
    const history = await api.call('conversations.list', { text: detail.caller, limit: 10 });
    if (get().call?.session === session) patchCall({ pop: screenPop(detail, history.items) });
  }

  async function wrapUpSec(): Promise<number> {
    const agent = get().agent;
    if (!api || !agent) return 0;
    const teams = await api.call('teams.list');
    return Math.max(0, ...teams.filter((t) => agent.teamIds.includes(t.id)).map((t) => t.routing.wrapUpSec));
  }

  function onInvite(invitation: Invitation): void {
    if (get().call) {
      // One call at a time: the queue offers this one to another agent (486 Busy Here).
      void invitation.reject({ statusCode: 486 });
      return;
    }
    const session = new CallSession(invitation, {
      onPhase: (phase) => {
        if (get().call?.session !== session) return;
        if (phase !== 'ringing') ringer.stop();
        if (phase === 'talking') patchCall({ phase, talkingSince: get().call?.talkingSince ?? Date.now() });
        else if (phase === 'ended') void ended(session);
        else patchCall({ phase });
      },
    });
    set({ call: { session, phase: 'ringing', muted: false, held: false, keysSent: '' }, wrapUp: undefined });
    void ringer.ring(device('ringer'));
    notify(session.remoteIdentity);
    loadPop(session).catch(fail);
  }

  async function ended(session: CallSession): Promise<void> {
    const call = get().call;
    set({ call: undefined });
    if (call?.talkingSince === undefined || session.conversationId === undefined) return;
    set({
      wrapUp: { conversationId: session.conversationId, endedAt: Date.now(), wrapUpSec: await wrapUpSec() },
    });
  }

  function notify(caller: string): void {
    if (typeof Notification === 'undefined' || document.visibilityState === 'visible') return;
    if (Notification.permission !== 'granted') return;
    const t = createTranslator(useAppStore.getState().locale);
    new Notification(t('phone.notify.title', { caller }), { tag: 'switchboard-call' });
  }

  return {
    setup: { kind: 'loading' },
    registration: undefined,
    agent: undefined,
    call: undefined,
    wrapUp: undefined,
    devices: [],
    choice: loadDeviceChoice(storage()),
    error: undefined,

    async start(next) {
      api = next;
      let config: PhoneConfig;
      try {
        config = await next.call('phone.config', {});
      } catch (error) {
        // The office's own window has no agent to be: phone.config needs one.
        if (error instanceof RpcError && error.code === 'INVALID_PARAMS') set({ setup: { kind: 'office' } });
        else fail(error);
        return;
      }
      const agents = await next.call('agents.list');
      set({ agent: agents.find((a) => a.id === config.agentId) });
      offAgents?.();
      offAgents = next.on('agents.changed', (agent) => {
        if (agent.id === config.agentId) set({ agent });
      });
      const running = get().setup;
      if (running.kind === 'ready' && phone && sameAccount(running.config, config)) return;
      await phone?.stop();
      phone = undefined;
      if (!isReady(config)) {
        set({ setup: { kind: 'incomplete', config }, registration: undefined });
        return;
      }
      set({ setup: { kind: 'ready', config } });
      phone = new SipPhone(config, {
        onRegistration: (registration) => set({ registration }),
        onInvite,
      });
      set({ registration: phone.status });
      await phone.start();
      void get().refreshDevices();
    },
    async stop() {
      offAgents?.();
      ringer.stop();
      await phone?.stop();
      phone = undefined;
      set({ setup: { kind: 'loading' }, registration: undefined });
    },
    retryNow: () => phone?.retryNow(),
    async setSipPassword(password) {
      const setup = get().setup;
      if (!api || (setup.kind !== 'incomplete' && setup.kind !== 'ready')) return;
      await api.call('agents.setSipPassword', { agentId: setup.config.agentId, password });
      await get().start(api);
    },
    async setPresence(presence) {
      const agentId = get().agent?.id;
      if (!api || agentId === undefined) return;
      // Chosen by a click: the moment a browser lets the page ask to notify of calls.
      if (
        presence === 'available' &&
        typeof Notification !== 'undefined' &&
        Notification.permission === 'default'
      ) {
        void Notification.requestPermission();
      }
      set({ agent: await api.call('presence.set', { agentId, presence }) });
    },
    async answer() {
      const call = get().call;
      if (call?.phase !== 'ringing') return;
      ringer.stop();
      await call.session.answer(device('microphone'), device('speaker')).catch(fail);
    },
    async decline() {
      const call = get().call;
      if (call?.phase !== 'ringing') return;
      ringer.stop();
      await call.session.decline().catch(fail);
    },
    async hangUp() {
      const call = get().call;
      if (!call) return;
      if (call.phase === 'ringing') return get().decline();
      await call.session.hangUp().catch(fail);
    },
    toggleMute() {
      const call = get().call;
      if (call?.phase !== 'talking') return;
      call.session.setMuted(!call.muted);
      patchCall({ muted: !call.muted });
    },
    async toggleHold() {
      const call = get().call;
      if (call?.phase !== 'talking') return;
      try {
        await call.session.setHeld(!call.held);
        patchCall({ held: !call.held });
      } catch (error) {
        fail(error);
      }
    },
    sendDigit(digit) {
      const call = get().call;
      if (call?.phase !== 'talking' || call.held) return;
      if (call.session.sendDigit(digit)) patchCall({ keysSent: call.keysSent + digit });
    },
    async saveWrapUp(tags, note) {
      const wrapUp = get().wrapUp;
      if (!api || !wrapUp) return;
      const id = wrapUp.conversationId;
      if (tags.length > 0) await api.call('conversations.tag', { id, add: tags });
      if (note.trim() !== '') await api.call('conversations.note', { id, notes: note });
    },
    async ready() {
      set({ wrapUp: undefined });
      // "Available" again during wrap-up ends it at once (the roster's ready button).
      await get().setPresence('available');
    },
    async refreshDevices() {
      try {
        set({
          devices: (await navigator.mediaDevices.enumerateDevices()).filter((d) =>
            d.kind.startsWith('audio'),
          ),
        });
      } catch (error) {
        fail(error);
      }
    },
    chooseDevice(role, deviceId) {
      const choice = { ...get().choice, [role]: deviceId };
      saveDeviceChoice(storage(), choice);
      set({ choice });
      if (role === 'speaker') void get().call?.session.setSpeaker(device('speaker'));
    },
    testTone() {
      void ringer.testTone(device('ringer'));
    },
  };
});

function sameAccount(a: PhoneConfig, b: PhoneConfig): boolean {
  return (
    a.wsUrl === b.wsUrl && a.aor === b.aor && a.password === b.password && a.authUsername === b.authUsername
  );
}
