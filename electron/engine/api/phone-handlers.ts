import type { PhoneConfig } from '../../../shared/domain/phone.js';
import type { Handlers } from '../../../shared/rpc/contract.js';
import { RpcError } from '../../../shared/rpc/errors.js';
import type { AgentRepository } from '../store/agent-repository.js';
import type { LineRepository } from '../store/line-repository.js';
import type { SecretStore } from '../store/secret-store.js';
import type { SettingsRepository } from '../store/settings-repository.js';

export interface PhoneHandlerDeps {
  agents: AgentRepository;
  lines: LineRepository;
  settings: SettingsRepository;
  secrets: SecretStore;
}

type PhoneMethods = Pick<Handlers, 'agents.setSipPassword' | 'phone.config'>;

/** Where an agent's SIP password lives in the secret store. */
export const sipPasswordKey = (agentId: string): string => `agent:${agentId}:sip-password`;

/**
 * The agent's address of record: a full SIP URI as given, else the extension at the office
 * line's registrar host (the PBX's domain; the port belongs to the transport, not the AOR,
 * RFC 3261 §10.2.1). Undefined without a line to take the domain from.
 */
export function agentAor(extension: string, registrar: string | undefined): string | undefined {
  if (/^sips?:/.test(extension)) return extension;
  if (registrar === undefined) return undefined;
  const host = registrar.replace(/:\d+$/, '');
  return `sip:${extension}@${host}`;
}

/** The user part of a SIP URI: the digest user a PBX expects (RFC 3261 §22.4). */
function userOf(aor: string): string {
  return aor.replace(/^sips?:/, '').split('@')[0] ?? '';
}

/**
 * Agents' softphone credentials: the password write-only, the whole config to the agent, the
 * password itself only over a private connection (loopback, TLS, the desktop window).
 */
export function createPhoneHandlers(deps: PhoneHandlerDeps): PhoneMethods {
  const { agents, lines, settings, secrets } = deps;
  const agentOrFail = (agentId: string) => {
    const agent = agents.get(agentId);
    if (!agent) throw new RpcError('NOT_FOUND', `No agent ${agentId}`);
    return agent;
  };
  return {
    'agents.setSipPassword': async ({ agentId, password }, { isPrivate }) => {
      agentOrFail(agentId);
      if (!isPrivate) {
        throw new RpcError(
          'UNAUTHORIZED',
          'Set the SIP password on this PC or over https: over plain http anyone on the network could read it',
        );
      }
      secrets.set(sipPasswordKey(agentId), password);
      return { agentId, hasSipPassword: true };
    },
    'phone.config': async ({ agentId }, { isPrivate }) => {
      if (agentId === undefined) {
        throw new RpcError('INVALID_PARAMS', 'Say which agent’s phone', {
          issues: [{ path: ['agentId'], code: 'required', message: 'Say which agent’s phone' }],
        });
      }
      const agent = agentOrFail(agentId);
      const wsUrl = settings.get().pbxWebSocketUrl;
      const line = lines.list().find((l) => l.enabled);
      const aor = agentAor(agent.extension, line?.registrar);
      // Never in clear over the network: a LAN client without TLS gets none (its browser would
      // not give the phone a microphone there anyway, outside a secure context).
      const password = isPrivate ? (secrets.get(sipPasswordKey(agentId)) ?? null) : null;
      const missing: PhoneConfig['missing'] = [];
      if (wsUrl === '') missing.push('wsUrl');
      if (aor === undefined) missing.push('line');
      if (!isPrivate) missing.push('secureConnection');
      else if (password === null) missing.push('password');
      return {
        agentId,
        displayName: agent.name,
        wsUrl: wsUrl === '' ? null : wsUrl,
        aor: aor ?? null,
        authUsername: aor === undefined ? null : userOf(aor),
        password,
        missing,
      };
    },
  };
}
