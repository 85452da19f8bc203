import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowDefinitionInput } from '../../../shared/workflow/workflow.js';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { openDatabase, type OpenedDatabase } from './database.js';
import { LineNotFoundError } from './line-repository.js';
import { NumberBindingRepository } from './number-binding-repository.js';
import { lines } from './schema.js';
import { WorkflowRepository } from './workflow-repository.js';

const migrationsDir = join(import.meta.dirname, '../../../resources/migrations');
const called: WorkflowDefinitionInput = { trigger: { kind: 'customer_called' }, steps: [], edges: [] };
const waiting: WorkflowDefinitionInput = {
  trigger: { kind: 'waiting_in_queue', afterSec: 30 },
  steps: [],
  edges: [],
};

describe('NumberBindingRepository on a real SQLite file', () => {
  let dir: ReturnType<typeof tempDir>;
  let database: OpenedDatabase;
  let workflows: WorkflowRepository;
  let bindings: NumberBindingRepository;
  const published = (name: string, definition = called): string => {
    const { id } = workflows.create(name, definition);
    workflows.publish(id, { note: '', author: 'kim' });
    return id;
  };
  const addLine = (): string => {
    const id = randomUUID();
    const now = new Date().toISOString();
    database.db
      .insert(lines)
      .values({
        id,
        displayName: 'Line',
        registrar: 'pbx.example.com',
        username: 'office',
        transport: 'udp',
        numbers: [],
        enabled: true,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    return id;
  };
  /** As the call dispatcher chooses (filters and schedules aside): the binding, else the topmost. */
  const resolve = (lineId: string, dialled: string) =>
    bindings.bound(lineId, dialled) ?? workflows.liveVersions('customer_called')[0];
  const resolvedName = (lineId: string, dialled: string): string | undefined => {
    const version = resolve(lineId, dialled);
    return version && workflows.list().find((w) => w.id === version.workflowId)?.name;
  };

  beforeEach(() => {
    dir = tempDir();
    database = openDatabase(join(dir.path, 'db.sqlite'), migrationsDir);
    workflows = new WorkflowRepository(database.db);
    bindings = new NumberBindingRepository(database.db);
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('resolves the line binding, then the any-line binding, then the topmost "customer called" workflow', () => {
    const seoul = addLine();
    const busan = addLine();
    expect(resolve(seoul, '0212345678')).toBeUndefined();

    published('Queue music', waiting);
    published('Default');
    const anyLine = published('Sales, any line');
    const seoulOnly = published('Sales, Seoul line');
    bindings.bind('0212345678', null, anyLine);
    bindings.bind('0212345678', seoul, seoulOnly);

    expect(resolvedName(seoul, '0212345678')).toBe('Sales, Seoul line');
    expect(resolvedName(busan, '0212345678')).toBe('Sales, any line');
    expect(resolvedName(seoul, '0299999999')).toBe('Default');
    expect(bindings.bound(seoul, '0299999999')).toBeUndefined();

    const version = resolve(seoul, '0212345678');
    expect(version).toEqual({
      workflowId: seoulOnly,
      versionId: workflows.get(seoulOnly)?.liveVersionId,
      definition: workflows.get(seoulOnly)?.draft,
    });

    // The list order decides the default.
    const ids = workflows.list().map((w) => w.id);
    workflows.reorder([anyLine, ...ids.filter((id) => id !== anyLine)]);
    expect(resolvedName(busan, '0299999999')).toBe('Sales, any line');
  });

  it('passes over a binding whose workflow was never published, and unpublished defaults', () => {
    const line = addLine();
    const { id: draftOnly } = workflows.create('Draft only', called);
    bindings.bind('0212345678', line, draftOnly);
    expect(resolve(line, '0212345678')).toBeUndefined();
    published('Default');
    expect(resolvedName(line, '0212345678')).toBe('Default');
  });

  it('replaces and removes a binding, and refuses unknown lines, unknown and queue workflows', () => {
    const line = addLine();
    const first = published('First');
    const second = published('Second');
    bindings.bind('0212345678', null, first);
    bindings.bind('0212345678', line, first);
    expect(bindings.bind('0212345678', null, second)).toEqual([
      { number: '0212345678', lineId: null, workflowId: second },
      { number: '0212345678', lineId: line, workflowId: first },
    ]);
    expect(bindings.bind('0212345678', null, null)).toEqual([
      { number: '0212345678', lineId: line, workflowId: first },
    ]);

    expect(() => bindings.bind('0212345678', randomUUID(), first)).toThrow(LineNotFoundError);
    expect(() => bindings.bind('0212345678', null, randomUUID())).toThrow(
      expect.objectContaining({ code: 'workflow_not_found' }),
    );
    expect(() => bindings.bind('0212345678', null, published('Queue', waiting))).toThrow(
      expect.objectContaining({ code: 'not_callable' }),
    );
    expect(bindings.list()).toEqual([{ number: '0212345678', lineId: line, workflowId: first }]);
  });

  it('drops the bindings of a line when the line is deleted', () => {
    const line = addLine();
    bindings.bind('0212345678', line, published('Main'));
    database.db.delete(lines).where(eq(lines.id, line)).run();
    expect(bindings.list()).toEqual([]);
  });
});
