import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from './database.js';
import { agentTokens } from './schema.js';

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Tokens that let an agent's app use the API as that agent. 256 random bits each; only their
 * hash is stored, so a copy of the database does not hand out logins.
 */
export class AgentTokens {
  constructor(private readonly db: AppDatabase) {}

  /** A new token for the agent; the only time it is seen in clear. */
  issue(agentId: string, label: string): string {
    const token = `agt_${randomBytes(32).toString('base64url')}`;
    this.db
      .insert(agentTokens)
      .values({ tokenHash: hashOf(token), agentId, label, createdAt: new Date().toISOString() })
      .run();
    return token;
  }

  /** The agent a token belongs to, if it is one of theirs and not revoked. */
  agentOf(token: string): string | undefined {
    return this.db
      .select()
      .from(agentTokens)
      .where(eq(agentTokens.tokenHash, hashOf(token)))
      .get()?.agentId;
  }

  /** Revokes every token of the agent (a lost laptop); returns how many. */
  revokeAll(agentId: string): number {
    return this.db.delete(agentTokens).where(eq(agentTokens.agentId, agentId)).run().changes;
  }
}
