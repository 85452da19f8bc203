import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CallbackList } from '../../electron/engine/store/callback-list.js';
import { openDatabase } from '../../electron/engine/store/database.js';
import { conversations } from '../../electron/engine/store/schema.js';
import type { TestbedOptions } from '../pbx/testbed.js';
import { repoRoot } from '../support/engine-process.js';
import { expectAccessible, expectNoSidewaysScroll } from './accessibility-audit.js';
import { expectMediaBothWays } from './softphone-browser.js';
import { softphoneOffice } from './softphone-office.js';

/**
 * Calls the agent makes from the browser softphone, against the real test bed: Kamailio routes
 * mobile numbers (010…) to baresip agent2, which answers at once, so it plays the customer. An
 * outgoing call with its history and redial, and a callback started from the inbox that the
 * phone answers by itself.
 */

const office = softphoneOffice();

const CUSTOMER = '01012345678';
const CUSTOMER_SHOWN = '010-1234-5678';

/** agent2, which answers at once, plays the customer; the agent in the browser is in Sales. */
const TESTBED: TestbedOptions = { auth: true, agents: ['agent2'] };
const ROUTING = { wrapUpSec: 5, announcePosition: false };
const VIEWPORT = { width: 1280, height: 720 };

test('the agent calls a mobile from the browser, sees it in recent calls and redials it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const customer = (await office.start(TESTBED)).agent('agent2');
  const { token, agentId } = await office.addBrowserAgent(ROUTING);
  await office.openPhone(page, token, VIEWPORT);
  const status = async () =>
    (await office.api.result<{ id: string; status: string }[]>('agents.list', {})).find(
      (a) => a.id === agentId,
    )?.status;

  // A mistyped number is refused next to the field, before anything is sent.
  const dial = page.getByRole('region', { name: 'Make a call' });
  const number = dial.getByLabel('Number or extension');
  await number.fill('010-12ab');
  await dial.getByRole('button', { name: 'Call' }).click();
  await expect(dial.getByText('Use digits only (and * or #, or + at the start).')).toBeVisible();
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the phone with a number refused');

  // Enter calls: Kamailio routes 010… to agent2, which answers.
  let since = customer.events.length;
  await number.fill(CUSTOMER_SHOWN);
  await number.press('Enter');
  await customer.nextEvent(since, 'CALL_ESTABLISHED', 15_000);
  const call = page.getByRole('region', { name: `In call with ${CUSTOMER_SHOWN}` });
  await expect(call).toBeVisible({ timeout: 10_000 });
  await expect(call.getByTestId('call-timer')).toBeVisible();
  await expectMediaBothWays(page);
  await expectAccessible(page, 'an outgoing call in progress');
  await expectNoSidewaysScroll(page);
  // The engine did not place this call, yet the queues must not offer the agent one meanwhile.
  await expect.poll(status).toBe('busy');

  await call.getByRole('button', { name: 'Hang up' }).click();
  await customer.nextEvent(since, 'CALL_CLOSED', 10_000);
  await expect.poll(status).toBe('available');

  // Recent calls: the call out, answered, with its talk time.
  const history = page.getByRole('region', { name: 'Recent calls' });
  const rows = history.getByRole('row').filter({ hasText: CUSTOMER_SHOWN });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Outgoing');
  await expect(rows.first()).toContainText('Answered');
  await expect(rows.first()).toContainText(/0:0\d/);
  await page.screenshot({ path: join(repoRoot, 'docs', 'softphone-calls.png') });
  await expectAccessible(page, 'the phone with recent calls');
  await expectNoSidewaysScroll(page);
  // In Korean too, the row and the dial form hold at 1280 px.
  await page.getByLabel(/Language/).selectOption('ko');
  await expect(
    page.getByRole('region', { name: '최근 통화' }).getByRole('row').filter({ hasText: '발신' }),
  ).toHaveCount(1);
  await expect(page.getByRole('region', { name: '전화 걸기' })).toBeVisible();
  await expectAccessible(page, 'the phone with recent calls (ko)');
  await expectNoSidewaysScroll(page);
  await page.getByLabel(/Language/).selectOption('en');

  // Redial from the row, then hang up with Alt+H.
  since = customer.events.length;
  await rows
    .first()
    .getByRole('button', { name: `Call ${CUSTOMER_SHOWN}` })
    .click();
  await customer.nextEvent(since, 'CALL_ESTABLISHED', 15_000);
  await expect(page.getByTestId('call-timer')).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Alt+KeyH');
  await customer.nextEvent(since, 'CALL_CLOSED', 10_000);
  await expect(rows).toHaveCount(2);

  // Alt+R calls the last number again; Alt+D puts the cursor in the number field.
  since = customer.events.length;
  await page.keyboard.press('Alt+KeyR');
  await customer.nextEvent(since, 'CALL_ESTABLISHED', 15_000);
  await expect(page.getByTestId('call-timer')).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Alt+KeyH');
  await customer.nextEvent(since, 'CALL_CLOSED', 10_000);
  await expect(rows).toHaveCount(3);
  await page.keyboard.press('Alt+KeyD');
  await expect(number).toBeFocused();

  // The history is this browser's: it is still there after a reload.
  await page.reload();
  await expect(page.getByTestId('phone-registration')).toHaveText('Phone registered', { timeout: 15_000 });
  await expect(rows).toHaveCount(3);
});

