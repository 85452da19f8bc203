import type { Agent } from '../../../shared/domain/agents.js';
import type { QueueSnapshot } from '../../../shared/domain/queues.js';

/**
 * The board after one `agents.changed`: the agent's status in every team they belong to, added
 * to a team they joined and gone from one they left. `queues.changed` carries whole snapshots
 * and simply replaces the board; this keeps it right between two of those.
 */
export function applyAgentChange(queues: readonly QueueSnapshot[], agent: Agent): QueueSnapshot[] {
  return queues.map((queue) => {
    const others = queue.agents.filter((a) => a.agentId !== agent.id);
    if (!agent.teamIds.includes(queue.teamId)) {
      return others.length === queue.agents.length ? queue : { ...queue, agents: others };
    }
    const entry = { agentId: agent.id, name: agent.name, status: agent.status };
    const at = queue.agents.findIndex((a) => a.agentId === agent.id);
    const agents = at === -1 ? [...others, entry] : queue.agents.map((a, i) => (i === at ? entry : a));
    return { ...queue, agents };
  });
}
