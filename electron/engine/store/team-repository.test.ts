import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/fakes/test-database.js';
import { teamRoutingSchema } from '../../../shared/domain/teams.js';
import { AgentRepository } from './agent-repository.js';
import { teams as teamsTable } from './schema.js';
import { TeamNameTakenError, TeamRepository } from './team-repository.js';

function setup() {
  const database = testDatabase();
  return {
    db: () => database.db,
    teams: () => new TeamRepository(database.db),
    agents: () => new AgentRepository(database.db),
    reopen: () => void database.reopen(),
  };
}

describe('teams', () => {
  it('creates, renames, refuses a second team of the same name, and removes', () => {
    const teams = setup().teams();
    const sales = teams.save({ name: 'Sales' })!;
    teams.save({ name: 'Support' });
    expect(() => teams.save({ name: 'Sales' })).toThrow(TeamNameTakenError);
    expect(teams.save({ id: sales.id, name: '영업팀' })).toMatchObject({ id: sales.id, name: '영업팀' });
    expect(teams.list().map((t) => t.name)).toEqual(['Support', '영업팀']);
    expect(teams.save({ id: '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d', name: 'Ghost' })).toBeUndefined();
    expect(teams.remove(sales.id)).toBe(true);
    expect(teams.list().map((t) => t.name)).toEqual(['Support']);
  });

  it('gives a new team the default queue settings', () => {
    const teams = setup().teams();
    expect(teams.save({ name: 'Sales' })?.routing).toEqual(teamRoutingSchema.parse({}));
  });

  it('keeps the queue settings across a restart, and keeps them on a rename that omits them', () => {
    const office = setup();
    const routing = teamRoutingSchema.parse({
      strategy: 'ring_all',
      wrapUpSec: 30,
      maxWaitSec: 120,
      overflow: { kind: 'workflow', workflowId: '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d' },
      awayOnNoAnswer: false,
    });
    const sales = office.teams().save({ name: 'Sales', routing })!;
    office.teams().save({ id: sales.id, name: 'Sales & Billing' });
    office.reopen();
    expect(office.teams().get(sales.id)).toMatchObject({ name: 'Sales & Billing', routing });
  });

  it('fills in the defaults of settings a stored team predates', () => {
    const office = setup();
    const sales = office.teams().save({ name: 'Sales' })!;
    office.db().update(teamsTable).set({ routing: '{"strategy":"round_robin"}' }).run();
    expect(office.teams().get(sales.id)?.routing).toEqual(
      teamRoutingSchema.parse({ strategy: 'round_robin' }),
    );
  });

  it('sets the members as a whole list, the same membership agents see', () => {
    const office = setup();
    const agents = office.agents();
    const ann = agents.save({ name: 'Ann', extension: '201', maxCalls: 1 })!;
    const bob = agents.save({ name: 'Bob', extension: '202', maxCalls: 1 })!;
    const teams = office.teams();
    const sales = teams.save({ name: 'Sales', memberIds: [ann.id, bob.id, ann.id] })!;
    expect(sales.memberIds.sort()).toEqual([ann.id, bob.id].sort());
    expect(agents.get(ann.id)?.teamIds).toEqual([sales.id]);
    expect(teams.save({ id: sales.id, name: 'Sales' })?.memberIds.sort()).toEqual([ann.id, bob.id].sort());
    expect(teams.save({ id: sales.id, name: 'Sales', memberIds: [bob.id] })?.memberIds).toEqual([bob.id]);
    expect(agents.get(ann.id)?.teamIds).toEqual([]);
  });

  it('takes a removed team out of its members’ teams', () => {
    const office = setup();
    const teams = office.teams();
    const agents = office.agents();
    const sales = teams.save({ name: 'Sales' })!;
    const ann = agents.save({ name: 'Ann', extension: '201', maxCalls: 1, teamIds: [sales.id] })!;
    teams.remove(sales.id);
    expect(agents.get(ann.id)?.teamIds).toEqual([]);
  });
});