test('a callback started in the inbox is answered by the phone itself and rings the customer', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const customer = (await office.start(TESTBED)).agent('agent2');
  const { token } = await office.addBrowserAgent(ROUTING);
  const callbackId = seedCallback(office.dir);
  await office.openPhone(page, token, VIEWPORT);

  // One click on "Call back": the engine rings this phone, which answers without another click,
  // then the engine dials the customer (agent2, who answers) and bridges the two.
  await page.getByRole('link', { name: /Inbox/ }).click();
  await page.getByRole('tab', { name: /Callbacks/ }).click();
  const row = page.locator('.callback', { hasText: CUSTOMER });
  const since = customer.events.length;
  await row.getByRole('button', { name: 'Call back' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Calling back ${CUSTOMER_SHOWN}` })).toBeVisible({
    timeout: 15_000,
  });
  await customer.nextEvent(since, 'CALL_ESTABLISHED', 20_000);
  const inProgress = await office.api.result<{ id: string }[]>('callbacks.list', { status: 'in_progress' });
  expect(inProgress.map((c) => c.id)).toEqual([callbackId]);

  await page.getByRole('link', { name: 'Open the phone' }).click();
  const call = page.getByRole('region', { name: `Calling back ${CUSTOMER_SHOWN}` });
  await expect(call.getByTestId('call-timer')).toBeVisible();
  await expectMediaBothWays(page);

  await call.getByRole('button', { name: 'Hang up' }).click();
  await customer.nextEvent(since, 'CALL_CLOSED', 10_000);
  await expect
    .poll(async () => {
      const done = await office.api.result<{ id: string; lastResult: string | null }[]>('callbacks.list', {
        status: 'done',
      });
      return done.map((c) => [c.id, c.lastResult]);
    })
    .toEqual([[callbackId, 'talked']]);

  // In recent calls as a call out to the customer, once (this phone's and the engine's record).
  const rows = page
    .getByRole('region', { name: 'Recent calls' })
    .getByRole('row')
    .filter({ hasText: CUSTOMER_SHOWN });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Outgoing');
  await expect(rows.first()).toContainText('Answered');
});

/** A caller asked to be called back at {@link CUSTOMER}: written with the engine's own store classes. */
function seedCallback(dataDir: string): string {
  const database = openDatabase(join(dataDir, 'switchboard.db'), join(repoRoot, 'resources/migrations'));
  try {
    database.db
      .insert(conversations)
      .values({
        id: 'c-asked',
        direction: 'inbound',
        caller: CUSTOMER,
        dialled: '0212345678',
        startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        outcome: 'callback_requested',
      })
      .run();
    return new CallbackList(database.db).request({
      callId: 'c-asked',
      number: CUSTOMER,
      teamId: null,
      reason: 'Asked while waiting',
    }).id;
  } finally {
    database.close();
  }
}
