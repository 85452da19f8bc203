import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/fakes/test-database.js';
import { AgentRepository } from './agent-repository.js';
import { ConversationLog } from './conversation-log.js';

const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000);
const handover = (fromAgentId: string, toAgentId: string | null) => ({
  at: at(30).toISOString(),
  fromAgentId,
  toAgentId,
  target: toAgentId === null ? '0215550100' : '202',
  attended: false,
});

function setup() {
  const { db } = testDatabase();
  const log = new ConversationLog(db);
  const agents = new AgentRepository(db);
  const agent = (name: string, extension: string) =>
    agents.save({ name, extension, maxCalls: 1, teamIds: [] })!.id;
  log.started({
    id: 'c1',
    direction: 'inbound',
    lineId: 'line-1',
    caller: '0101',
    dialled: '0200',
    at: at(0),
  });
  return { log, agent };
}

describe('conversation log: a call an agent transferred', () => {
  it('names the agent who took the transfer and ends as transferred, the talk time from the first answer', () => {
    const { log, agent } = setup();
    const ann = agent('Ann', '201');
    const bob = agent('Bob', '202');
    log.answered('c1', ann, at(5));
    log.transferred('c1', handover(ann, bob));
    expect(log.get('c1')).toMatchObject({ agentId: bob, outcome: 'in_progress' });
    log.ended('c1', at(65), true);
    expect(log.get('c1')).toMatchObject({ agentId: bob, outcome: 'transferred', talkMs: 60_000 });
  });

  it('keeps the first agent when the target is no agent of ours', () => {
    const { log, agent } = setup();
    const ann = agent('Ann', '201');
    log.answered('c1', ann, at(5));
    log.transferred('c1', handover(ann, null));
    log.ended('c1', at(10), true);
    expect(log.get('c1')).toMatchObject({ agentId: ann, outcome: 'transferred' });
  });

  it('an answered call nobody transferred stays answered', () => {
    const { log, agent } = setup();
    const ann = agent('Ann', '201');
    log.answered('c1', ann, at(5));
    log.transferred('nope', handover(ann, null));
    log.ended('c1', at(10), true);
    expect(log.get('c1')?.outcome).toBe('answered');
  });

  it('ends a transferred call as transferred even when a crash interrupted it', () => {
    const { log, agent } = setup();
    const ann = agent('Ann', '201');
    log.answered('c1', ann, at(5));
    log.transferred('c1', handover(ann, agent('Bob', '202')));
    expect(log.closeInterrupted()).toBe(1);
    expect(log.get('c1')?.outcome).toBe('transferred');
  });
});
