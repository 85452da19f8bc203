import { z } from 'zod';
import { phoneConfigSchema, setSipPasswordParams } from '../domain/phone.js';
import type { MethodSpec } from './method-spec.js';

/** The agents' softphones: their SIP credentials on the office PBX. */
export const phoneMethods = {
  /** Sets an agent's SIP password (the manager, or the agent for itself); never read back here. */
  'agents.setSipPassword': {
    params: setSipPasswordParams,
    result: z.object({ agentId: z.uuid(), hasSipPassword: z.boolean() }),
  },
  /**
   * What the agent's softphone registers with, password included: for that agent alone. An
   * agent's app may omit its id; the office must name the agent.
   */
  'phone.config': {
    params: z.strictObject({ agentId: z.uuid().optional() }),
    result: phoneConfigSchema,
  },
} as const satisfies Record<string, MethodSpec>;
