import { create } from 'zustand';
import type { Invitation } from 'sip.js';
import type { Agent, Presence } from '../../../shared/domain/agents.js';
import type { PhoneConfig } from '../../../shared/domain/phone.js';
import { RpcError } from '../../../shared/rpc/errors.js';
import { createTranslator } from '../../i18n/translate.js';
import type { Api } from '../../stores/api.js';
import { useAppStore } from '../../stores/app-store.js';
import {
  appendLocalHistory,
  entryFromCall,
  entryFromConversation,
  loadLocalHistory,
  mergeHistory,
  type HistoryEntry,
} from './call-history.js';
import {
  CALLBACK_ANSWER_WINDOW_MS,
  isExpectedCallback,
  type CallbackExpectation,
} from './callback-expectation.js';
import { CallSession, type CallPhase } from './call-session.js';
import {
  effectiveDevice,
  loadDeviceChoice,
  saveDeviceChoice,
  type DeviceChoice,
  type DeviceRole,
} from './devices.js';
import type { RegistrationStatus } from './registration-health.js';
import { OwnCallsReport, ownCallCount } from './own-calls.js';
import { Ringer } from './ringer.js';
import { screenPop, type ScreenPop } from './screen-pop.js';
import { SipPhone, type ReadyPhoneConfig } from './sip-phone.js';
import { Transfer, type TransferState } from './transfer.js';

