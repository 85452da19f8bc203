import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { settingsSchema } from '../../../shared/domain/settings.js';
import { createFromRecipe } from '../../../shared/workflow/recipes.js';
import { PromptLibrary } from '../audio/prompt-library.js';
import { WorkflowPublisher } from '../flow/workflow-publisher.js';
import { openDatabase, type OpenedDatabase } from '../store/database.js';
import { LineRepository } from '../store/line-repository.js';
import { NumberBindingRepository } from '../store/number-binding-repository.js';
import { PromptRepository } from '../store/prompt-repository.js';
import { plainFileCipher, SecretStore } from '../store/secret-store.js';
import { TeamRepository } from '../store/team-repository.js';
import { WorkflowRepository } from '../store/workflow-repository.js';
import { provision, ProvisioningError, type ProvisioningTargets } from './provision.js';

const migrationsDir = join(import.meta.dirname, '../../../resources/migrations');

describe('provision --config FILE', () => {
  let dir: ReturnType<typeof tempDir>;
  let database: OpenedDatabase;
  let lines: LineRepository;
  let targets: ProvisioningTargets;
  const write = (name: string, body: unknown) => {
    const file = join(dir.path, name);
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  };

  beforeEach(() => {
    dir = tempDir();
    database = openDatabase(join(dir.path, 'db.sqlite'), migrationsDir);
    lines = new LineRepository(database.db, new SecretStore(join(dir.path, 's.json'), plainFileCipher));
    const workflows = new WorkflowRepository(database.db);
    // Speech is not under test here: every text renders as 100 ms of silence.
    const library = new PromptLibrary({
      ttsDir: join(dir.path, 'tts'),
      synthesize: async () => ({ pcm: new Int16Array(800), durationMs: 100 }),
      uploadedFile: () => undefined,
    });
    const publisher = new WorkflowPublisher({
      workflows,
      lines,
      prompts: new PromptRepository(database.db),
      teams: new TeamRepository(database.db),
      library,
      // The defaults of a new install.
      settings: () => settingsSchema.parse({}),
    });
    targets = { lines, workflows, bindings: new NumberBindingRepository(database.db), publisher };
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('creates lines once and updates them on a second run', async () => {
    const file = write('office.json', {
      lines: [
        {
          displayName: 'Main',
          registrar: '10.0.0.1',
          username: 'office',
          password: 'pw',
          numbers: ['021234567'],
        },
      ],
    });
    expect(await provision(file, targets)).toMatchObject({ created: 1, updated: 0 });
    expect(await provision(file, targets)).toMatchObject({ created: 0, updated: 1 });
    expect(lines.list()).toHaveLength(1);
    expect(lines.list()[0]).toMatchObject({ displayName: 'Main', numbers: ['021234567'] });
  });

  it('names the file, the JSON path and the problem, and changes nothing', async () => {
    const file = write('bad.json', {
      lines: [
        { displayName: 'Main', registrar: '10.0.0.1', username: 'office', password: 'pw' },
        {
          displayName: 'Second',
          registrar: 'no spaces allowed',
          username: 'x',
          password: 'pw',
          transport: 'sctp',
        },
      ],
    });
    const error = await provision(file, targets).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProvisioningError);
    const message = (error as Error).message;
    expect(message).toContain(`${file}: lines[1].registrar: Use host or host:port`);
    expect(message).toContain(`${file}: lines[1].transport:`);
    expect(lines.list()).toEqual([]);
  });

  it('reports unparsable JSON and unknown keys', async () => {
    await expect(provision(write('broken.json', '{"lines": ['), targets)).rejects.toThrow(
      /broken\.json: not valid JSON/,
    );
    await expect(provision(write('typo.json', { line: [] }), targets)).rejects.toThrow(
      /typo\.json: \(top level\): Unrecognized key/,
    );
    await expect(provision(join(dir.path, 'missing.json'), targets)).rejects.toThrow(
      /missing\.json: cannot read/,
    );
  });

  const ivr = () =>
    createFromRecipe('booking_lookup', { language: 'en', timeZone: 'Asia/Seoul', officeName: '', teams: [] })
      .definition;
  /** The booking recipe with its team step replaced by a goodbye: valid with no teams yet. */
  const publishable = () => {
    const definition = ivr();
    return {
      ...definition,
      steps: definition.steps.map((step) =>
        step.kind === 'assign' ? { kind: 'end_call' as const, id: step.id, name: 'Bye', prompt: null } : step,
      ),
    };
  };

  it('imports workflows, publishes them and binds numbers; a second run changes nothing', async () => {
    const file = write('ivr.json', {
      lines: [{ displayName: 'Main', registrar: '10.0.0.1', username: 'office', password: 'pw' }],
      workflows: [{ name: 'Bookings', definition: publishable() }],
      numbers: [
        { number: '0212345678', workflow: 'Bookings' },
        { number: '0299999999', workflow: 'Bookings', line: { registrar: '10.0.0.1', username: 'office' } },
      ],
    });
    expect(await provision(file, targets)).toEqual({
      created: 1,
      updated: 0,
      workflowsCreated: 1,
      workflowsUpdated: 0,
      published: 1,
      numbersBound: 2,
    });
    const [workflow] = targets.workflows.list();
    expect(workflow).toMatchObject({ name: 'Bookings', liveVersion: 1, hasUnpublishedChanges: false });
    const lineId = lines.list()[0]!.id;
    expect(targets.bindings.bound(lineId, '0299999999')?.workflowId).toBe(workflow!.id);
    expect(await provision(file, targets)).toMatchObject({ workflowsUpdated: 1, published: 0 });
    expect(targets.workflows.versions(workflow!.id)).toHaveLength(1);
  });

  it('refuses a workflow that cannot run, saying why, and writes nothing at all', async () => {
    const file = write('bad-ivr.json', {
      lines: [{ displayName: 'Main', registrar: '10.0.0.1', username: 'office', password: 'pw' }],
      workflows: [{ name: 'Bookings', definition: ivr() }],
    });
    const error = await provision(file, targets).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProvisioningError);
    expect((error as Error).message).toMatch(/bad-ivr\.json: workflows\[0\] "Bookings": .*problem/);
    expect((error as Error).message).toMatch(/choose a team/i);
    expect(lines.list()).toEqual([]);
    expect(targets.workflows.list()).toEqual([]);
  });

  it('refuses a number bound to a workflow that does not exist', async () => {
    const file = write('numbers.json', { numbers: [{ number: '0212345678', workflow: 'Nope' }] });
    await expect(provision(file, targets)).rejects.toThrow(
      /numbers\[0\]\.workflow: no workflow named "Nope"/,
    );
  });
});
