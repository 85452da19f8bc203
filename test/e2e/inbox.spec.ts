import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CallbackList } from '../../electron/engine/store/callback-list.js';
import { CallEventLog, type CallEvent } from '../../electron/engine/store/call-event-log.js';
import { CallRecords } from '../../electron/engine/store/call-records.js';
import { openDatabase } from '../../electron/engine/store/database.js';
import { conversations } from '../../electron/engine/store/schema.js';
import { WorkflowRepository } from '../../electron/engine/store/workflow-repository.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';
import { sineTone, writePcmWav } from '../pbx/wav.js';
import { repoRoot, type EngineProcess } from '../support/engine-process.js';
import { startOfficeEngine } from '../support/office-engine.js';
import { setUpTeam, sippCaller } from '../support/office-routing.js';
import { RawApiClient } from '../support/ws-client.js';
import { tempDir } from '../fakes/temp-dir.js';
import { expectAccessible, expectNoSidewaysScroll } from './accessibility-audit.js';
import { officePage } from './office-page.js';

/**
 * The inbox in Debian's Chromium against the headless engine: calls written straight into the
 * engine's own SQLite file (with the engine's store classes) and a real WAV file in its
 * voicemail folder, then the queue board, filters, a call's timeline, tags and notes, playing a
 * message, and a callback, as a manager does them.
 */
const office = officePage();

/** Extra calls three days ago, enough for a second page. */
const OLDER_CALLS = 55;
const MESSAGE_SECONDS = 6;

/** What the test reads and drives of an <audio> element (this file is type-checked without the DOM). */
interface PlayerElement {
  duration: number;
  currentTime: number;
  seeking: boolean;
  muted: boolean;
  play(): Promise<void>;
}

interface Seeded {
  salesId: string;
  minaId: string;
}

/** Starts the engine with a team and an agent, seeds the calls, and opens the inbox. */
async function openInbox(
  page: Page,
  options: { language?: 'en' | 'ko'; viewport?: { width: number; height: number } } = {},
): Promise<Seeded> {
  await office.openWorkflows(page, { teams: ['Sales'], ...options });
  const [sales] = await office.api.result<{ id: string }[]>('teams.list', {});
  if (!sales) throw new Error('no team');
  const mina = await office.api.result<{ id: string }>('agents.save', {
    name: 'Mina',
    extension: '201',
    teamIds: [sales.id],
  });
  seedCalls(sales.id, mina.id);
  // The unread counts are read at connection: a reload picks up what was written behind its back.
  await page.reload();
  await page.getByRole('link', { name: options.language === 'ko' ? /인박스/ : /Inbox/ }).click();
  return { salesId: sales.id, minaId: mina.id };
}

