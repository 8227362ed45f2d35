import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { sharedBrowser } from '../helpers/browser.js';
import { measurePageLoad } from '../helpers/first-load.js';
import { IEV } from '../helpers/users.js';
import { seedFictionalPartners } from '../../demo/demo-partners.js';

const BUDGET_BYTES = 200 * 1024;

const registerShown = (page: Page) => page.locator('ul[aria-label="Partners"] > li').first().waitFor();

describe('opening the register tab', () => {
  let app: TestApp;
  let browser: Browser;
  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedFictionalPartners(app.services.database.containers, 60);
    browser = await sharedBrowser();
  });
  after(async () => {
    await app?.stop();
  });

  it('transfers under 200 KB the first time, and then only index.html and the data', async () => {
    const context = await browser.newContext(); // not loopbackContext: Playwright turns the HTTP cache off for a context with routes
    try {
      const page = await context.newPage();
      const url = `${app.url}/tab/index.html?as=${IEV.id}#/partners`;
      const first = await measurePageLoad(page, url, registerShown);
      const described = first.responses
        .map((response) => `${response.path} ${response.status} ${response.bytes} B`)
        .join('\n');
      assert.ok(
        first.transferredBytes < BUDGET_BYTES,
        `first load transferred ${first.transferredBytes} bytes:\n${described}`,
      );
      assert.ok(
        first.responses.some((response) => response.path.startsWith('/tab/assets/') && response.bytes > 0),
        described,
      );

      // Same tab opened again (a new navigation, as when Teams reopens it): the hashed files come from the cache.
      const second = await measurePageLoad(page, url, registerShown);
      const assetsFetched = second.responses.filter(
        (response) => response.path.startsWith('/tab/assets/') && response.bytes > 0,
      );
      assert.deepEqual(assetsFetched, [], 'immutable assets are not fetched again');
      assert.ok(
        second.transferredBytes < first.transferredBytes / 4,
        `second load transferred ${second.transferredBytes} bytes`,
      );
    } finally {
      await context.close();
    }
  });
});
