import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { loopbackContext } from '../helpers/browser.js';
import type { TestApp } from '../helpers/app.js';
import type { TestUser } from '../helpers/users.js';

export type Theme = 'default' | 'dark' | 'contrast';

/** Opens the built tab at a hash route, as a developer identity (local mode), in a theme and width. */
export async function openTab(
  browser: Browser,
  app: TestApp,
  route: string,
  options: { as: TestUser; theme?: Theme; width?: number } ,
): Promise<Page> {
  const context = await loopbackContext(browser, { viewport: { width: options.width ?? 1100, height: 900 } });
  const page = await context.newPage();
  const query = new URLSearchParams({ as: options.as.id, ...(options.theme && options.theme !== 'default' ? { theme: options.theme } : {}) });
  await page.goto(`${app.url}/tab/index.html?${query}#/${route}`);
  await page.getByRole('heading', { name: 'Involvement Register', level: 1 }).waitFor();
  return page;
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: ReadonlyArray<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core in the page against WCAG 2.0–2.2 A and AA rules. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
  });
}

export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`).join('\n  ')}`).join('\n');
}
