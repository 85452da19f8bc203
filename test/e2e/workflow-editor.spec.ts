import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot } from '../support/engine-process.js';
import { officePage } from './office-page.js';

/**
 * The workflow editor as a manager meets it, in Debian's Chromium against the headless engine:
 * a blank workflow built with the mouse, checked, published, and found again after a reload.
 */
const office = officePage();

test('builds a workflow with the mouse, sees its problems go, publishes it, and keeps the draft', async ({
  page,
}) => {
  await office.openWorkflows(page);
  await page.getByRole('button', { name: 'Blank', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Workflow canvas' })).toBeVisible();
  await expect(page.getByTestId('node-trigger')).toBeVisible();
  // An empty workflow cannot be published: the problems say why.
  await page.getByRole('button', { name: 'Voice message' }).click();
  await expect(page.getByTestId('node-voice_message_1')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish' })).toBeDisabled();
  await expect(page.locator('.problems li').first()).toBeVisible();

  // Replace it by an "End call" step, connected from the trigger's start by dragging.
  await page.getByTestId('node-voice_message_1').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-voice_message_1')).toHaveCount(0);
  await page.getByRole('button', { name: 'End call' }).click();
  const end = page.getByTestId('node-end_call_1');
  await expect(end).toBeVisible();
  await page.getByTestId('node-trigger').locator('.step-exit').dragTo(end);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByText('No problems: ready to publish.')).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  // The first publish renders the built-in sentences (a few seconds with espeak-ng).
  await expect(page.getByText('Published version 1')).toBeVisible({ timeout: 30_000 });

  // The draft is on the engine: a reload shows the same canvas.
  await page.reload();
  await expect(page.getByTestId('node-end_call_1')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await page.getByRole('link', { name: /All workflows/ }).click();
  await expect(page.getByText('Published v1')).toBeVisible();
});

test('creates a workflow from a recipe in Korean and shows its steps', async ({ page }) => {
  await office.openWorkflows(page);
  await page.getByLabel(/Language/).selectOption('ko');
  await page.getByRole('button', { name: '업무 외 시간 음성 메시지' }).click();
  await expect(page.getByRole('region', { name: '워크플로 캔버스' })).toBeVisible();
  await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
  await expect(page.locator('.step-kind').filter({ hasText: '음성 사서함' }).first()).toBeVisible();
  // The README's picture of the editor, made here so that it stays current.
  await expect(page.getByRole('status').filter({ hasText: '모든 변경 사항 저장됨' })).toBeVisible();
  await page.screenshot({ path: join(repoRoot, 'docs', 'workflow-editor.png') });
});
