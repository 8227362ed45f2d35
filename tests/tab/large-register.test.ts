import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { sharedBrowser, screenshot } from '../helpers/browser.js';
import { IEV } from '../helpers/users.js';
import { fictionalPartner, seedFictionalPartners } from '../../demo/demo-partners.js';
import { openTab } from './tab-page.js';

const REGISTER_SIZE = 10_000;

interface Row {
  id: string;
  displayName: string;
}

describe('A 10,000-partner register', function () {
  this.timeout(600_000);
  let app: TestApp;
  let browser: Browser;
  const everyone = Array.from({ length: REGISTER_SIZE }, (_, index) => fictionalPartner(index));
  const byName = (a: { displayName: string }, b: { displayName: string }) =>
    a.displayName.toLowerCase() < b.displayName.toLowerCase()
      ? -1
      : a.displayName.toLowerCase() > b.displayName.toLowerCase()
        ? 1
        : 0;

  before(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedFictionalPartners(app.services.database.containers, REGISTER_SIZE);
    browser = await sharedBrowser();
  });
  after(async () => {
    await app?.stop();
  });

  it('pages through the API with continuation tokens to the very last partner, each once', async () => {
    const seen = new Set<string>();
    let last: Row | undefined;
    let continuation: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams({ pageSize: '100', ...(continuation ? { continuation } : {}) });
      const response = await app.api(`/api/partners?${query}`, { as: IEV });
      assert.equal(response.status, 200);
      const page = (await response.json()) as { items: Row[]; continuation?: string };
      assert.ok(page.items.length <= 100);
      for (const row of page.items) seen.add(row.id);
      last = page.items.at(-1) ?? last;
      continuation = page.continuation;
      pages += 1;
    } while (continuation);
    assert.equal(seen.size, REGISTER_SIZE);
    assert.equal(pages, REGISTER_SIZE / 100);
    assert.equal(last?.displayName, [...everyone].sort(byName).at(-1)!.displayName);
  });

  it('reaches the last partner in the tab by filtering and then paging with "Show more partners"', async () => {
    // Partners interested in the recovery college who are happy to be contacted (IEV also sees those who left): 1,500 of the 10,000.
    const matching = everyone
      .filter(
        (partner) =>
          partner.consent.contactAboutOpportunities.given && partner.searchInterests.includes('recovery college'),
      )
      .sort(byName);
    assert.ok(matching.length > 1000, `expected many pages of matches, got ${matching.length}`);
    const page = await openTab(browser, app, 'partners?q=recovery%20college&contactable=true&pageSize=100', {
      as: IEV,
    });
    const items = page.locator('ul[aria-label="Partners"] > li');
    // Counted in the page: Playwright's locator.count() stops at 1,000 matches.
    const shown = () => page.evaluate(() => document.querySelectorAll('ul[aria-label="Partners"] > li').length);
    await items.first().waitFor({ timeout: 60_000 });
    while ((await page.getByRole('button', { name: 'Show more partners' }).count()) > 0) {
      const before = await shown();
      await page.getByRole('button', { name: 'Show more partners' }).click();
      await page.waitForFunction(
        (count) => document.querySelectorAll('ul[aria-label="Partners"] > li').length > count,
        before,
        { timeout: 60_000 },
      );
    }
    await page.getByText('that is everyone who matches').waitFor();
    assert.equal(await shown(), matching.length);
    assert.equal((await items.last().getByRole('link').innerText()).trim(), matching.at(-1)!.displayName);
    await items.last().scrollIntoViewIfNeeded();
    await screenshot(page, 'register-10000-last-page', { fullPage: false });
    await page.context().close();
  });
});
