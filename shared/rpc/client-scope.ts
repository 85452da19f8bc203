import type { Method } from './contract.js';

/**
 * Who a connection speaks for: the office (the manager's app, the desktop window, the office
 * token) or one agent (an agent's app with a token of their own).
 */
export type ClientScope = { kind: 'office' } | { kind: 'agent'; agentId: string };

export const OFFICE_SCOPE: ClientScope = { kind: 'office' };

/**
 * What a handler knows of the connection a call came over. `isPrivate`: no one on the network can
 * read it — the desktop window's own pipe, a client on this machine's loopback, or TLS.
 */
export interface CallContext {
  readonly isPrivate: boolean;
}

/**
 * What an agent's app may call. 'read': as any client. 'self': the call acts as the agent, so
 * its `agentId` is the connection's own (filled in when omitted, refused when another's).
 * Everything else — settings, lines, workflows, teams, tokens — is the office's alone.
 */
export const agentMethods: Partial<Record<Method, 'read' | 'self'>> = {
  'system.status': 'read',
  'teams.list': 'read',
  'agents.list': 'read',
  'presence.set': 'self',
  'presence.ownCalls': 'self',
  'queues.snapshot': 'read',
  'callbacks.list': 'read',
  'callbacks.start': 'self',
  'callbacks.complete': 'read',
  'conversations.list': 'read',
  'conversations.get': 'read',
  'conversations.tag': 'self',
  'conversations.note': 'read',
  'conversations.assign': 'read',
  'voicemails.list': 'read',
  'voicemails.markHeard': 'read',
  'voicemails.assign': 'read',
  'voicemails.audio': 'read',
  'tags.list': 'read',
  'stats.daily': 'read',
  'sms.send': 'self',
  'agents.setSipPassword': 'self',
  'phone.config': 'self',
};
