import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../fakes/temp-dir.js';
import { startEngineProcess, type EngineProcess } from '../support/engine-process.js';

/**
 * The shell as a new user meets it: open the printed link, read it in Korean, set up the office
 * line, restart the engine, and find the line again with its password kept but never shown.
 */
let dir: ReturnType<typeof tempDir>;
let engine: EngineProcess | undefined;

test.beforeEach(() => {
  dir = tempDir('switchboard-e2e-');
});
test.afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  dir.remove();
});

async function openShell(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // The token leaves the address bar as soon as the page has read it.
  await expect(page).not.toHaveURL(/token=/);
}

test('switches to Korean, saves a line, and finds it again after an engine restart', async ({ page }) => {
  engine = await startEngineProcess(dir.path);
  await openShell(page, engine.url);

  await page.getByLabel(/Language/).selectOption('ko');
  await expect(page.getByRole('link', { name: '설정' })).toBeVisible();
  await expect(page.getByRole('link', { name: '워크플로' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('회선');

  await page.getByRole('link', { name: '설정' }).click();
  await page.getByRole('button', { name: '회선 추가' }).click();
  await page.getByLabel('표시 이름').fill('본사 대표번호');
  await page.getByLabel('등록 서버').fill('pbx.example.com:5060');
  await page.getByLabel('사용자 이름', { exact: true }).fill('office');
  await page.getByLabel('비밀번호').fill('Pa55-word');
  await page.getByLabel('번호', { exact: true }).fill('0212345678');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.getByRole('main').getByText('본사 대표번호', { exact: true })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('본사 대표번호');

  const { port } = engine;
  expect(await engine.stop()).toBe(0);
  engine = await startEngineProcess(dir.path, [], port);
  await openShell(page, engine.url);
  await page.getByRole('link', { name: '설정' }).click();
  await expect(page.getByRole('main').getByText('본사 대표번호', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '본사 대표번호 편집' }).click();
  await expect(page.getByLabel('등록 서버')).toHaveValue('pbx.example.com:5060');
  await expect(page.getByLabel('비밀번호')).toHaveValue('');
  expect(await page.content()).not.toContain('Pa55-word');
});

test('shows each invalid field next to it and saves nothing', async ({ page }) => {
  engine = await startEngineProcess(dir.path);
  await openShell(page, engine.url);
  await page.getByLabel(/Language/).selectOption('en');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add line' }).click();
  await page.getByLabel('Display name').fill('Main');
  await page.getByLabel('Registrar').fill('http://not a host');
  await page.getByLabel('Username', { exact: true }).fill('office');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/host:port/)).toBeVisible();
  await expect(page.getByText(/password/i).first()).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(/No office line/);
});

test('says the token is wrong instead of showing an empty app', async ({ page }) => {
  engine = await startEngineProcess(dir.path);
  await page.goto(`${engine.origin}/#token=not-the-token`);
  await expect(page.getByText(/token/i).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
});

test('keeps trusted SIP addresses, refusing one that is not an IP address', async ({ page }) => {
  engine = await startEngineProcess(dir.path);
  await openShell(page, engine.url);
  await page.getByLabel(/Language/).selectOption('en');
  await page.getByRole('link', { name: 'Settings' }).click();
  const trusted = page.getByLabel('Trusted SIP addresses');
  await trusted.fill('pbx.example.com');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(trusted).toHaveAttribute('aria-invalid', 'true');
  await trusted.fill('192.168.0.10\n10.0.0.2');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Trusted SIP addresses')).toHaveValue('192.168.0.10\n10.0.0.2');
});
