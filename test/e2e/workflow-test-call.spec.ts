import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CallEventLog, type CallEvent } from '../../electron/engine/store/call-event-log.js';
import { openDatabase } from '../../electron/engine/store/database.js';
import { repoRoot } from '../support/engine-process.js';
import { officePage } from './office-page.js';

/**
 * The editor's test call and canvas analytics, in Debian's Chromium against the headless engine:
 * the "Main IVR with office hours" recipe called on a weekday morning and on a Sunday night,
 * then real-call analytics (call_events rows written into the engine's own SQLite file) drawn on
 * the canvas with the numbers the API reports.
 */
const office = officePage();

/** Starting a call renders its prompts with espeak-ng the first time: a few seconds. */
const RENDERING = { timeout: 30_000 };

async function openRecipeWithTeam(page: Page): Promise<string> {
  await office.openWorkflows(page, { teams: ['Sales'], viewport: { width: 1400, height: 900 } });
  await page.getByRole('button', { name: 'Main IVR with office hours' }).click();
  await expect(page.getByRole('region', { name: 'Workflow canvas' })).toBeVisible();
  await expect(page.getByTestId('node-menu')).toBeVisible();
  const id = /\/workflows\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no workflow id in ${page.url()}`);
  return id;
}

test('calls the draft on a weekday and on a Sunday night, following it on the canvas', async ({ page }) => {
  await openRecipeWithTeam(page);
  await page.getByRole('button', { name: 'Test call' }).click();
  const panel = page.getByRole('region', { name: 'Test call and analytics' });
  const transcript = panel.getByRole('region', { name: 'Transcript' });
  await expect(panel.getByRole('tab', { name: 'Test call' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('row', { name: /Sales/ })).toBeVisible();

  // Monday 2 June 2025, 10:00 in Seoul: open.
  await panel.getByLabel('Clock (Asia/Seoul)').fill('2025-06-02T10:00');
  await panel.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(transcript.getByText(/For sales, press 1/)).toBeVisible(RENDERING);
  await expect(panel.getByRole('status')).toContainText('In “Main menu”');
  await expect(panel.getByRole('status')).toContainText('10:00');
  await expect(page.getByTestId('node-menu')).toHaveClass(/tone-current/);
  await expect(page.getByTestId('node-hours')).toHaveClass(/tone-visited/);
  await expect(page.getByTestId('node-closed')).not.toHaveClass(/tone-/);
  await expect(page.locator('.react-flow__edge.edge-visited')).toHaveCount(2);

  // A key typed on the keyboard while the panel has focus.
  await panel.locator('.test-call').focus();
  await page.keyboard.press('1');
  await expect(transcript.getByText('You pressed 1')).toBeVisible();
  await expect(transcript.getByText('Assigned to Sales: connected')).toBeVisible();
  // Put through, the caller stays on the line (in the step) until someone hangs up.
  await expect(panel.getByRole('status')).toContainText('In “Sales”');
  await expect(page.getByTestId('node-sales')).toHaveClass(/tone-current/);
  await expect(page.getByTestId('node-menu')).toHaveClass(/tone-visited/);
  await expect(page.getByTestId('node-menu')).not.toHaveClass(/tone-current/);

  // Restart in one click: a fresh call, and the keypad's buttons.
  await panel.getByRole('button', { name: 'Restart' }).click();
  await expect(transcript.getByText('You pressed 1')).toHaveCount(0);
  await expect(transcript.getByText(/For sales, press 1/)).toBeVisible();
  await expect(page.getByTestId('node-menu')).toHaveClass(/tone-current/);
  await expect(page.getByTestId('node-sales')).not.toHaveClass(/tone-/);
  await panel.getByRole('group', { name: 'Keypad' }).getByRole('button', { name: '2', exact: true }).click();
  await expect(transcript.getByText('You pressed 2')).toBeVisible();
  await expect(page.getByTestId('node-support')).toHaveClass(/tone-current/);
  await panel.getByRole('button', { name: 'Hang up' }).click();
  await expect(panel.getByRole('status')).toContainText('Call ended: put through');
  await expect(transcript.getByText('You hung up')).toBeVisible();
  await expect(page.getByTestId('node-support')).toHaveClass(/tone-visited/);

  // Sunday 1 June 2025, 22:00: closed.
  await panel.getByLabel('Clock (Asia/Seoul)').fill('2025-06-01T22:00');
  await panel.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(transcript.getByText(/We are open weekdays/)).toBeVisible(RENDERING);
  await expect(page.getByTestId('node-closed')).toHaveClass(/tone-current/);
  await expect(page.getByTestId('node-menu')).not.toHaveClass(/tone-/);
  await expect(panel.getByRole('status')).toContainText('22:00');
  // Waiting lets the message play out; the workflow then ends the call.
  await panel.getByRole('button', { name: 'Wait 30 s' }).click();
  await expect(panel.getByRole('status')).toContainText('Call ended: the workflow ended the call');
  await expect(page.getByTestId('node-bye')).toHaveClass(/tone-visited/);

  // Closing the panel clears the canvas.
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.step-node[class*="tone-"]')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge.edge-visited')).toHaveCount(0);
});

test('draws real calls’ analytics on the canvas', async ({ page }) => {
  const workflowId = await openRecipeWithTeam(page);
  seedCalls(workflowId);

  await page.getByRole('button', { name: 'Test call' }).click();
  const panel = page.getByRole('region', { name: 'Test call and analytics' });
  await panel.getByRole('tab', { name: 'Analytics' }).click();
  await expect(panel.getByRole('status')).toHaveText('10 calls');

  // The badges say what 'analytics.steps' says for the range the panel shows.
  const from = await panel.getByLabel('From').inputValue();
  const to = await panel.getByLabel('To').inputValue();
  const stats = await office.api.result<{
    steps: { stepId: string; reached: number; droppedHere: number }[];
  }>('analytics.steps', {
    workflowId,
    from: new Date(`${from}T00:00:00+09:00`).toISOString(),
    to: new Date(new Date(`${to}T00:00:00+09:00`).getTime() + 86_400_000).toISOString(),
  });
  expect(stats.steps.find((s) => s.stepId === 'menu')).toMatchObject({ reached: 8, droppedHere: 3 });
  for (const step of stats.steps) {
    await expect(page.getByTestId(`node-${step.stepId}`).locator('.step-badge')).toHaveText(
      `${step.reached} reached · ${step.droppedHere} dropped`,
    );
  }
  await expect(page.getByTestId('node-support').locator('.step-badge')).toHaveText('0 reached · 0 dropped');
  await expect(page.getByTestId('node-trigger').locator('.step-badge')).toHaveText('10 calls');
  await expect(page.getByTestId('node-menu')).toHaveClass(/tone-hot/);
  const worst = panel.getByRole('region', { name: 'Where callers hang up' }).getByRole('listitem');
  await expect(worst).toHaveText(['Main menu: 3 of 8 (38%)', 'After hours: 1 of 2 (50%)']);

  // Edges widen with traffic: the trigger's (every call) is the widest.
  const edgeOf = (source: string, target: string) =>
    page
      .locator(`.react-flow__edge[data-id="edge-${edgeIndex(source, target)}"] .react-flow__edge-path`)
      .first();
  await expect(edgeOf('trigger', 'hours')).toHaveCSS('stroke-width', '8px');
  await expect(edgeOf('menu', 'support')).toHaveCSS('stroke-width', '1px');

  // Nothing in an earlier range.
  await panel.getByLabel('From').fill('2020-01-01');
  await panel.getByLabel('To').fill('2020-01-31');
  await expect(panel.getByRole('status')).toHaveText('0 calls');
  await expect(page.getByTestId('node-menu').locator('.step-badge')).toHaveText('0 reached · 0 dropped');
});

/** Edge order of the recipe's definition (shared/workflow/recipes.ts). */
function edgeIndex(source: string, target: string): number {
  const edges = [
    ['trigger', 'hours'],
    ['hours', 'menu'],
    ['hours', 'closed'],
    ['menu', 'sales'],
    ['menu', 'support'],
  ];
  return edges.findIndex(([s, t]) => s === source && t === target);
}

/**
 * Ten real calls an hour ago, as the interpreter logs them: 8 reach the menu (5 press 1, 3 hang
 * up there), 2 get the after-hours message (1 hangs up during it, 1 hears it out).
 */
function seedCalls(workflowId: string): void {
  const database = openDatabase(join(office.dir, 'switchboard.db'), join(repoRoot, 'resources/migrations'));
  const log = new CallEventLog(database.db);
  const versionId = randomUUID();
  let at = Date.now() - 3_600_000;
  const call = (steps: [stepId: string, leftBy: string | null][], ended: string) => {
    const callId = randomUUID();
    const event = (e: Omit<CallEvent, 'callId' | 'workflowId' | 'versionId' | 'at'>) =>
      log.append({ callId, workflowId, versionId, at: new Date((at += 1000)), ...e });
    event({ stepId: null, kind: 'call_started' });
    for (const [stepId, leftBy] of steps) {
      event({ stepId, kind: 'entered' });
      if (leftBy) event({ stepId, kind: 'left', outcome: leftBy });
    }
    event({ stepId: null, kind: 'call_ended', outcome: ended });
  };
  try {
    for (let i = 0; i < 5; i++)
      call(
        [
          ['hours', 'branch:open'],
          ['menu', 'key:1'],
          ['sales', 'connected'],
        ],
        'connected',
      );
    for (let i = 0; i < 3; i++)
      call(
        [
          ['hours', 'branch:open'],
          ['menu', 'hangup'],
        ],
        'caller-hung-up',
      );
    call(
      [
        ['hours', 'no_match'],
        ['closed', 'hangup'],
      ],
      'caller-hung-up',
    );
    call(
      [
        ['hours', 'no_match'],
        ['closed', 'next'],
        ['bye', 'ended'],
      ],
      'ended-by-workflow',
    );
  } finally {
    database.close();
  }
}
