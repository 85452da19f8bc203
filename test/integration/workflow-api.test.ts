import { describe, expect, it } from 'vitest';
import { engineWithApi } from '../support/engine-api.js';

/**
 * A manager's workflow life cycle through the real engine's API: a recipe for the office's
 * teams, a test call on it with a settable clock and queue, publish, a change and its diff,
 * a refused publish that says why, versions and rollback.
 */
describe('workflows over the API', () => {
  const running = engineWithApi();

  interface WorkflowShape {
    id: string;
    draft: { steps: { id: string; kind: string; prompt?: { text: string } }[] };
    issues: { severity: string; code: string; stepId?: string }[];
  }

  let workflow: WorkflowShape;
  const teamIds: string[] = [];
  let v1: string;

  it('creates the "design the IVR experience" recipe for the office’s teams, ready to publish', async () => {
    for (const name of ['영업팀', '고객지원팀'])
      teamIds.push((await running.api.result<{ id: string }>('teams.save', { name })).id);
    workflow = await running.api.result<WorkflowShape>('workflows.create', {
      recipe: 'ivr_experience',
      language: 'ko',
    });
    expect(workflow.issues.filter((i) => i.severity === 'error')).toEqual([]);
    v1 = (
      await running.api.result<{ id: string; number: number }>('workflows.publish', {
        id: workflow.id,
        note: '첫 버전',
      })
    ).id;
  }, 60_000);

  it('runs a test call on a weekday morning: key 1 reaches a team with an agent free', async () => {
    const free = { agentsAvailable: 1, callsWaiting: 0, longestWaitSec: 0 };
    let state = await running.api.result<{ id: string; path: string[]; transcript: { kind: string }[] }>(
      'simulator.start',
      {
        version: { versionId: v1 },
        startAt: '2026-11-24T10:00:00+09:00',
        queues: Object.fromEntries(teamIds.map((id) => [id, free])),
      },
    );
    state = await running.api.result('simulator.press', { id: state.id, digit: '1' });
    state = await running.api.result('simulator.advance', { id: state.id, ms: 1000 });
    expect(state.path).toEqual(['hours', 'menu', 'sales']);
    expect(state.transcript).toContainEqual(
      expect.objectContaining({ kind: 'assign', outcome: 'connected' }),
    );
    const night = await running.api.result<{ id: string; path: string[] }>('simulator.start', {
      version: { draftOf: workflow.id },
      startAt: '2026-11-29T23:00:00+09:00',
    });
    expect(
      (await running.api.result<{ path: string[] }>('simulator.advance', { id: night.id, ms: 30_000 })).path,
    ).toEqual(['hours', 'closed', 'bye']);
  });

  it('refuses to publish a menu whose prompt does not announce a key it has, naming the step', async () => {
    const draft = structuredClone(workflow.draft);
    const menu = draft.steps.find((s) => s.id === 'menu')!;
    menu.prompt!.text = '영업 문의는 1번을 눌러 주세요.';
    await running.api.result('workflows.saveDraft', { id: workflow.id, definition: draft });
    const refused = await running.api.call('workflows.publish', { id: workflow.id }, 60_000);
    expect(refused).toMatchObject({ t: 'err', error: { code: 'CONFLICT' } });
    const issues = (
      refused.error as { data: { issues: { code: string; stepId: string; text: { ko: string } }[] } }
    ).data.issues;
    expect(issues).toContainEqual(expect.objectContaining({ code: 'button_not_announced', stepId: 'menu' }));
  });

  it('shows what changed against the live version, publishes, and rolls back', async () => {
    const draft = structuredClone(workflow.draft);
    draft.steps.find((s) => s.id === 'menu')!.prompt!.text =
      '영업 문의는 1번, 고객 지원은 2번을 눌러 주세요. 다시 들으시려면 별표를 눌러 주세요.';
    await running.api.result('workflows.saveDraft', { id: workflow.id, definition: draft });
    const diff = await running.api.result<{
      prompts: { stepId: string }[];
      steps: { changed: { id: string }[] };
    }>('workflows.diff', {
      from: { versionId: v1 },
      to: { draftOf: workflow.id },
    });
    expect(diff.steps.changed.map((c) => c.id)).toEqual(['menu']);
    expect(diff.prompts.map((p) => p.stepId)).toEqual(['menu']);
    await running.api.result('workflows.publish', { id: workflow.id, note: '멘트 수정' });
    const rolled = await running.api.result<{ number: number }>('workflows.rollback', {
      id: workflow.id,
      versionId: v1,
    });
    expect(rolled.number).toBe(3);
    const versions = await running.api.result<{ number: number; live: boolean }[]>('workflows.versions', {
      id: workflow.id,
    });
    expect(versions.map((v) => [v.number, v.live])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    const [listed] = await running.api.result<{ liveVersion: number; hasUnpublishedChanges: boolean }[]>(
      'workflows.list',
      {},
    );
    expect(listed).toMatchObject({ liveVersion: 3, hasUnpublishedChanges: false });
  }, 60_000);

  it('duplicates the draft under a name in the manager’s language, after the original, unpublished', async () => {
    const copy = await running.api.result<WorkflowShape & { name: string; liveVersion: number | null }>(
      'workflows.duplicate',
      { id: workflow.id, language: 'ko' },
    );
    const original = await running.api.result<WorkflowShape & { name: string }>('workflows.get', {
      id: workflow.id,
    });
    expect(copy).toMatchObject({ name: `${original.name} (사본)`, liveVersion: null, draft: original.draft });
    const listed = await running.api.result<{ id: string }[]>('workflows.list', {});
    expect(listed.map((w) => w.id)).toEqual([workflow.id, copy.id]);
    expect(await running.api.result('workflows.versions', { id: copy.id })).toEqual([]);

    // A name at the length limit is cut short so the copy's name is still one the editor can save.
    const long = await running.api.result<{ id: string }>('workflows.create', { name: 'x'.repeat(80) });
    const longCopy = await running.api.result<{ name: string }>('workflows.duplicate', {
      id: long.id,
      language: 'en',
    });
    expect(longCopy.name).toBe(`${'x'.repeat(73)} (copy)`);

    for (const [params, code] of [
      [{ id: '0b5e3c59-0d7c-4a5e-9d3b-2f7a3c4d5e6f' }, 'NOT_FOUND'],
      [{ id: workflow.id, name: 'Mine' }, 'INVALID_PARAMS'],
    ] as const) {
      expect(await running.api.call('workflows.duplicate', params)).toMatchObject({
        t: 'err',
        error: { code },
      });
    }
  });
});
