import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule broken on the page, in words a reviewer can act on. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core's WCAG 2.1 A/AA rules (contrast included) on what the page shows now and fails
 * with each broken rule and the elements that break it.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy rightly refuses those.
  await page.evaluate(axeSource);
  // A string, not a function: the test runner's transpiler would wrap a function in helpers the
  // page does not have.
  const violations = await page.evaluate<Violation[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map(({ id, impact, help, nodes }) => ({
      id, impact, help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    })))`);
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
  );
  expect(report, `accessibility of ${where}`).toEqual([]);
}

/** Whether the page scrolls sideways: a layout that does not hold at this width. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(
    `({ scrollWidth: document.scrollingElement.scrollWidth, clientWidth: document.scrollingElement.clientWidth })`,
  );
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}
