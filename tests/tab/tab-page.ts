import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { sharedBrowser, loopbackContext } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { IEV } from '../helpers/users.js';
import { seedFictionalPartners } from '../../demo/demo-partners.js';
import type { TestUser } from '../helpers/users.js';

export type Theme = 'default' | 'dark' | 'contrast';

/** Opens the built tab at a hash route, as a developer identity (local mode), in a theme and width. */
export async function openTab(
  browser: Browser,
  app: TestApp,
  route: string,
  options: { as: TestUser; theme?: Theme; width?: number },
): Promise<Page> {
  const context = await loopbackContext(browser, { viewport: { width: options.width ?? 1100, height: 900 } });
  const page = await context.newPage();
  const query = new URLSearchParams({
    as: options.as.id,
    ...(options.theme && options.theme !== 'default' ? { theme: options.theme } : {}),
  });
  await page.goto(`${app.url}/tab/index.html?${query}#/${route}`);
  await page.getByRole('heading', { name: 'Involvement Register', level: 1 }).waitFor();
  return page;
}

export interface TabBrowser {
  /** The process's Chromium (taken in `before`). */
  readonly browser: Browser;
  /** Opens the tab like `openTab`; the page is closed after the test. */
  readonly open: (route: string, options: Parameters<typeof openTab>[3]) => Promise<Page>;
  /** Closes a page opened some other way after the test. */
  track(page: Page): Page;
}

/**
 * A suite's browser fixture: `setup` starts (and seeds) the app, then the process's Chromium is taken; pages
 * opened through the fixture are closed (with their contexts) after each test, and the app after the suite.
 */
export function useTabBrowser(setup: () => Promise<TestApp>): TabBrowser {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  const track = (page: Page) => {
    pages.push(page);
    return page;
  };

  before(async () => {
    app = await setup();
    browser = await sharedBrowser();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });
  after(async () => {
    await app?.stop();
  });

  const started = () => {
    if (!app || !browser) throw new Error('The app and browser start in the suite\u2019s before hook');
    return { app, browser };
  };
  return {
    get browser() {
      return started().browser;
    },
    open: async (route, options) => track(await openTab(started().browser, started().app, route, options)),
    track,
  };
}

/** A suite with the IEV member configured and `partners` fictional partners on the register, in Chromium. */
export function useRegisterWithPartners(partners: number): TabBrowser & { readonly app: TestApp } {
  let app: TestApp | undefined;
  const tab = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedFictionalPartners(app.services.database.containers, partners);
    return app;
  });
  return {
    get browser() {
      return tab.browser;
    },
    open: (route, options) => tab.open(route, options),
    track: (page) => tab.track(page),
    get app() {
      if (!app) throw new Error('The app starts in the suite\u2019s before hook');
      return app;
    },
  };
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
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
}

export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`)
          .join('\n  ')}`,
    )
    .join('\n');
}
