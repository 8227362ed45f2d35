import { join } from 'node:path';
import { startTestApp } from '../tests/helpers/app.js';
import { closeSharedBrowser, sharedBrowser } from '../tests/helpers/browser.js';
import { measurePageLoad, tabBundleBytes } from '../tests/helpers/first-load.js';
import { IEV } from '../tests/helpers/users.js';
import { seedFictionalPartners } from '../demo/demo-partners.js';
import type { Benchmark } from './harness.js';

const TAB_DIR = join(import.meta.dirname, '..', 'dist', 'tab');

/**
 * What opening the register costs on the wire, beside the size of the built tab (run `npm run build:tab`
 * first). The first load is a cold cache in headless Chromium, which asks for brotli; the second opens the
 * tab again in the same browser, as when someone comes back to it: the hashed files are cached as immutable.
 */
export const benchmark: Benchmark = {
  name: 'register tab on the wire (Chromium, developer identity, 60 partners)',
  async run() {
    const app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    const browser = await sharedBrowser();
    try {
      await seedFictionalPartners(app.services.database.containers, 60);
      const context = await browser.newContext(); // not loopbackContext: Playwright turns the HTTP cache off for a context with routes
      const page = await context.newPage();
      const url = `${app.url}/tab/index.html?as=${IEV.id}#/partners`;
      const shown = () => page.locator('ul[aria-label="Partners"] > li').first().waitFor();
      const first = await measurePageLoad(page, url, shown);
      const again = await measurePageLoad(page, url, shown);
      const bundle = { label: 'built tab, uncompressed (dist/tab)', bytes: await tabBundleBytes(TAB_DIR) };
      const firstLoad = {
        label: `first load of the register, ${first.responses.length} responses`,
        bytes: first.transferredBytes,
      };
      return [
        {
          name: 'first load transferred',
          baseline: bundle,
          subject: firstLoad,
          meaning: 'compression and what the first view needs; the budget is 200 KB',
        },
        {
          name: 'second load transferred',
          baseline: firstLoad,
          subject: { label: `second load, ${again.responses.length} responses`, bytes: again.transferredBytes },
          meaning: 'close to 0 means the hashed files came from the cache',
        },
      ];
    } finally {
      await closeSharedBrowser();
      await app.stop();
    }
  },
};
