import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { repoRoot } from '../support/engine-process.js';
import { officePage } from './office-page.js';

/**
 * The seed office's "routing by inquiry type" IVR, built from a blank workflow with the mouse as
 * a manager would: office-hours branch → menu (1 reservations team, 2 voicemail then end,
 * * replays) → after-hours message. The problems the editor shows are fixed one by one; then it is
 * published, bound to a number, and called in the simulator by day and by night.
 */
const office = officePage();

/** Starting a call renders its prompts with espeak-ng the first time: a few seconds. */
const RENDERING = { timeout: 30_000 };

const MENU_PROMPT = 'For reservations, press 1. To leave a message, press 2. To hear this again, press star.';

test('builds the inquiry-type IVR from blank, fixes its problems, publishes, binds and calls it', async ({
  page,
}) => {
  // A whole build by hand, a publish and three test calls: more than one page's worth of time.
  test.setTimeout(120_000);
  await office.openWorkflows(page, { teams: ['Reservations'] });
  await page.getByRole('button', { name: 'Blank', exact: true }).click();
  const canvas = page.getByRole('region', { name: 'Workflow canvas' });
  await expect(canvas).toBeVisible();
  const inspector = page.getByRole('complementary', { name: 'Step settings' });
  const problems = page.locator('.problems li');

  // The office-hours branch: its calendar (weekdays 09–18 in the office's zone) comes with it.
  await addStep(page, 'Branch', 'branch_1', 'Office hours?');
  await inspector.getByRole('button', { name: 'Add a branch' }).click();
  await inspector.getByLabel('Name of branch 1').fill('Open');
  await inspector.getByLabel('Add a condition to Open').selectOption({ label: 'Office hours' });
  await expect(inspector.getByLabel('Calendar', { exact: true })).toHaveValue('calendar_1');
  await expect(inspector.getByLabel('The office is')).toHaveValue('open');

  // The menu: its keys and what it says (the prompt names 1 and 2, which the editor checks).
  await addStep(page, 'IVR buttons', 'ivr_buttons_1', 'Main menu');
  await inspector.getByLabel('Prompt', { exact: true }).fill(MENU_PROMPT);
  // A new menu comes with keys 1 and 2: just what this one needs.
  await expect(inspector.getByLabel('Key of button 1')).toHaveValue('1');
  await expect(inspector.getByLabel('Key of button 2')).toHaveValue('2');

  await addStep(page, 'Assign', 'assign_1', 'Reservations');
  await inspector.getByLabel('Team', { exact: true }).selectOption({ label: 'Reservations' });
  await addStep(page, 'Voicemail', 'voicemail_1', 'Leave a message');
  await inspector.getByLabel('Greeting', { exact: true }).fill('Please leave your message after the tone.');
  await addStep(page, 'End call', 'end_call_1', 'Goodbye');
  // The after-hours message is left empty on purpose: the editor must say so.
  await addStep(page, 'Voice message', 'voice_message_1', 'After hours');

  // Every step in view, then the paths drawn from exit to step.
  await page.getByRole('button', { name: 'Fit View' }).click();
  await connect(page, 'trigger', 'start', 'branch_1');
  await connect(page, 'branch_1', 'branch:b1', 'ivr_buttons_1');
  await connect(page, 'branch_1', 'no_match', 'voice_message_1');
  await connect(page, 'ivr_buttons_1', 'key:1', 'assign_1');
  await connect(page, 'ivr_buttons_1', 'key:2', 'voicemail_1');
  await connect(page, 'voicemail_1', 'next', 'end_call_1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
  // A key's exit is labelled by the step it leads to.
  await expect(node(page, 'ivr_buttons_1').locator('.step-output')).toContainText([
    '1 · Reservations',
    '2 · Leave a message',
  ]);
  await saved(page);

  // What is left is listed, and Publish says it cannot go yet.
  await expect(page.getByRole('button', { name: 'Publish' })).toBeDisabled();
  const emptyMessage = problems.filter({ hasText: /After hours/ }).filter({ hasText: /empty/ });
  await expect(emptyMessage).toHaveCount(1);
  // A problem's click takes the manager to the step, where it is fixed.
  await emptyMessage.click();
  await expect(inspector.getByLabel('Step name', { exact: true })).toHaveValue('After hours');
  await inspector
    .getByLabel('Message', { exact: true })
    .fill('We are closed now. Our hours are weekdays from 9 to 6. Goodbye.');
  await saved(page);
  // No errors left; the warnings (a wrong key or silence at the menu asks again, then says
  // goodbye) are what this office wants.
  await expect(problems.and(page.locator('.error'))).toHaveCount(0);
  await expect(problems.and(page.locator('.warning'))).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Publish' })).toBeEnabled();

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Published version 1')).toBeVisible(RENDERING);

  // The office number goes to it.
  const workflowUrl = page.url();
  await page.getByRole('link', { name: 'Numbers' }).click();
  await page.getByLabel('Number', { exact: true }).fill('0215880000');
  await page.getByLabel('Workflow', { exact: true }).selectOption({ label: 'New workflow' });
  await page.getByRole('button', { name: 'Bind', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: '0215880000' })).toContainText('New workflow');

  // A test call on Monday 2 June 2025 at 10:00 in Seoul: open, so the menu answers.
  await page.goto(workflowUrl);
  await page.getByRole('button', { name: 'Test call' }).click();
  const panel = page.getByRole('region', { name: 'Test call and analytics' });
  const transcript = panel.getByRole('region', { name: 'Transcript' });
  const keypad = panel.getByRole('group', { name: 'Keypad' });
  await panel.getByLabel('Clock (Asia/Seoul)').fill('2025-06-02T10:00');
  await panel.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(transcript.getByText(MENU_PROMPT)).toHaveCount(1, RENDERING);
  await expect(node(page, 'ivr_buttons_1')).toHaveClass(/tone-current/);
  await expect(node(page, 'branch_1')).toHaveClass(/tone-visited/);
  await expect(node(page, 'voice_message_1')).not.toHaveClass(/tone-/);
  // * says the menu again.
  await keypad.getByRole('button', { name: '*', exact: true }).click();
  await expect(transcript.getByText(MENU_PROMPT)).toHaveCount(2);
  await expect(node(page, 'ivr_buttons_1')).toHaveClass(/tone-current/);
  // 1 goes to the reservations team.
  await keypad.getByRole('button', { name: '1', exact: true }).click();
  await expect(transcript.getByText('Assigned to Reservations: connected')).toBeVisible();
  await expect(node(page, 'assign_1')).toHaveClass(/tone-current/);

  // 2 leaves a message, then the call ends.
  await panel.getByRole('button', { name: 'Restart' }).click();
  await expect(transcript.getByText(MENU_PROMPT)).toHaveCount(1, RENDERING);
  await keypad.getByRole('button', { name: '2', exact: true }).click();
  await expect(transcript.getByText('Please leave your message after the tone.')).toBeVisible(RENDERING);
  await expect(node(page, 'voicemail_1')).toHaveClass(/tone-current/);
  // The caller speaks for half a minute and presses # to finish.
  await panel.getByRole('button', { name: 'Wait 30 s' }).click();
  await keypad.getByRole('button', { name: '#', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText('Call ended');
  await expect(node(page, 'end_call_1')).toHaveClass(/tone-visited/);
  await expect(node(page, 'assign_1')).not.toHaveClass(/tone-/);

  // The same number at 22:00 that Monday: closed, the after-hours message.
  await panel.getByLabel('Clock (Asia/Seoul)').fill('2025-06-02T22:00');
  await panel.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(transcript.getByText(/We are closed now/)).toBeVisible(RENDERING);
  await expect(node(page, 'voice_message_1')).toHaveClass(/tone-current|tone-visited/);
  await expect(node(page, 'branch_1')).toHaveClass(/tone-visited/);
  await expect(node(page, 'ivr_buttons_1')).not.toHaveClass(/tone-/);
  await expect(transcript.getByText(MENU_PROMPT)).toHaveCount(0);
  // The README's picture of a test call, made here so that it stays current.
  await page.screenshot({ path: join(repoRoot, 'docs', 'workflow-test-call.png') });
});

function node(page: Page, id: string): Locator {
  return page.getByTestId(`node-${id}`);
}

function saved(page: Page): Promise<void> {
  return expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
}

/** A step from the palette (it arrives selected), named in the inspector. */
async function addStep(page: Page, palette: string, id: string, name: string): Promise<void> {
  await page.getByRole('button', { name: palette, exact: true }).click();
  await expect(node(page, id)).toBeVisible();
  const inspector = page.getByRole('complementary', { name: 'Step settings' });
  await inspector.getByLabel('Step name', { exact: true }).fill(name);
  await expect(node(page, id).locator('.step-title')).toHaveText(name);
}

/** Drags the exit `output` of `source` onto the body of `target`, as with the mouse. */
async function connect(page: Page, source: string, output: string, target: string): Promise<void> {
  const before = await page.locator('.react-flow__edge').count();
  await node(page, source).locator(`.step-exit[data-handleid="${output}"]`).dragTo(node(page, target));
  await expect(page.locator('.react-flow__edge')).toHaveCount(before + 1);
}
