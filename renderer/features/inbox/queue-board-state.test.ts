import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../shared/domain/agents.js';
import type { QueueSnapshot } from '../../../shared/domain/queues.js';
import { applyAgentChange } from './queue-board-state.js';

const sales = '11111111-1111-4111-8111-111111111111';
const support = '22222222-2222-4222-8222-222222222222';
const mina = '33333333-3333-4333-8333-333333333333';
const joon = '44444444-4444-4444-8444-444444444444';

const queue = (teamId: string, agents: QueueSnapshot['agents']): QueueSnapshot => ({
  teamId,
  teamName: teamId === sales ? 'Sales' : 'Support',
  calls: [],
  agents,
  estimatedWaitSec: null,
  at: '2026-03-10T09:00:00.000Z',
});

const agent = (teamIds: string[], status: Agent['status']): Agent => ({
  id: mina,
  name: 'Mina',
  extension: '201',
  maxCalls: 1,
  teamIds,
  presence: status === 'away' || status === 'offline' ? status : 'available',
  status,
  presenceChangedAt: '2026-03-10T09:00:00.000Z',
  createdAt: '2026-03-01T09:00:00.000Z',
});

describe('queue board', () => {
  const board = [
    queue(sales, [
      { agentId: mina, name: 'Mina', status: 'available' },
      { agentId: joon, name: 'Joon', status: 'busy' },
    ]),
    queue(support, []),
  ];

  it('moves an agent’s status in place, in every team they are in', () => {
    const next = applyAgentChange(board, agent([sales], 'wrap_up'));
    expect(next[0]?.agents).toEqual([
      { agentId: mina, name: 'Mina', status: 'wrap_up' },
      { agentId: joon, name: 'Joon', status: 'busy' },
    ]);
    expect(next[1]).toBe(board[1]);
  });

  it('adds an agent to a team they joined and takes them off one they left', () => {
    const next = applyAgentChange(board, agent([support], 'ringing'));
    expect(next[0]?.agents.map((a) => a.name)).toEqual(['Joon']);
    expect(next[1]?.agents).toEqual([{ agentId: mina, name: 'Mina', status: 'ringing' }]);
  });
});
