import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { openDatabase } from './database.js';
import { TeamNameTakenError, TeamRepository } from './team-repository.js';

describe('teams', () => {
  it('creates, renames, refuses a second team of the same name, and removes', () => {
    const dir = tempDir();
    const database = openDatabase(
      join(dir.path, 'db.sqlite'),
      join(import.meta.dirname, '../../../resources/migrations'),
    );
    const teams = new TeamRepository(database.db);
    const sales = teams.save({ name: 'Sales' })!;
    teams.save({ name: 'Support' });
    expect(() => teams.save({ name: 'Sales' })).toThrow(TeamNameTakenError);
    expect(teams.save({ id: sales.id, name: '영업팀' })).toMatchObject({ id: sales.id, name: '영업팀' });
    expect(teams.list().map((t) => t.name)).toEqual(['Support', '영업팀']);
    expect(teams.save({ id: '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d', name: 'Ghost' })).toBeUndefined();
    expect(teams.remove(sales.id)).toBe(true);
    expect(teams.list().map((t) => t.name)).toEqual(['Support']);
    database.close();
    dir.remove();
  });
});
