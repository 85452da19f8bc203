import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/fakes/test-database.js';
import { AgentRepository, ExtensionTakenError } from './agent-repository.js';
import { TeamRepository } from './team-repository.js';

function setup() {
  const { db } = testDatabase();
  const teams = new TeamRepository(db);
  return {
    agents: new AgentRepository(db),
    teams,
    sales: teams.save({ name: 'Sales' })!,
    support: teams.save({ name: 'Support' })!,
  };
}

describe('agents', () => {
  it('creates an agent offline in the teams given, listed by name', () => {
    const { agents, sales } = setup();
    agents.save({ name: 'Bob', extension: '202', maxCalls: 1 });
    const ann = agents.save({
      name: 'Ann',
      extension: 'sip:201@pbx.example.com',
      maxCalls: 2,
      teamIds: [sales.id],
    });
    expect(ann).toMatchObject({ presence: 'offline', maxCalls: 2, teamIds: [sales.id] });
    expect(agents.list().map((a) => [a.name, a.teamIds])).toEqual([
      ['Ann', [sales.id]],
      ['Bob', []],
    ]);
  });

  it('refuses a second agent on the same extension, but lets an agent keep theirs', () => {
    const { agents } = setup();
    const ann = agents.save({ name: 'Ann', extension: '201', maxCalls: 1 })!;
    expect(() => agents.save({ name: 'Bob', extension: '201', maxCalls: 1 })).toThrow(ExtensionTakenError);
    expect(agents.save({ id: ann.id, name: 'Ann Lee', extension: '201', maxCalls: 1 })?.name).toBe('Ann Lee');
  });

  it('replaces the teams when given, keeps them when omitted, and counts a team once', () => {
    const { agents, sales, support } = setup();
    const ann = agents.save({ name: 'Ann', extension: '201', maxCalls: 1, teamIds: [sales.id] })!;
    expect(agents.save({ id: ann.id, name: 'Ann', extension: '201', maxCalls: 1 })?.teamIds).toEqual([
      sales.id,
    ]);
    const moved = agents.save({
      id: ann.id,
      name: 'Ann',
      extension: '201',
      maxCalls: 1,
      teamIds: [support.id, support.id],
    });
    expect(moved?.teamIds).toEqual([support.id]);
  });

  it('keeps the presence and when it changed', () => {
    const { agents } = setup();
    const ann = agents.save({ name: 'Ann', extension: '201', maxCalls: 1 })!;
    const when = new Date('2026-03-02T09:00:00.000Z');
    expect(agents.setPresence(ann.id, 'available', when)).toBe(true);
    expect(agents.get(ann.id)).toMatchObject({
      presence: 'available',
      presenceChangedAt: when.toISOString(),
    });
    expect(agents.setPresence('nobody', 'away', when)).toBe(false);
  });

  it('changes nobody for an unknown id, and removes an agent from their teams too', () => {
    const { agents, teams, sales } = setup();
    expect(
      agents.save({ id: '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d', name: 'X', extension: '299', maxCalls: 1 }),
    ).toBeUndefined();
    const ann = agents.save({ name: 'Ann', extension: '201', maxCalls: 1, teamIds: [sales.id] })!;
    expect(agents.remove(ann.id)).toBe(true);
    expect(agents.remove(ann.id)).toBe(false);
    expect(agents.list()).toEqual([]);
    expect(teams.get(sales.id)?.memberIds).toEqual([]);
  });
});
