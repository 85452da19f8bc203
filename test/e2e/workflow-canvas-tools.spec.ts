import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility-audit.js';
import { officePage } from './office-page.js';

/**
 * The canvas's power tools as a manager meets them, in Debian's Chromium against the headless
 * engine: a flow typed with the quick add, two steps copied and pasted with their edge, undo
 * and redo, the tidy-up layout, box selection moving two steps at once and a step moved with
 * the keys, all checked in the draft on the engine; and the minimap.
 */
const office = officePage();

const saved = (page: Page) =>
  expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const edge = (page: Page, source: string, target: string) =>
  page.locator(`[aria-label="Edge from ${source} to ${target}"]`);

type Box = { id: string; left: number; top: number; right: number; bottom: number };

/** Every step's box on screen, read at one moment (the view may still be moving). */
async function boxes(page: Page): Promise<Map<string, Box>> {
  const all = await page.locator('.react-flow__node').evaluateAll((nodes) =>
    nodes.map((element) => {
      const { left, top, right, bottom } = element.getBoundingClientRect();
      return { id: element.getAttribute('data-id') ?? '', left, top, right, bottom };
    }),
  );
  return new Map(all.map((box) => [box.id, box]));
}

/** The draft on the engine: its edges, and where each step is. */
async function draft(page: Page) {
  const id = /workflows\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  const { draft } = await office.api.result<{
    draft: { steps: { id: string; position: { x: number; y: number } }[]; edges: unknown[] };
  }>('workflows.get', { id });
  return { edges: draft.edges, positions: new Map(draft.steps.map((step) => [step.id, step.position])) };
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('builds a flow by keyboard, copies, pastes, selects by box and tidies up', async ({ page }) => {
  await office.openWorkflows(page);
  await page.getByRole('button', { name: 'Blank', exact: true }).click();
  await expect(node(page, 'trigger')).toBeVisible();

  // From the palette's last item, Tab reaches the trigger on the canvas; Enter selects it.
  await page.getByRole('button', { name: 'End call' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(node(page, 'trigger')).toHaveClass(/selected/);

  // "/" opens the quick add; the step typed follows the selected one, connected.
  const quickAdd = page.getByRole('combobox', { name: 'Find a step to add' });
  const option = (name?: string) =>
    page.getByRole('listbox', { name: 'Add a step' }).getByRole('option', { name });
  await page.keyboard.press('/');
  await expect(quickAdd).toBeFocused();
  await expect(page.getByText('Connects after "Trigger" (the start)')).toBeVisible();
  await page.keyboard.type('voice');
  await expect(option('Voice message')).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, 'the quick add');
  await page.keyboard.press('Enter');
  await expect(quickAdd).toHaveCount(0);
  await expect(node(page, 'voice_message_1')).toHaveClass(/selected/);
  await expect(edge(page, 'trigger', 'voice_message_1')).toHaveCount(1);

  // "end" also finds "Send SMS", listed first: the arrow goes down to "End call".
  await page.keyboard.press('/');
  await page.keyboard.type('end');
  await expect(option()).toHaveText(['Send SMS', 'End call']);
  await page.keyboard.press('ArrowDown');
  await expect(option('End call')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(edge(page, 'voice_message_1', 'end_call_1')).toHaveCount(1);

  // Escape leaves the quick add without adding anything.
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  await expect(quickAdd).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  // Copy two connected steps and paste them: new ids, and the edge between them comes along.
  await node(page, 'voice_message_1').click();
  await node(page, 'end_call_1').click({ modifiers: ['Shift'] });
  await expect(node(page, 'voice_message_1')).toHaveClass(/selected/);
  await page.keyboard.press('ControlOrMeta+c');
  await expect(page.getByRole('status').filter({ hasText: 'Steps copied: 2' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await expect(edge(page, 'voice_message_2', 'end_call_2')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(node(page, 'voice_message_2')).toHaveClass(/selected/);
  await expect(node(page, 'voice_message_1')).not.toHaveClass(/selected/);

  // The paste is one edit: one undo takes both steps and their edge away, redo brings them back.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await expect(edge(page, 'voice_message_2', 'end_call_2')).toHaveCount(1);

  // Tidy up: layers left to right along the edges, the pasted pair (no call reaches it) after.
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await expect
    .poll(async () => {
      const at = await boxes(page);
      const left = (id: string) => at.get(id)?.left ?? NaN;
      const right = (id: string) => at.get(id)?.right ?? NaN;
      const all = [...at.values()];
      const overlapping = all.flatMap((a) =>
        all
          .filter((b) => a.id < b.id)
          .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          .map((b) => `${a.id}/${b.id}`),
      );
      return {
        overlapping,
        leftToRight:
          right('trigger') < left('voice_message_1') &&
          right('voice_message_1') < left('end_call_1') &&
          right('end_call_1') < left('voice_message_2') &&
          right('voice_message_2') < left('end_call_2'),
      };
    })
    .toEqual({ overlapping: [], leftToRight: true });
  await saved(page);
  const tidy = await draft(page);
  expect(tidy.edges).toEqual([
    { source: 'trigger', output: 'start', target: 'voice_message_1' },
    { source: 'voice_message_1', output: 'next', target: 'end_call_1' },
    { source: 'voice_message_2', output: 'next', target: 'end_call_2' },
  ]);
  expect([...tidy.positions.keys()].sort()).toEqual([
    'end_call_1',
    'end_call_2',
    'voice_message_1',
    'voice_message_2',
  ]);

  // Ctrl+A selects every step.
  await page.keyboard.press('ControlOrMeta+a');
  for (const id of ['voice_message_1', 'end_call_1', 'voice_message_2', 'end_call_2']) {
    await expect(node(page, id)).toHaveClass(/selected/);
  }

  // Shift+drag on the empty canvas draws a box: it selects the two steps inside it.
  await page.getByRole('region', { name: 'Workflow canvas' }).click({ position: { x: 5, y: 5 } });
  await expect(node(page, 'voice_message_1')).not.toHaveClass(/selected/);
  const at = await boxes(page);
  const [first, second] = [at.get('voice_message_2')!, at.get('end_call_2')!];
  await page.keyboard.down('Shift');
  await page.mouse.move(first.left - 15, Math.min(first.top, second.top) - 15);
  await page.mouse.down();
  await page.mouse.move(second.right + 15, Math.max(first.bottom, second.bottom) + 15, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(node(page, 'voice_message_2')).toHaveClass(/selected/);
  await expect(node(page, 'end_call_2')).toHaveClass(/selected/);
  await expect(node(page, 'end_call_1')).not.toHaveClass(/selected/);

  // Dragging one of them moves both.
  const start = await centre(node(page, 'end_call_2'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y + 100, { steps: 8 });
  await page.mouse.up();
  // (Polled: the status may still say "saved" from before the move.)
  const moved = async () => {
    const { positions } = await draft(page);
    const down = (id: string) => positions.get(id)!.y - tidy.positions.get(id)!.y;
    return {
      pair: down('voice_message_2') > 20 && down('voice_message_2') === down('end_call_2'),
      other: down('end_call_1'),
    };
  };
  await expect.poll(moved).toEqual({ pair: true, other: 0 });
  const dragged = await draft(page);

  // A focused step: Enter selects it alone, Shift+arrow moves it 20 a press.
  await page.locator('.react-flow__node[data-id="end_call_1"]').focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 'end_call_2')).not.toHaveClass(/selected/);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  const right = async () =>
    (await draft(page)).positions.get('end_call_1')!.x - dragged.positions.get('end_call_1')!.x;
  await expect.poll(right).toBe(40);
});

test('connects a menu key renumbered in the inspector, and shows every step on the minimap', async ({
  page,
}) => {
  await office.openWorkflows(page);
  await page.getByRole('button', { name: 'Blank', exact: true }).click();
  await page.getByRole('button', { name: 'End call' }).click();
  await page.getByRole('button', { name: 'IVR buttons' }).click();
  // At 1280 px the map starts hidden (it would cover a third of the canvas); one click shows it,
  // and the choice stays.
  const mapButton = page.getByRole('button', { name: 'Show the map' });
  await expect(mapButton).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await mapButton.click();
  await expect(mapButton).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await page.reload();
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(3);
  await node(page, 'ivr_buttons_1').click();

  // The canvas keeps the steps' measured sizes; a new exit at the same size still gets a handle.
  const inspector = page.getByRole('complementary', { name: 'Step settings' });
  await inspector.getByLabel('Key of button 1').selectOption('5');
  const menu = node(page, 'ivr_buttons_1');
  await expect(menu.getByText('key 5')).toBeVisible();
  await menu.locator('.step-exit').first().dragTo(node(page, 'end_call_1'));
  await expect(edge(page, 'ivr_buttons_1', 'end_call_1').locator('path').first()).toHaveAttribute('d', /\d/);
});