/** Rows of history shown; the engine is asked for as many of this agent's conversations. */
const HISTORY_ROWS = 50;

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
  /** The customer's number, when this is a callback the agent started here (answered by itself). */
  callbackNumber?: string;
  transfer: TransferState;
  /** The colleague called while the caller holds (attended transfer). */
  consult?: { session: CallSession; phase: CallPhase };
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
  /** Every agent of the office, for transfers. */
  agents: Agent[];
  call: ActiveCall | undefined;
  /** This agent's recent calls, newest first: this browser's and the engine's. */
  history: HistoryEntry[];
  /** The transfer panel is open (the Transfer button, or Alt+T). */
  transferOpen: boolean;
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
  /** Calls a number or extension (already checked by checkDialString) through the agent's registration. */
  dial(number: string): Promise<void>;
  refreshHistory(): Promise<void>;
  /** The agent pressed "Call back" here: answer the engine's call for it without another click. */
  expectCallback(agentId: string, number: string): void;
  blindTransfer(target: string): Promise<void>;
  consult(target: string): Promise<void>;
  completeTransfer(): Promise<void>;
  setTransferOpen(open: boolean): void;
  backToCaller(): Promise<void>;
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
export const usePhoneStore = create<PhoneState>()((set, get, store) => {
  let api: Api | undefined;
  let phone: SipPhone | undefined;
  let offAgents: (() => void) | undefined;
  let transfer: Transfer<CallSession> | undefined;
  let expectation: CallbackExpectation | undefined;
  let engineHistory: HistoryEntry[] = [];
  const ringer = new Ringer();
  // The engine keeps the agent out of the queues while they are on calls it did not place.
  // Names this phone among the agent's (another window may be open): not crypto.randomUUID,
  // which exists only in secure contexts.
  const phoneId = `phone-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const ownCalls = new OwnCallsReport(async (calls) => {
    const agentId = get().agent?.id;
    if (api && agentId !== undefined) await api.call('presence.ownCalls', { agentId, phoneId, calls });
  });
  store.subscribe((state) => ownCalls.update(ownCallCount(state.call)));

  const fail = (error: unknown): void =>
    set({ error: error instanceof Error ? error.message : String(error) });
  const device = (role: DeviceRole): string => effectiveDevice(role, get().choice, get().devices);
  const patchCall = (patch: Partial<ActiveCall>): void => {
    const call = get().call;
    if (call) set({ call: { ...call, ...patch } });
  };

  /**
   * The conversation the INVITE names: answered at once when it is the callback the agent just
   * started here, then shown as the screen pop.
   */
  async function inspect(session: CallSession, mayBeCallback: boolean): Promise<void> {
    if (!api || session.conversationId === undefined) return;
    const detail = await api.call('conversations.get', { id: session.conversationId });
    if (get().call?.session !== session) return;
    if (expectation && isExpectedCallback(expectation, detail, Date.now())) {
      const number = expectation.number;
      expectation = undefined;
      patchCall({ callbackNumber: number });
      await get().answer();
    } else if (mayBeCallback) {
      void ringer.ring(device('ringer'));
    }
    const history = await api.call('conversations.list', { text: detail.caller, limit: 10 });
    if (get().call?.session === session) patchCall({ pop: screenPop(detail, history.items) });
  }

  async function wrapUpSec(): Promise<number> {
    const agent = get().agent;
    if (!api || !agent) return 0;
    const teams = await api.call('teams.list');
    return Math.max(0, ...teams.filter((t) => agent.teamIds.includes(t.id)).map((t) => t.routing.wrapUpSec));
  }

  /** The agent's call, incoming or outgoing, followed from ringing or dialing to its end. */
  function track(session: CallSession, phase: CallPhase): void {
    session.onPhase = (next) => {
      if (get().call?.session !== session) return;
      if (next !== 'ringing') ringer.stop();
      if (next === 'talking')
        patchCall({ phase: next, talkingSince: get().call?.talkingSince ?? Date.now() });
      else if (next === 'ended') void ended(session);
      else patchCall({ phase: next });
    };
    transfer = new Transfer<CallSession>({
      caller: session,
      consult: (target, events) => {
        const inviter = phone?.inviter(target);
        if (!inviter) throw new Error(`Cannot call ${target}`);
        const consultSession = new CallSession(inviter, {
          dialled: target,
          targetUri: (number) => phone?.targetUri(number),
        });
        consultSession.onPhase = (next) => {
          const call = get().call;
          if (call?.consult?.session === consultSession) {
            patchCall({ consult: next === 'ended' ? undefined : { session: consultSession, phase: next } });
          }
          if (next === 'talking') events.onAnswered();
          if (next === 'ended') {
            remember(consultSession);
            events.onEnded(consultSession.answeredAt === undefined ? consultSession.failure : undefined);
          }
        };
        patchCall({ consult: { session: consultSession, phase: 'dialing' } });
        consultSession.dial(device('microphone'), device('speaker')).catch(fail);
        return consultSession;
      },
      onChange: (state) => {
        // The transfer holds and resumes the caller itself.
        if (get().call?.session === session) patchCall({ transfer: state, held: session.isHeld });
      },
    });
    set({
      call: { session, phase, muted: false, held: false, keysSent: '', transfer: { phase: 'idle' } },
      wrapUp: undefined,
      transferOpen: false,
    });
  }

  function onInvite(invitation: Invitation): void {
    if (get().call) {
      // One call at a time: the queue offers this one to another agent (486 Busy Here).
      void invitation.reject({ statusCode: 486 });
      return;
    }
    const session = new CallSession(invitation, { targetUri: (number) => phone?.targetUri(number) });
    track(session, 'ringing');
    // A callback the agent just started here is answered once recognised: no ring for it.
    const mayBeCallback =
      expectation !== undefined &&
      Date.now() - expectation.at <= CALLBACK_ANSWER_WINDOW_MS &&
      session.conversationId !== undefined;
    if (!mayBeCallback) void ringer.ring(device('ringer'));
    notify(session.remoteIdentity);
    inspect(session, mayBeCallback).catch((error: unknown) => {
      if (mayBeCallback && get().call?.phase === 'ringing') void ringer.ring(device('ringer'));
      fail(error);
    });
  }

  async function ended(session: CallSession): Promise<void> {
    const call = get().call;
    transfer = undefined;
    set({ call: undefined });
    // The caller is gone: a colleague still being consulted has nobody to take over.
    void call?.consult?.session.hangUp().catch(fail);
    remember(session, call);
    void get().refreshHistory();
    if (call?.talkingSince === undefined || session.conversationId === undefined) return;
    set({
      wrapUp: { conversationId: session.conversationId, endedAt: Date.now(), wrapUpSec: await wrapUpSec() },
    });
  }

  /** Keeps a finished call in this browser's history of the agent. */
  function remember(session: CallSession, call?: ActiveCall): void {
    const agentId = get().agent?.id;
    if (agentId === undefined) return;
    const callback = call?.callbackNumber;
    const entry = entryFromCall({
      // Not crypto.randomUUID: it exists only in secure contexts, and a LAN page may not be one.
      id: `${session.startedAt}-${Math.random().toString(36).slice(2, 10)}`,
      conversationId: session.conversationId,
      // The engine's callback leg rings in, but to the agent it is a call out to the customer.
      direction: callback ? 'outbound' : session.direction,
      number: callback ?? call?.pop?.caller ?? session.number,
      startedAt: session.startedAt,
      answeredAt: session.answeredAt,
      endedAt: Date.now(),
      declined: session.declined,
      failureStatus: session.failure?.status,
    });
    const local = appendLocalHistory(storage(), agentId, entry);
    set({ history: mergeHistory(local, engineHistory, HISTORY_ROWS) });
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
    agents: [],
    call: undefined,
    history: [],
    transferOpen: false,
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
      set({ agent: agents.find((a) => a.id === config.agentId), agents });
      ownCalls.resend();
      offAgents?.();
      offAgents = next.on('agents.changed', (agent) => {
        const others = get().agents.filter((a) => a.id !== agent.id);
        set({ agents: [...others, agent].sort((a, b) => a.name.localeCompare(b.name)) });
        if (agent.id === config.agentId) set({ agent });
      });
      void get().refreshHistory();
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
      ownCalls.stop();
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
      // While consulting, hanging up ends the consultation: the waiting caller is never dropped by it.
      if (call.transfer.phase === 'consulting') return get().backToCaller();
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
      if (call?.phase !== 'talking' || !transferIdle(call.transfer)) return;
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
    async dial(number) {
      const inviter = phone?.inviter(number);
      if (get().call || !inviter) return;
      const session = new CallSession(inviter, {
        dialled: number,
        targetUri: (target) => phone?.targetUri(target),
      });
      track(session, 'dialing');
      await session.dial(device('microphone'), device('speaker')).catch(fail);
    },
    async refreshHistory() {
      const agentId = get().agent?.id;
      if (!api || agentId === undefined) return;
      const local = loadLocalHistory(storage(), agentId);
      try {
        const page = await api.call('conversations.list', { agentId, limit: HISTORY_ROWS });
        engineHistory = page.items.flatMap((c) => entryFromConversation(c) ?? []);
      } catch (error) {
        // Still show this browser's own calls; say why the rest is missing.
        fail(error);
      }
      set({ history: mergeHistory(local, engineHistory, HISTORY_ROWS) });
    },
    expectCallback(agentId, number) {
      if (agentId === get().agent?.id) expectation = { agentId, number, at: Date.now() };
    },
    async blindTransfer(target) {
      if (get().call?.phase === 'talking') await transfer?.blind(target);
    },
    async consult(target) {
      if (get().call?.phase === 'talking') await transfer?.consult(target).catch(fail);
    },
    setTransferOpen(open) {
      set({ transferOpen: open && get().call?.phase === 'talking' });
    },
    async completeTransfer() {
      await transfer?.complete();
    },
    async backToCaller() {
      await transfer?.back().catch(fail);
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

/** No transfer under way (a failed one leaves the call as it was). */
export function transferIdle(state: TransferState): boolean {
  return state.phase === 'idle' || state.phase === 'failed';
}

function sameAccount(a: PhoneConfig, b: PhoneConfig): boolean {
  return (
    a.wsUrl === b.wsUrl && a.aor === b.aor && a.password === b.password && a.authUsername === b.authUsername
  );
}
