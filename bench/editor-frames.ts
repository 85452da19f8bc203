/**
 * The workflow editor with a 300-step workflow, in Debian's Chromium against the headless
 * engine: time from opening the workflow to its canvas being drawn and interactive, then frame
 * times (requestAnimationFrame deltas in the page) while panning the canvas and while dragging
 * a step. Target from the issue: interactive within 1 s, frames ≤ 16 ms p95.
 * Prints figures; asserts nothing. Run: npx tsc -b && npx vite build && npx tsx bench/editor-frames.ts
 */
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { tempDir } from '../test/fakes/temp-dir.js';
import { startEngineProcess } from '../test/support/engine-process.js';
import { RawApiClient } from '../test/support/ws-client.js';
import { summary } from './stats.js';

const STEPS = 300;

/** A long chain of voice messages on a grid, each step's "next" to the following one. */
function bigWorkflow() {
  const steps = Array.from({ length: STEPS }, (_, i) => ({
    kind: 'voice_message',
    id: `s${i}`,
    name: `Step ${i}`,
    prompt: { kind: 'tts', text: `Message number ${i}`, language: 'en' },
    position: { x: 280 * (1 + (i % 15)), y: 180 * Math.floor(i / 15) },
  }));
  const edges = [
    { source: 'trigger', output: 'start', target: 's0' },
    ...steps.slice(1).map((step, i) => ({ source: `s${i}`, output: 'next', target: step.id })),
  ];
  return { trigger: { kind: 'customer_called' }, steps, edges };
}

/**
 * Frame intervals (ms) in the page while `act` runs. The page scripts are strings: tsx would
 * wrap functions in helpers that do not exist in the page.
 */
async function frameTimes(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.stop_ = false;
    let last = performance.now();
    const tick = (now) => {
      window.frames_.push(now - last);
      last = now;
      if (!window.stop_) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  return page.evaluate<number[]>(`(() => {
    window.stop_ = true;
    return window.frames_.slice(1);
  })()`);
}

const dir = tempDir('switchboard-bench-');
const engine = await startEngineProcess(dir.path);
const api = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
const created = await api.result<{ id: string }>('workflows.create', { name: 'Big', language: 'en' });
await api.result('workflows.saveDraft', { id: created.id, definition: bigWorkflow() }, 60_000);
api.close();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(engine.url);
  await page
    .getByRole('link', { name: /Workflows|워크플로/ })
    .first()
    .waitFor();
  const opens: number[] = [];
  for (let run = 0; run < 5; run++) {
    await page.goto(`${engine.origin}/#/workflows`);
    const started = performance.now();
    await page.goto(`${engine.origin}/#/workflows/${created.id}`);
    await page.locator('.react-flow__node').nth(10).waitFor();
    // Interactive: a click on a step selects it (one in the middle of the grid, in view after
    // the fit whether or not steps out of view are drawn).
    await page.locator('.react-flow__node[data-id="s157"]').click();
    opens.push(performance.now() - started);
  }
  // The drag first: after the pan the step may be out of view.
  const node = page.locator('.react-flow__node[data-id="s142"]');
  const nodeBox = (await node.boundingBox())!;
  const drag = await frameTimes(page, async () => {
    await page.mouse.move(nodeBox.x + 20, nodeBox.y + 10);
    await page.mouse.down();
    for (let i = 0; i < 120; i++) await page.mouse.move(nodeBox.x + 20 + i * 2, nodeBox.y + 10 + i);
    await page.mouse.up();
  });
  const canvas = page.locator('.react-flow__pane');
  const box = (await canvas.boundingBox())!;
  const pan = await frameTimes(page, async () => {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 0; i < 120; i++) {
      await page.mouse.move(box.x + box.width / 2 - i * 3, box.y + box.height / 2 - i, { steps: 1 });
    }
    await page.mouse.up();
  });
  console.log(`editor with ${STEPS} steps (headless Chromium, software rendering, 1280×800)`);
  console.log(summary('  open → drawn and interactive', opens));
  console.log(summary('  frame time while panning', pan));
  console.log(summary('  frame time while dragging', drag));
} finally {
  await browser.close();
  await engine.stop();
  dir.remove();
}
