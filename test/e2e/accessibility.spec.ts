import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoSidewaysScroll } from './accessibility-audit.js';
import { officePage } from './office-page.js';

/**
 * The manager's screens at the smallest supported window (1280×720), audited with axe-core's
 * WCAG 2.1 AA rules (contrast, names, roles) in both languages, and driven by the keyboard alone.
 */
const office = officePage();
const SMALL = { width: 1280, height: 720 };

for (const language of ['en', 'ko'] as const) {
  test(`workflow screens pass the WCAG AA audit at 1280×720 (${language})`, async ({ page }) => {
    await office.openWorkflows(page, { language, viewport: SMALL, teams: ['Sales'] });
    const recipe = language === 'en' ? 'Main IVR with office hours' : '업무 시간 대표번호 안내';
    await expect(page.getByRole('button', { name: recipe })).toBeVisible();
    await expectAccessible(page, 'the workflow list');
    await expectNoSidewaysScroll(page);

    await page.getByRole('button', { name: recipe }).click();
    await expect(page.getByTestId('node-menu')).toBeVisible();
    await page.getByTestId('node-menu').click();
    await expectAccessible(page, 'the editor with a menu selected');
    await expectNoSidewaysScroll(page);

    await page.getByTestId('node-trigger').click();
    await expectAccessible(page, 'the trigger settings');

    await page.getByRole('button', { name: language === 'en' ? 'Test call' : '테스트 통화' }).click();
    await expect(page.locator('.test-call')).toBeVisible();
    await expectAccessible(page, 'the test call panel');
    await expectNoSidewaysScroll(page);

    await page.getByRole('button', { name: language === 'en' ? 'Versions' : '버전' }).click();
    await expect(page.locator('.versions-drawer')).toBeVisible();
    await expectAccessible(page, 'the versions drawer');

    await page.getByRole('link', { name: language === 'en' ? 'Numbers' : '수신 번호' }).click();
    await expectAccessible(page, 'the numbers page');
    await expectNoSidewaysScroll(page);
  });
}

test('the editor is driven from the keyboard, focus always visible', async ({ page }) => {
  await office.openWorkflows(page, { viewport: SMALL });
  await page.getByRole('button', { name: 'Blank', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Workflow canvas' })).toBeVisible();

  // Tab through the whole page once: every stop must show where it is.
  const stops: string[] = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate<{ name: string; visible: boolean }>(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { name: '', visible: true };
      // A canvas step draws its ring on the card inside React Flow's wrapper.
      const ringed = [el, el.firstElementChild].filter(Boolean).some((box) => {
        const style = getComputedStyle(box);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        return outline || style.boxShadow !== 'none';
      });
      const name = (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 40);
      return { name, visible: ringed };
    })()`);
    // Past the last stop focus leaves the page: once round is enough.
    if (stop.name === '') break;
    expect(stop.visible, `focus ring on "${stop.name}"`).toBe(true);
    stops.push(stop.name);
  }
  for (const name of ['← All workflows', 'Test call', 'Versions', 'Voice message', 'End call']) {
    expect(stops, `${name} reached by Tab`).toContain(name);
  }
  // The canvas's steps are stops too (Enter selects one).
  expect(stops.some((name) => name.startsWith('Trigger'))).toBe(true);

  // A step added and named, and another selected, without the mouse.
  await page.getByRole('button', { name: 'End call', exact: true }).focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('complementary', { name: 'Step settings' });
  await expect(inspector.getByRole('heading', { name: 'End call' })).toBeVisible();
  await inspector.getByLabel('Step name').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Goodbye');
  await expect(page.getByTestId('node-end_call_1').locator('.step-title')).toHaveText('Goodbye');
  await page.locator('.react-flow__node[data-id="trigger"]').focus();
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { name: 'Trigger' })).toBeVisible();
  // Paths are drawn from the form too: the trigger's start leads to "Goodbye".
  const start = inspector.getByLabel('Next step for the start');
  await start.focus();
  await start.selectOption({ label: 'Goodbye' });
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await start.selectOption({ label: '— Not connected —' });
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
});
