import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowDefinitionInput } from '../../../shared/workflow/workflow.js';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { openDatabase, type OpenedDatabase } from './database.js';
import { NumberBindingRepository } from './number-binding-repository.js';
import { WorkflowRepository } from './workflow-repository.js';
import { WorkflowStoreError, type WorkflowStoreErrorCode } from './workflow-store-error.js';

const migrationsDir = join(import.meta.dirname, '../../../resources/migrations');

const saying = (text: string): WorkflowDefinitionInput => ({
  trigger: { kind: 'customer_called' },
  steps: [
    { kind: 'voice_message', id: 'hello', name: 'Hello', prompt: { kind: 'tts', text, language: 'en' } },
  ],
  edges: [{ source: 'trigger', output: 'start', target: 'hello' }],
});
const waiting: WorkflowDefinitionInput = {
  trigger: { kind: 'waiting_in_queue', afterSec: 60 },
  steps: [],
  edges: [],
};

function storeError(code: WorkflowStoreErrorCode) {
  return expect.objectContaining({ name: 'WorkflowStoreError', code });
}

describe('WorkflowRepository on a real SQLite file', () => {
  let dir: ReturnType<typeof tempDir>;
  let database: OpenedDatabase;
  let repo: WorkflowRepository;
  beforeEach(() => {
    dir = tempDir();
    database = openDatabase(join(dir.path, 'db.sqlite'), migrationsDir);
    repo = new WorkflowRepository(database.db);
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('adds workflows at the bottom of the list, unpublished, with the draft defaults filled in', () => {
    const first = repo.create('Main', saying('Welcome'));
    const second = repo.create('Queue', waiting);
    expect(repo.list().map((w) => [w.name, w.priority, w.triggerKind])).toEqual([
      ['Main', 0, 'customer_called'],
      ['Queue', 1, 'waiting_in_queue'],
    ]);
    expect(first).toMatchObject({ liveVersionId: null, liveVersion: null, hasUnpublishedChanges: true });
    expect(repo.rename(first.id, 'Front desk')).toMatchObject({ name: 'Front desk', priority: 0 });
    expect(repo.get(second.id)?.draft).toEqual({
      trigger: {
        kind: 'waiting_in_queue',
        afterSec: 60,
        teamIds: [],
        repeatEverySec: null,
        filters: [],
        inputTimeoutSec: 10,
        schedule: { kind: 'always' },
      },
      steps: [],
      edges: [],
      calendars: [],
    });
  });

  it('refuses a draft of the wrong shape, one that changes the trigger kind, and unknown workflows', () => {
    const { id } = repo.create('Main', saying('Welcome'));
    const broken = { trigger: { kind: 'customer_called' }, steps: [{ kind: 'teleport' }], edges: [] };
    let thrown: unknown;
    try {
      repo.saveDraft(id, broken as unknown as WorkflowDefinitionInput);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WorkflowStoreError);
    expect(thrown).toMatchObject({
      code: 'invalid_definition',
      issues: [expect.objectContaining({ path: ['steps', 0, 'kind'] })],
    });
    expect(() => repo.saveDraft(id, waiting)).toThrow(storeError('trigger_kind_changed'));
    expect(() => repo.saveDraft('0b5e3c59-0d7c-4a5e-9d3b-2f7a3c4d5e6f', saying('x'))).toThrow(
      storeError('workflow_not_found'),
    );
    expect(() => repo.create('Bad', broken as unknown as WorkflowDefinitionInput)).toThrow(
      storeError('invalid_definition'),
    );
    expect(repo.get(id)?.draft.steps[0]).toMatchObject({ prompt: { text: 'Welcome' } });
    expect(repo.list()).toHaveLength(1);
  });

  it('numbers published versions 1, 2, … and tells whether the draft moved on from the live one', () => {
    const { id } = repo.create('Main', saying('Welcome'));
    const v1 = repo.publish(id, { note: 'first', author: 'kim' });
    expect(v1).toMatchObject({ workflowId: id, number: 1, note: 'first', author: 'kim', live: true });
    expect(repo.get(id)).toMatchObject({
      liveVersionId: v1.id,
      liveVersion: 1,
      hasUnpublishedChanges: false,
    });

    repo.saveDraft(id, saying('Welcome back'));
    expect(repo.get(id)?.hasUnpublishedChanges).toBe(true);
    // The same definition written in another key order is no change.
    repo.saveDraft(id, {
      edges: [{ target: 'hello', output: 'start', source: 'trigger' }],
      steps: [
        {
          prompt: { language: 'en', text: 'Welcome', kind: 'tts' },
          name: 'Hello',
          id: 'hello',
          kind: 'voice_message',
        },
      ],
      trigger: { kind: 'customer_called' },
    });
    expect(repo.get(id)?.hasUnpublishedChanges).toBe(false);

    repo.saveDraft(id, saying('Welcome back'));
    const v2 = repo.publish(id, { note: '', author: 'lee' });
    expect(v2.number).toBe(2);
    expect(repo.versions(id).map((v) => [v.number, v.live])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(repo.version(v1.id)?.definition.steps[0]).toMatchObject({ prompt: { text: 'Welcome' } });
    expect(repo.version(v2.id)).toMatchObject({ number: 2, live: true });
    expect(repo.liveVersions()).toEqual([
      { workflowId: id, versionId: v2.id, definition: repo.get(id)?.draft },
    ]);
  });

  it('publishes atomically: a failure inside the transaction leaves no version and the live one live', () => {
    const { id } = repo.create('Main', saying('Welcome'));
    const v1 = repo.publish(id, { note: '', author: 'kim' });
    repo.saveDraft(id, saying('Changed'));
    // Fails the second write of publish, after its version row is inserted.
    database.db.$client.exec(`
      CREATE TEMP TRIGGER fail_live BEFORE UPDATE OF live_version_id ON workflows
      BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    expect(() => repo.publish(id, { note: '', author: 'kim' })).toThrow('disk on fire');
    expect(() => repo.rollback(id, v1.id, { author: 'kim' })).toThrow('disk on fire');
    expect(repo.versions(id).map((v) => v.number)).toEqual([1]);
    expect(repo.get(id)).toMatchObject({ liveVersionId: v1.id, hasUnpublishedChanges: true });
    expect(repo.get(id)?.draft.steps[0]).toMatchObject({ prompt: { text: 'Changed' } });

    database.db.$client.exec('DROP TRIGGER temp.fail_live');
    expect(repo.publish(id, { note: '', author: 'kim' }).number).toBe(2);
  });

  it('keeps published versions immutable, even to SQL written by hand', () => {
    const { id } = repo.create('Main', saying('Welcome'));
    const v1 = repo.publish(id, { note: 'first', author: 'kim' });
    const sqlite = database.db.$client;
    expect(() => sqlite.prepare("UPDATE workflow_versions SET note = 'edited'").run()).toThrow(/immutable/);
    expect(() => sqlite.prepare('DELETE FROM workflow_versions').run()).toThrow(/immutable/);
    expect(repo.version(v1.id)).toMatchObject({ note: 'first', number: 1 });
  });

  it('rolls back by re-publishing an old version as the next one, and makes it the draft', () => {
    const { id } = repo.create('Main', saying('One'));
    const v1 = repo.publish(id, { note: '', author: 'kim' });
    repo.saveDraft(id, saying('Two'));
    repo.publish(id, { note: '', author: 'kim' });
    repo.saveDraft(id, saying('Three, unpublished'));

    const v3 = repo.rollback(id, v1.id, { author: 'lee', note: 'Two confused callers' });
    expect(v3).toMatchObject({ number: 3, author: 'lee', restoredFromId: v1.id, live: true });
    expect(repo.version(v3.id)?.definition).toEqual(repo.version(v1.id)?.definition);
    expect(repo.get(id)).toMatchObject({ liveVersion: 3, hasUnpublishedChanges: false });
    expect(repo.get(id)?.draft.steps[0]).toMatchObject({ prompt: { text: 'One' } });

    const other = repo.create('Other', saying('Other'));
    const foreign = repo.publish(other.id, { note: '', author: 'kim' });
    expect(() => repo.rollback(id, foreign.id, { author: 'lee' })).toThrow(storeError('version_not_found'));
    expect(repo.versions(id)).toHaveLength(3);
  });

  it('reorders when given every workflow exactly once, and changes nothing otherwise', () => {
    const [a, b, c] = ['A', 'B', 'C'].map((name) => repo.create(name, saying(name)).id) as [
      string,
      string,
      string,
    ];
    expect(repo.reorder([c, a, b]).map((w) => [w.name, w.priority])).toEqual([
      ['C', 0],
      ['A', 1],
      ['B', 2],
    ]);
    for (const bad of [
      [c, a],
      [c, a, b, b],
      [c, a, a],
      [c, a, b, '5f0c2f1e-8b7d-4b39-9f53-6a1f0e2d3c4b'],
    ]) {
      expect(() => repo.reorder(bad)).toThrow(storeError('bad_order'));
    }
    expect(repo.list().map((w) => w.name)).toEqual(['C', 'A', 'B']);
  });

  it('duplicates the draft right after the original: unpublished, unbound, no history, edited apart', () => {
    const [a, b, c] = ['A', 'B', 'C'].map((name) => repo.create(name, saying(name)).id) as [
      string,
      string,
      string,
    ];
    repo.saveDraft(b, {
      ...saying('B'),
      steps: [
        {
          kind: 'voice_message',
          id: 'hello',
          name: 'Hello',
          prompt: { kind: 'tts', text: 'B', language: 'en' },
          position: { x: 120, y: 40 },
        },
      ],
      calendars: [
        {
          id: 'office',
          name: 'Office hours',
          timeZone: 'Asia/Seoul',
          weekly: [{ day: 1, open: '09:00', close: '18:00' }],
          holidays: [],
          exceptions: [],
        },
      ],
    });
    repo.publish(b, { note: '', author: 'kim' });
    const bindings = new NumberBindingRepository(database.db);
    bindings.bind('0212345678', null, b);
    const original = repo.get(b);

    const copy = repo.duplicate(b, 'B (copy)');
    expect(copy.id).not.toBe(b);
    expect(copy).toMatchObject({
      name: 'B (copy)',
      triggerKind: 'customer_called',
      liveVersionId: null,
      liveVersion: null,
      hasUnpublishedChanges: true,
    });
    expect(copy.draft).toEqual(original?.draft);
    expect(repo.list().map((w) => w.id)).toEqual([a, b, copy.id, c]);
    expect(repo.list().map((w) => w.priority)).toEqual([0, 1, 2, 3]);
    expect(repo.versions(copy.id)).toEqual([]);
    expect(bindings.list().map((binding) => binding.workflowId)).toEqual([b]);
    expect(repo.get(b)).toEqual(original);

    repo.saveDraft(copy.id, saying('Changed in the copy'));
    expect(repo.get(b)?.draft).toEqual(original?.draft);
    expect(repo.duplicate(c, 'C (copy)').priority).toBe(4);
    expect(() => repo.duplicate('0b5e3c59-0d7c-4a5e-9d3b-2f7a3c4d5e6f', 'x')).toThrow(
      storeError('workflow_not_found'),
    );
  });

  it('removes a workflow from the list, routing and its numbers, keeping its versions for history', () => {
    const { id } = repo.create('Old', saying('Old'));
    const kept = repo.create('Kept', saying('Kept'));
    const v1 = repo.publish(id, { note: '', author: 'kim' });
    const bindings = new NumberBindingRepository(database.db);
    bindings.bind('0212345678', null, id);

    expect(repo.remove(id)).toBe(true);
    expect(repo.remove(id)).toBe(false);
    expect(repo.get(id)).toBeUndefined();
    expect(repo.list().map((w) => w.name)).toEqual(['Kept']);
    expect(repo.liveVersions()).toEqual([]);
    expect(bindings.list()).toEqual([]);
    expect(repo.versions(id)).toEqual([expect.objectContaining({ id: v1.id, live: false })]);
    expect(repo.version(v1.id)?.definition.steps[0]).toMatchObject({ prompt: { text: 'Old' } });
    expect(() => repo.publish(id, { note: '', author: 'kim' })).toThrow(storeError('workflow_not_found'));
    expect(() => repo.rename(id, 'Back')).toThrow(storeError('workflow_not_found'));
    expect(() => repo.saveDraft(id, saying('Back'))).toThrow(storeError('workflow_not_found'));
    expect(() => repo.rollback(id, v1.id, { author: 'kim' })).toThrow(storeError('workflow_not_found'));

    // Its place in the list is free again.
    repo.reorder([kept.id]);
    expect(repo.create('New', saying('New')).priority).toBe(1);
  });

  it('lists live versions for routing in priority order, of one trigger kind when asked', () => {
    const main = repo.create('Main', saying('Main'));
    const queue = repo.create('Queue', waiting);
    const night = repo.create('Night', saying('Night'));
    repo.create('Never published', saying('Draft'));
    for (const { id } of [main, queue, night]) repo.publish(id, { note: '', author: 'kim' });
    repo.reorder([night.id, queue.id, main.id, repo.list()[3]!.id]);
    expect(repo.liveVersions().map((v) => v.workflowId)).toEqual([night.id, queue.id, main.id]);
    expect(repo.liveVersions('customer_called').map((v) => v.workflowId)).toEqual([night.id, main.id]);
    expect(repo.liveVersions('waiting_in_queue').map((v) => v.workflowId)).toEqual([queue.id]);
  });
});
