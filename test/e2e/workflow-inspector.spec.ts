import { expect, test, type Page } from '@playwright/test';
import { officePage } from './office-page.js';

/**
 * The step inspector as a manager meets it, in Debian's Chromium against the headless engine: a
 * menu's prompt and keys and an assign step's team set through the forms, the problems going as
 * they are fixed, and every value still there after a reload.
 */
const office = officePage();

const saved = (page: Page) =>
  expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
const problems = (page: Page) => page.locator('.problems li');

test('edits a menu and an assign step in the inspector, the problems go, and the draft stays', async ({
  page,
}) => {
  // No team UI yet: the team comes through the API, as another client would make it.
  await office.openWorkflows(page, { teams: ['Sales'] });
  const [team] = await office.api.result<{ id: string }[]>('teams.list', {});
  await page.getByRole('button', { name: 'Blank', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Workflow canvas' })).toBeVisible();

  // A menu, selected on arrival: its form shows its own problems at the top.
  await page.getByRole('button', { name: 'IVR buttons' }).click();
  await expect(page.getByTestId('node-ivr_buttons_1')).toBeVisible();
  const inspector = page.getByRole('complementary', { name: 'Step settings' });
  await expect(inspector.getByRole('heading', { name: 'IVR buttons' })).toBeVisible();
  await saved(page);
  const emptyPrompt = /the prompt is empty/;
  await expect(inspector.getByRole('list', { name: 'Problems with this' })).toContainText(emptyPrompt);
  await expect(problems(page).filter({ hasText: emptyPrompt })).toHaveCount(1);
  const before = await problems(page).count();

  // Writing the prompt fixes one problem.
  const prompt = inspector.getByLabel('Prompt', { exact: true });
  await prompt.fill('For sales press 1, for support press 2, for billing press 3.');
  await saved(page);
  await expect(problems(page).filter({ hasText: emptyPrompt })).toHaveCount(0);
  // The prompt announces key 3 and the menu has no button for it yet.
  await expect(problems(page).filter({ hasText: /no button for key 3/ })).toHaveCount(1);
  const withPrompt = await problems(page).count();
  expect(withPrompt).toBeLessThanOrEqual(before);

  // Adding key 3 replaces "no button" by "goes nowhere" (nothing is connected in this test).
  await inspector.getByRole('button', { name: 'Add a key' }).click();
  await expect(inspector.getByLabel('Key of button 3')).toHaveValue('3');
  await saved(page);
  await expect(problems(page).filter({ hasText: /no button for key 3/ })).toHaveCount(0);
  await expect(problems(page).filter({ hasText: /key 3 goes nowhere/ })).toHaveCount(1);
  await expect(problems(page)).toHaveCount(withPrompt);

  // An empty label means the linked step's name; key 1 gets its own.
  const label1 = inspector.getByLabel('Label for key 1');
  await expect(label1).toHaveAttribute('placeholder', 'Name of the linked step');
  await label1.fill('Sales');
  await inspector.getByLabel('Wait for a key (seconds)').fill('200');
  await inspector.getByLabel('Wait for a key (seconds)').press('Enter');
  // Clamped to the schema's limit.
  await expect(inspector.getByLabel('Wait for a key (seconds)')).toHaveValue('120');

  // An assign step: no team chosen is a problem until one is picked.
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByTestId('node-assign_1')).toBeVisible();
  await expect(inspector.getByRole('heading', { name: 'Assign' })).toBeVisible();
  await saved(page);
  const noTeam = problems(page)
    .filter({ hasText: /Step "Assign"/ })
    .filter({ hasText: /team/ });
  await expect(noTeam).toHaveCount(1);
  const withAssign = await problems(page).count();
  await inspector.getByLabel('Team', { exact: true }).selectOption({ label: 'Sales' });
  await saved(page);
  await expect(noTeam).toHaveCount(0);
  await expect(problems(page)).toHaveCount(withAssign - 1);

  // Everything is on the engine: a reload shows the same values in the forms.
  await page.reload();
  await page.getByTestId('node-ivr_buttons_1').click();
  await expect(inspector.getByLabel('Prompt', { exact: true })).toHaveValue(
    'For sales press 1, for support press 2, for billing press 3.',
  );
  await expect(inspector.getByLabel('Key of button 3')).toHaveValue('3');
  await expect(inspector.getByLabel('Label for key 1')).toHaveValue('Sales');
  await expect(inspector.getByLabel('Wait for a key (seconds)')).toHaveValue('120');
  // By keyboard: the step may sit under the minimap.
  await page.locator('.react-flow__node[data-id="assign_1"]').focus();
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { name: 'Assign' })).toBeVisible();
  await expect(inspector.getByLabel('Team', { exact: true })).toHaveValue(team!.id);
});

test('previews a prompt and edits the trigger in Korean', async ({ page }) => {
  await office.openWorkflows(page);
  await page.getByRole('button', { name: 'Blank', exact: true }).click();
  await page.getByRole('button', { name: 'Voice message' }).click();
  const inspector = page.getByRole('complementary', { name: 'Step settings' });
  await inspector.getByLabel('Message', { exact: true }).fill('Hello and welcome.');
  await inspector.getByRole('button', { name: 'Listen to Message' }).click();
  // Rendered by the engine's synthesizer and played from a Blob URL.
  await expect(inspector.locator('audio')).toHaveAttribute('src', /^blob:/, { timeout: 30_000 });

  await page.getByLabel(/Language/).selectOption('ko');
  await page.getByTestId('node-trigger').click();
  const panel = page.getByRole('complementary', { name: '단계 설정' });
  await expect(panel.getByRole('heading', { name: '시작 조건' })).toBeVisible();
  await panel.getByRole('button', { name: '달력 추가' }).click();
  await expect(panel.getByLabel('달력 이름')).toHaveValue('업무 시간 1');
  await panel.getByLabel('사용 기간').selectOption({ label: '달력에 따라' });
  await expect(panel.getByRole('region', { name: '운영 일정' }).getByLabel('달력')).toHaveValue('calendar_1');
  await expect(page.getByRole('status').filter({ hasText: '모든 변경 사항 저장됨' })).toBeVisible();
  await page.reload();
  await page.getByTestId('node-trigger').click();
  await expect(panel.getByLabel('사용 기간')).toHaveValue('calendar');
  await expect(panel.getByLabel('달력 이름')).toHaveValue('업무 시간 1');
});
