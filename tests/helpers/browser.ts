import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

let shared: Promise<Browser> | undefined;

/**
 * The one Chromium of this test process (mocha runs test files in parallel processes, each with its own).
 * Starting a browser costs seconds of both cores; a browser per suite, several suites at once on a loaded
 * machine, is what made first pages miss their waits. Each test still gets its own context (its own cookies,
 * storage and cache), so sharing the process is invisible to what a test sees. Closed by the root hooks.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser().then((browser) => {
    browser.on('disconnected', () => (shared = undefined));
    return browser;
  });
  return shared;
}

export async function closeSharedBrowser(): Promise<void> {
  const browser = shared;
  shared = undefined;
  await (await browser)?.close();
}

/**
 * Debian's Chromium, headless, driven by playwright-core (Playwright's own browser download is not
 * available here). Playwright gives every launch a fresh, empty profile; the flags keep Chromium off
 * the network, and `loopbackContext` allows only pages on this machine.
 */
async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A browser context that refuses every request that is not to this machine. */
export async function loopbackContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    const local = hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
    if (local || protocol === 'data:' || protocol === 'blob:') return route.continue();
    return route.abort();
  });
  return context;
}

/**
 * Records every Content-Security-Policy violation in the context's pages (the listener is added before any page
 * script runs), so a test can show a page worked with its policy enforced and nothing was refused.
 */
export async function recordPolicyViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { policyViolations: string[] }).policyViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
}

export async function policyViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { policyViolations?: string[] }).policyViolations ?? []);
}

/** Writes a screenshot where the README says screenshots are (test-results/screenshots/). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}
