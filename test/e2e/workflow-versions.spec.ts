import { expect, test, type Page } from '@playwright/test';
import type { RawApiClient } from '../support/ws-client.js';
import { officePage } from './office-page.js';

/**
 * Publishing with notes, comparing versions, rolling back and binding a number, as a manager
 * does it in Debian's Chromium against the headless engine. The engine renders every prompt on
 * publish (espeak-ng), hence the longer waits after each publish.
 */
const office = officePage();

const PUBLISH_MS = 30_000;

interface WorkflowShape {
  id: string;
  name: string;
  draft: { steps: { id: string; prompt?: unknown }[] };
  issues: { severity: string }[];
}

async function start(page: Page): Promise<RawApiClient> {
  // The callback recipe hands callers to the first team: there must be one.
  await office.openWorkflows(page, { teams: ['Sales'], viewport: { width: 1400, height: 900 } });
  return office.api;
}

async function publishWithNote(page: Page, note: string, version: number): Promise<void> {
  const drawer = page.getByRole('region', { name: 'Versions' });
  await drawer.getByLabel('What changed (optional)').fill(note);
  await drawer.getByRole('button', { name: 'Publish with note' }).click();
  await expect(drawer.getByText(`Published version ${version}`)).toBeVisible({ timeout: PUBLISH_MS });
}

test('publishes with notes, compares two versions on the list and the canvas, rolls back, binds a number', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const client = await start(page);
  await page.getByRole('button', { name: 'Callback when busy' }).click();
  await expect(page.getByTestId('node-offer')).toBeVisible();
  const id = /#\/workflows\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(id).toBeDefined();

  // v1, with a note, from the drawer's own publish form.
  await page.getByRole('button', { name: 'Versions' }).click();
  const drawer = page.getByRole('region', { name: 'Versions' });
  await expect(drawer.getByText('Not published yet.')).toBeVisible();
  await publishWithNote(page, 'First version', 1);

  // A new offer prompt, written in the inspector as a manager would.
  await page.reload();
  await page.getByTestId('node-offer').click();
  const inspector = page.getByRole('complementary', { name: 'Step settings' });
  await inspector.getByLabel('Prompt', { exact: true }).fill('Press 1 for a callback, or press 2 to hold.');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const workflow = await client.result<WorkflowShape>('workflows.get', { id });
  expect(workflow.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('node-offer')).toContainText('Press 1 for a callback, or press 2 to hold.');
  await page.getByRole('button', { name: 'Versions' }).click();
  await publishWithNote(page, 'Shorter offer', 2);

  // Both versions, newest first, with their notes; v2 is live.
  const items = drawer.locator('.version-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('v2');
  await expect(items.nth(0)).toContainText('Shorter offer');
  await expect(items.nth(0)).toContainText('Live');
  await expect(items.nth(1)).toContainText('v1');
  await expect(items.nth(1)).toContainText('First version');

  // v1 → v2: the list names the change, the canvas marks the step.
  await drawer.getByLabel('From', { exact: true }).selectOption({ label: 'v1' });
  await drawer.getByLabel('To', { exact: true }).selectOption({ label: 'v2' });
  await drawer.getByRole('button', { name: 'Show changes' }).click();
  const changes = drawer.getByRole('region', { name: 'Changes from v1 to v2' });
  await expect(changes.getByText('Changed step: Offer a callback (prompt)')).toBeVisible();
  await expect(
    changes.getByText(
      /Offer a callback says: “All our staff are busy.*” → “Press 1 for a callback, or press 2 to hold\.”/,
    ),
  ).toBeVisible();
  await expect(page.getByTestId('node-offer')).toHaveClass(/tone-changed/);
  await expect(page.getByTestId('node-bye')).not.toHaveClass(/tone-/);

  // Closing the drawer takes the marks off the canvas.
  await drawer.getByRole('button', { name: 'Close versions' }).click();
  await expect(page.getByTestId('node-offer')).not.toHaveClass(/tone-changed/);

  // Roll back to v1, confirmed: it comes back as v3, and the canvas shows v1's words again.
  await page.getByRole('button', { name: 'Versions' }).click();
  let confirmation = '';
  page.once('dialog', (dialog) => {
    confirmation = dialog.message();
    void dialog.accept();
  });
  await drawer.getByRole('button', { name: 'Roll back to v1' }).click();
  await expect(drawer.getByText('Restored v1 as v3')).toBeVisible({ timeout: PUBLISH_MS });
  expect(confirmation).toContain('Roll back to v1?');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('v3');
  await expect(items.nth(0)).toContainText('Restored from v1');
  await expect(items.nth(0)).toContainText('Live');
  await expect(page.getByTestId('node-offer')).toContainText('All our staff are busy');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  // Numbers answer "customer called" workflows only (the callback one runs while waiting).
  const main = await client.result<WorkflowShape>('workflows.create', {
    recipe: 'ivr_experience',
    language: 'en',
  });
  await page.getByRole('link', { name: 'Numbers' }).click();
  await expect(page.getByText('No numbers bound yet.')).toBeVisible();
  const workflowSelect = page.getByLabel('Workflow', { exact: true });
  await expect(workflowSelect.locator('option')).toHaveText(['Choose a workflow', main.name]);

  // The engine's check shows under the field.
  await page.getByLabel('Number', { exact: true }).fill('02-1234');
  await workflowSelect.selectOption({ label: main.name });
  await page.getByRole('button', { name: 'Bind', exact: true }).click();
  await expect(page.getByText('Digits only, optionally starting with +')).toBeVisible();
  await expect(page.getByLabel('Number', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Number', { exact: true }).fill('0212345678');
  await page.getByRole('button', { name: 'Bind', exact: true }).click();
  await expect(page.getByText(`0212345678 now goes to ${main.name}.`)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '0212345678' });
  await expect(row).toContainText('Any line');
  await expect(row).toContainText(main.name);
  await expect(page.getByLabel('Number', { exact: true })).not.toHaveAttribute('aria-invalid');

  // The workflows list shows the number on the workflow's row.
  await page.getByRole('link', { name: 'Workflows' }).click();
  await expect(page.locator('.workflow-row').filter({ hasText: main.name })).toContainText(
    'Numbers: 0212345678',
  );

  // Unbinding takes it away again.
  await page.getByRole('link', { name: 'Numbers' }).click();
  await page.getByRole('button', { name: 'Unbind 0212345678' }).click();
  await expect(page.getByText('No numbers bound yet.')).toBeVisible();
});