test('filters calls, shows one’s timeline, tags and notes it, plays a message, closes a callback', async ({
  page,
}) => {
  const { minaId } = await openInbox(page);

  // Queue board: the team, nobody waiting, Mina's presence followed live.
  const sales = page.locator('.queue-team', { hasText: 'Sales' });
  await expect(sales).toContainText('0 waiting');
  await expect(sales.locator('.agent-chip')).toHaveText(/Mina\s*offline/);
  await office.api.result('presence.set', { agentId: minaId, presence: 'available' });
  await expect(sales.locator('.agent-chip')).toHaveText(/Mina\s*available/);
  await office.api.result('presence.set', { agentId: minaId, presence: 'away' });
  await expect(sales.locator('.agent-chip')).toHaveText(/Mina\s*away/);

  // One unheard message and one open callback.
  await expect(page).toHaveTitle('(2) Switchboard');
  await expect(page.getByRole('link', { name: /Inbox/ })).toContainText('2');

  // The list in pages.
  const list = page.getByRole('region', { name: 'Conversations' });
  const rows = list.locator('.inbox-row');
  await expect(list.getByRole('status')).toHaveText('Calls: 50 (more to load)');
  await list.getByRole('button', { name: 'Load more' }).click();
  await expect(list.getByRole('status')).toHaveText(`Calls: ${OLDER_CALLS + 4}`);
  await expect(list.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  // Filters: by outcome, by text, by unheard voicemail.
  const filters = page.getByRole('search', { name: 'Filter conversations' });
  await filters.getByLabel('Outcome').selectOption({ label: 'Abandoned' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('01033334444');
  await filters.getByLabel('Outcome').selectOption({ label: 'Any' });
  await filters.getByLabel('Search').fill('5555666');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('01055556666');
  await filters.getByLabel('Search').fill('');
  await filters.getByLabel('Unheard voicemail').check();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Voicemail');
  await filters.getByLabel('Unheard voicemail').uncheck();
  await expect(list.getByRole('status')).toHaveText('Calls: 50 (more to load)');

  // One call's story: the IVR path with the key pressed and the number entered.
  await rows.filter({ hasText: '01011112222' }).click();
  const detail = page.getByRole('region', { name: '01011112222' });
  const timeline = detail.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('01011112222 called 0215880000');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Main menu' })).toContainText('pressed 1');
  await expect(timeline).toContainText('Entered in Booking number: 4321');
  await expect(timeline).toContainText('Queued for Sales, waited 0:12');
  await expect(timeline).toContainText('Answered by Mina');
  await expect(timeline).toContainText('Call ended after 1:35 of talk');

  // Tag, note and assignee, kept by the engine.
  await detail.getByLabel('New tag').fill('환불');
  await detail.getByRole('button', { name: 'Add tag' }).click();
  await expect(detail.getByRole('list', { name: 'Tags' })).toContainText('환불');
  await detail.getByLabel('Note').fill('Wants a refund for booking 4321');
  await detail.getByRole('button', { name: 'Save note' }).click();
  await expect(detail.getByRole('status')).toHaveText('Note saved');
  await detail.getByLabel('Assigned to').selectOption({ label: 'Mina' });
  await expect(rows.filter({ hasText: '01011112222' })).toContainText('환불');
  await expect
    .poll(async () => {
      const saved = await office.api.result<{
        notes: string;
        tags: { tag: string }[];
        assigneeId: string | null;
      }>('conversations.get', { id: 'c-answered' });
      return { notes: saved.notes, tags: saved.tags.map((t) => t.tag), assigneeId: saved.assigneeId };
    })
    .toEqual({ notes: 'Wants a refund for booking 4321', tags: ['환불'], assigneeId: minaId });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await rows.filter({ hasText: '01011112222' }).click();
  await expect(timeline).toContainText('Answered by Mina');
  await page.screenshot({ path: join(repoRoot, 'docs', 'inbox.png') });

  await filters.getByLabel('Search').fill('refund');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(detail.getByLabel('Note')).toHaveValue('Wants a refund for booking 4321');
  await expect(detail.getByRole('list', { name: 'Tags' })).toContainText('환불');
  await expect(detail.getByLabel('Assigned to')).toHaveValue(minaId);
  // The catalogue learnt the new tag: the filter offers it.
  await filters.getByLabel('Search').fill('');
  await filters.getByLabel('Tag').selectOption('환불');
  await expect(rows).toHaveCount(1);

  // Voicemail: plays in place, seeks, and counts as heard after a few seconds of listening.
  await page.getByRole('tab', { name: /Voicemail/ }).click();
  const message = page.locator('.voicemail', { hasText: '01055556666' });
  await expect(message).toContainText('New');
  const audio = message.getByLabel('Message from 01055556666');
  await expect
    .poll(() => audio.evaluate((a: PlayerElement) => a.duration), { timeout: 10_000 })
    .toBeCloseTo(MESSAGE_SECONDS, 1);
  await audio.evaluate((a: PlayerElement) => {
    a.currentTime = 4.5;
  });
  await expect
    .poll(() => audio.evaluate((a: PlayerElement) => (a.seeking ? -1 : a.currentTime)))
    .toBeCloseTo(4.5, 1);
  // A jump is not listening: still unheard.
  await expect(message).toContainText('New');
  await expect(message.getByRole('link', { name: 'Download' })).toHaveAttribute(
    'href',
    /\/media\/voicemail\/[0-9a-f-]{36}\?token=/,
  );
  // Muted, so autoplay rules allow it without a click.
  await audio.evaluate((a: PlayerElement) => {
    a.currentTime = 0;
    a.muted = true;
    return a.play();
  });
  await expect(message).not.toContainText('New', { timeout: 10_000 });
  await expect(page).toHaveTitle('(1) Switchboard');
  const messages = await office.api.result<{ heard: boolean }[]>('voicemails.list', {});
  expect(messages.map((m) => m.heard)).toEqual([true]);

  // From the message to its call; the list keeps its filters meanwhile.
  await message.getByRole('button', { name: 'Open the call' }).click();
  await expect(page.getByRole('tab', { name: 'Conversations' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    page.getByRole('region', { name: '01055556666' }).getByRole('list', { name: 'Timeline' }),
  ).toContainText('Left a message (0:06)');
  await expect(filters.getByLabel('Tag')).toHaveValue('환불');

  // Callbacks: the open one is closed with an outcome.
  await page.getByRole('tab', { name: /Callbacks/ }).click();
  const callback = page.locator('.callback', { hasText: '01077778888' });
  await expect(callback).toContainText('Not called back yet');
  await expect(callback.getByLabel('Ring first')).toHaveValue(minaId);
  await callback.getByLabel('Outcome').selectOption({ label: 'Done' });
  await callback.getByPlaceholder('What happened (optional)').fill('Called from a mobile');
  await callback.getByRole('button', { name: 'Save' }).click();
  await expect(callback).toHaveCount(0);
  await expect(page).toHaveTitle('Switchboard');
  await page.getByRole('tab', { name: 'Done' }).click();
  await expect(page.locator('.callback', { hasText: '01077778888' })).toContainText('Done');
  const done = await office.api.result<{ lastResult: string }[]>('callbacks.list', { status: 'done' });
  expect(done.map((c) => c.lastResult)).toEqual(['Called from a mobile']);
});

for (const language of ['en', 'ko'] as const) {
  test(`meets WCAG AA and holds its layout at 1280×720 (${language})`, async ({ page }) => {
    await openInbox(page, { language, viewport: { width: 1280, height: 720 } });
    const ko = language === 'ko';
    await page.locator('.inbox-row', { hasText: '01011112222' }).click();
    await expect(page.getByRole('list', { name: ko ? '통화 흐름' : 'Timeline' })).toBeVisible();
    // List and detail side by side, each scrolling inside the window.
    const list = await page.locator('.inbox-list').boundingBox();
    const detail = await page.locator('.inbox-detail').boundingBox();
    expect(list && detail && list.x + list.width <= detail.x).toBe(true);
    expect(detail && detail.y + detail.height <= 720).toBe(true);
    await expectAccessible(page, `inbox conversations (${language})`);
    await expectNoSidewaysScroll(page);

    await page.getByRole('tab', { name: ko ? /음성 메시지/ : /Voicemail/ }).click();
    await expect(page.locator('.voicemail')).toHaveCount(1);
    await expectAccessible(page, `inbox voicemail (${language})`);
    await expectNoSidewaysScroll(page);

    await page.getByRole('tab', { name: ko ? /콜백/ : /Callbacks/ }).click();
    await expect(page.locator('.callback')).toHaveCount(1);
    await expectAccessible(page, `inbox callbacks (${language})`);
    await expectNoSidewaysScroll(page);

    // Keyboard: the tabs move with the arrow keys and show their focus.
    await page.getByRole('tab', { name: ko ? /콜백/ : /Callbacks/ }).focus();
    await page.keyboard.press('ArrowLeft');
    const voicemailTab = page.getByRole('tab', { name: ko ? /음성 메시지/ : /Voicemail/ });
    await expect(voicemailTab).toBeFocused();
    await expect(voicemailTab).toHaveAttribute('aria-selected', 'true');
    await expect(voicemailTab).toHaveCSS('outline-style', 'solid');
  });
}

test.describe('with a real caller on the SIP test bed', () => {
  let testbed: Testbed | undefined;
  let dir: ReturnType<typeof tempDir> | undefined;
  let engine: EngineProcess | undefined;
  let api: RawApiClient | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    testbed = await startTestbed({ auth: true });
    dir = tempDir('switchboard-e2e-');
    engine = await startOfficeEngine(testbed, dir.path);
    api = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
    // agent1 has no phone here: away (but logged in), so the caller waits in the queue.
    const team = await setUpTeam(api, ['agent1'], { wrapUpSec: 0, announcePosition: false });
    await api.result('presence.set', { agentId: team.agentIds.agent1, presence: 'away' });
  });
  test.afterAll(async () => {
    api?.close();
    await engine?.stop();
    await testbed?.stop();
    dir?.remove();
  });

  test('the queue board shows a caller waiting, the wait ticking, and the caller leaving', async ({
    page,
  }) => {
    if (!engine || !testbed) throw new Error('not started');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(engine.url);
    await page.getByLabel(/Language/).selectOption('en');
    await page.getByRole('link', { name: /Inbox/ }).click();
    const sales = page.locator('.queue-team', { hasText: 'Sales' });
    await expect(sales).toContainText('0 waiting');
    await expect(sales.locator('.agent-chip')).toHaveText(/agent1\s*away/);

    const call = sippCaller(testbed, 0, 9000);
    await expect(sales).toContainText('1 waiting', { timeout: 15_000 });
    const waiting = sales.getByRole('list', { name: 'Calls waiting for Sales' }).getByRole('listitem');
    await expect(waiting).toHaveCount(1);
    await expect(waiting).toContainText('caller1');
    const wait = waiting.locator('.queue-wait');
    const first = await wait.innerText();
    // One shared clock ticks every row: the shown wait moves on without any event.
    await expect(wait).not.toHaveText(first, { timeout: 3000 });
    await expect(wait).toHaveText(/waiting for\s*0:0[1-9]/);
    await call;
    await expect(sales).toContainText('0 waiting', { timeout: 15_000 });
    await expect(sales.getByRole('list', { name: 'Calls waiting for Sales' })).toHaveCount(0);
  });
});

/**
 * Four calls of the last hours, as the engine logs them, and {@link OLDER_CALLS} older ones: an
 * answered call through the IVR (key 1, a booking number, the Sales queue), an abandoned one, one
 * that left a message (a real WAV in the voicemail folder) and one that asked for a callback.
 */
function seedCalls(salesId: string, minaId: string): void {
  const database = openDatabase(join(office.dir, 'switchboard.db'), join(repoRoot, 'resources/migrations'));
  const { db } = database;
  try {
    const workflows = new WorkflowRepository(db);
    const prompt = { kind: 'tts' as const, text: 'x', language: 'ko' as const };
    const workflow = workflows.create('Main line', {
      trigger: { kind: 'customer_called' },
      steps: [
        { kind: 'ivr_buttons', id: 'menu', name: 'Main menu', prompt, buttons: [{ key: '1' }] },
        {
          kind: 'input_form',
          id: 'booking',
          name: 'Booking number',
          prompt,
          variable: 'booking',
          minDigits: 4,
          maxDigits: 8,
        },
        { kind: 'assign', id: 'sales', name: 'Sales', target: { kind: 'team', teamId: salesId } },
      ],
      edges: [],
    });
    const version = workflows.publish(workflow.id, { note: '', author: 'test' });
    const log = new CallEventLog(db);
    const records = new CallRecords(db, office.dir);
    const now = Date.now();
    const at = (minutesAgo: number, seconds = 0) => new Date(now - minutesAgo * 60_000 + seconds * 1000);
    const call = (
      row: Omit<Partial<typeof conversations.$inferInsert>, 'startedAt'> & {
        id: string;
        caller: string;
        startedAt: Date;
      },
    ) =>
      db
        .insert(conversations)
        .values({
          direction: 'inbound',
          dialled: '0215880000',
          ...row,
          startedAt: row.startedAt.toISOString(),
        })
        .run();

    call({
      id: 'c-answered',
      caller: '01011112222',
      startedAt: at(60),
      workflowId: workflow.id,
      versionId: version.id,
      teamId: salesId,
      agentId: minaId,
      outcome: 'answered',
      queuedAt: at(60, 20).toISOString(),
      answeredAt: at(60, 32).toISOString(),
      endedAt: at(60, 127).toISOString(),
      waitMs: 12_000,
      talkMs: 95_000,
    });
    const event = (e: Omit<CallEvent, 'callId' | 'workflowId' | 'versionId'>) =>
      log.append({ callId: 'c-answered', workflowId: workflow.id, versionId: version.id, ...e });
    event({ stepId: null, kind: 'call_started', at: at(60) });
    event({ stepId: 'menu', kind: 'entered', at: at(60, 1) });
    event({ stepId: 'menu', kind: 'left', outcome: 'key:1', at: at(60, 8) });
    event({ stepId: 'booking', kind: 'entered', at: at(60, 8) });
    event({
      stepId: 'booking',
      kind: 'left',
      outcome: 'next',
      detail: { variable: 'booking', value: '4321' },
      at: at(60, 19),
    });
    event({ stepId: 'sales', kind: 'entered', at: at(60, 19) });
    event({ stepId: 'sales', kind: 'left', outcome: 'connected', at: at(60, 32) });
    event({ stepId: null, kind: 'call_ended', outcome: 'connected', at: at(60, 127) });

    call({
      id: 'c-abandoned',
      caller: '01033334444',
      startedAt: at(120),
      teamId: salesId,
      outcome: 'abandoned',
    });

    call({
      id: 'c-voicemail',
      caller: '01055556666',
      startedAt: at(30),
      teamId: salesId,
      outcome: 'voicemail',
    });
    const folder = join(office.dir, 'voicemail');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'e2e-message.wav');
    writePcmWav(file, sineTone(MESSAGE_SECONDS, 440));
    records.saveVoicemail({
      callId: 'c-voicemail',
      caller: '01055556666',
      file,
      durationMs: MESSAGE_SECONDS * 1000,
      teamId: salesId,
    });

    call({ id: 'c-callback', caller: '01077778888', startedAt: at(90), outcome: 'callback_requested' });
    new CallbackList(db).request({
      callId: 'c-callback',
      number: '01077778888',
      teamId: salesId,
      reason: 'Asked while waiting',
    });

    for (let n = 0; n < OLDER_CALLS; n++) {
      call({
        id: `c-older-${n}`,
        caller: `0109000${String(n).padStart(4, '0')}`,
        startedAt: at(3 * 24 * 60 + n),
        outcome: 'ended_by_ivr',
      });
    }
  } finally {
    database.close();
  }
}
