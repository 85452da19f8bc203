import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoSidewaysScroll } from './accessibility-audit.js';
import { officePage } from './office-page.js';

/**
 * The workflow list as a manager meets it on a 1280×720 screen, in Debian's Chromium against
 * the headless engine: reordering by dragging with the mouse and by the keyboard, the default
 * workflow, duplicating, and deleting after a confirmation.
 */
const office = officePage();

interface WorkflowShape {
  id: string;
  draft: { steps: { id: string }[] };
}

/** The names in the list, top to bottom. */
function names(page: Page) {
  return page.locator('.workflow-main a');
}

async function listedNames(): Promise<string[]> {
  const listed = await office.api.result<{ name: string }[]>('workflows.list', {});
  return listed.map((w) => w.name);
}

/** No sideways scrolling, of the page nor of the content area (which scrolls by itself). */
async function fitsTheWindow(page: Page): Promise<void> {
  await expectNoSidewaysScroll(page);
  expect(
    await page.locator('.content').evaluate((content) => content.scrollWidth - content.clientWidth),
  ).toBe(0);
}

test('reorders by drag and by keyboard, shows the default, duplicates and deletes, at 1280×720', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The recipe hands callers to the first team: there must be one to publish it.
  await office.openWorkflows(page, { teams: ['Sales'], viewport: { width: 1280, height: 720 } });
  const first = await office.api.result<WorkflowShape>('workflows.create', {
    name: 'First',
    recipe: 'after_hours_voicemail',
    language: 'en',
  });
  await office.api.result('workflows.create', { name: 'Second' });
  await office.api.result('workflows.create', { name: 'Third' });
  await page.reload();
  await expect(names(page)).toHaveText(['First', 'Second', 'Third']);
  await fitsTheWindow(page);

  // Drag the third row by its handle above the first, with the mouse: the line shows where it lands.
  const handle = page.getByRole('img', { name: 'Drag to reorder Third' });
  const top = (await page.locator('.workflow-row').first().boundingBox())!;
  await handle.hover();
  await page.mouse.down();
  await page.mouse.move(top.x + top.width / 2, top.y + top.height / 2, { steps: 5 });
  await page.mouse.move(top.x + top.width / 2, top.y + 4, { steps: 5 });
  await expect(page.locator('.workflow-row').first()).toHaveClass(/drop-before/);
  await page.mouse.up();
  await expect(names(page)).toHaveText(['Third', 'First', 'Second']);
  await expect(page.locator('.drop-before, .drop-after')).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: '"Third" moved to position 1 of 3' }),
  ).toBeAttached();
  await expect.poll(listedNames).toEqual(['Third', 'First', 'Second']);
  await page.reload();
  await expect(names(page)).toHaveText(['Third', 'First', 'Second']);

  // The keyboard way: the up button keeps the focus when its row reaches the top.
  const up = page.getByRole('button', { name: 'Move First up' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(names(page)).toHaveText(['First', 'Third', 'Second']);
  await expect(up).toBeFocused();
  await expect(up).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await expect(names(page)).toHaveText(['First', 'Third', 'Second']);
  await expect.poll(listedNames).toEqual(['First', 'Third', 'Second']);

  // Published, the topmost "customer called" workflow is the default one.
  await expect(page.getByText('Default', { exact: true })).toHaveCount(0);
  await office.api.result('workflows.publish', { id: first.id }, 60_000);
  await page.reload();
  await expect(page.locator('.workflow-row').first().getByText('Default', { exact: true })).toBeVisible();

  // Duplicate: the copy comes right below its original, unpublished, with the same steps.
  await page.getByRole('button', { name: 'Duplicate First' }).click();
  await expect(names(page)).toHaveText(['First', 'First (copy)', 'Third', 'Second']);
  await expect(
    page.getByRole('status').filter({ hasText: 'Duplicated "First" as "First (copy)"' }),
  ).toBeAttached();
  await expect(page.locator('.workflow-row').nth(1)).toContainText('Draft');
  await expect(page.locator('.workflow-row').nth(1)).not.toContainText('Default');
  await fitsTheWindow(page);
  await expectAccessible(page, 'the workflow list with a default, a draft and a fresh copy');
  await page.getByRole('link', { name: 'Open First (copy)' }).click();
  await expect(page.getByRole('region', { name: 'Workflow canvas' })).toBeVisible();
  expect(first.draft.steps.length).toBeGreaterThan(0);
  for (const step of first.draft.steps) await expect(page.getByTestId(`node-${step.id}`)).toBeVisible();
  await page.getByRole('link', { name: /All workflows/ }).click();

  // Delete asks first: cancelling keeps the workflow, confirming removes it.
  const remove = page.getByRole('button', { name: 'Delete Second' });
  page.once('dialog', (dialog) => void dialog.dismiss());
  await remove.click();
  await expect(names(page)).toHaveText(['First', 'First (copy)', 'Third', 'Second']);
  page.once('dialog', (dialog) => void dialog.accept());
  await remove.click();
  await expect(names(page)).toHaveText(['First', 'First (copy)', 'Third']);
  await expect.poll(listedNames).toEqual(['First', 'First (copy)', 'Third']);
  await fitsTheWindow(page);
});
