import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { HOST, IEV, OTHER } from '../helpers/users.js';
import { axeViolations, describeViolations, useTabBrowser, type Theme } from '../tab/tab-page.js';
import { seedImpactExample } from './impact-example.js';

const QUARTER = 'impact?from=2026-01-01&to=2026-03-31';

describe('"Is it working?" in the register tab (headless Chromium)', function () {
  this.timeout(120_000);
  let app: TestApp;
  const { open } = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await app.services.directoryStore.savePerson({ userId: OTHER.id, displayName: OTHER.name, roles: ['viewer'] });
    await seedImpactExample(app);
    return app;
  });
  const rowOf = (page: Page, table: string, row: string) =>
    page.getByRole('table', { name: table }).getByRole('row', { name: new RegExp(`^${row}`) });

  it('shows an IEV member the headline figures and tables for a quarter', async () => {
    const page = await open(QUARTER, { as: IEV });
    await page.getByRole('heading', { name: 'Is it working?' }).waitFor();
    // Dates are formatted by the browser's Intl, which may use no-break spaces.
    await page.getByText(/Figures for 1\sJan\s2026 to 31\sMar\s2026\./).waitFor();
    await page.getByText(/any number from 1 to 4 is shown as “fewer than 5”/).waitFor();
    const headlines = await page.getByRole('list', { name: 'Headline figures' }).innerText();
    assert.match(headlines, /15\s*people took part\s*9 new faces, 6 returning/);
    assert.match(headlines, /21\s*hours given by partners\s*Across 2 sessions/);
    assert.match(headlines, /1 of 2\s*pieces of work told people what changed/);
    assert.match(headlines, /12 days\s*typical time to pay a claim\s*67% paid within the 14-day target/);
    assert.match(await rowOf(page, 'Money paid to partners', 'Expenses paid back').innerText(), /£60\.00/);
    assert.match(await rowOf(page, 'Money paid to partners', 'Involvement payments').innerText(), /£45\.00/);
    assert.match(await rowOf(page, 'Equality monitoring', 'Agreed to answer').innerText(), /5/);
    // Each of the five who agreed is in a different age group: every one is "fewer than 5".
    assert.match(await rowOf(page, 'Age group (people who agreed to answer)', '65\\+').innerText(), /fewer than 5/);
    assert.match(await rowOf(page, 'Age group (people who agreed to answer)', '25-34').innerText(), /fewer than 5/);
  });

  it('offers the link to hosts and IEV members but not to other teams, who are told why', async () => {
    const host = await open('partners', { as: HOST });
    await host.getByRole('link', { name: 'Is it working?' }).click();
    await host.getByRole('heading', { name: 'Is it working?' }).waitFor();
    await host
      .getByRole('list', { name: 'Headline figures' })
      .or(host.getByRole('status').filter({ hasText: 'No sessions' }))
      .first()
      .waitFor();

    const other = await open('partners', { as: OTHER });
    await other.getByRole('heading', { name: 'Involvement Partners' }).waitFor();
    assert.equal(await other.getByRole('link', { name: 'Is it working?' }).count(), 0);
    const direct = await open(QUARTER, { as: OTHER });
    assert.match(await direct.getByRole('alert').innerText(), /for the IEV team and staff who run involvement work/);
  });

  it('words hidden and small numbers plainly, and explains why the breakdown is missing', async () => {
    const page = await open('impact?from=2026-04-01&to=2026-06-30', { as: IEV });
    const headlines = await page.getByRole('list', { name: 'Headline figures' }).innerText();
    assert.match(headlines, /7\s*people took part\s*new faces hidden, fewer than 5 returning/);
    assert.match(headlines, /Not shown\s*typical time to pay a claim\s*Fewer than 5 claims were paid: too few to show/);
    assert.match(await rowOf(page, 'New faces and returning ones', 'New this period').innerText(), /hidden/);
    await page
      .getByText(/“Hidden” means a number is not shown so that a number under 5 cannot be worked out/)
      .waitFor();
    await page.getByText(/breakdown by age, disability, ethnic group and gender is not shown/).waitFor();
    assert.match(await rowOf(page, 'Money paid to partners', 'Expenses paid back').innerText(), /Not shown/);
    await screenshot(page, 'impact-suppressed', { fullPage: true });
  });

  it('says plainly when nothing happened in the chosen period', async () => {
    const page = await open('impact?from=2020-01-01&to=2020-03-31', { as: IEV });
    await page
      .getByText(/No sessions were logged and no claims were paid between 1\sJan\s2020 and 31\sMar\s2020/)
      .waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
  });

  it('changes period from the list', async () => {
    const page = await open(QUARTER, { as: IEV });
    await page.getByRole('list', { name: 'Headline figures' }).waitFor();
    const options = await page.getByLabel('Period', { exact: true }).locator('option').allInnerTexts();
    assert.equal(options[1], 'The last 12 months');
    assert.equal(options.length, 6);
    await page.getByLabel('Period', { exact: true }).selectOption({ index: 1 });
    await page.getByText(/^Figures for .* to /).waitFor();
    assert.doesNotMatch(await page.getByText(/^Figures for/).innerText(), /1\sJan\s2026 to 31\sMar\s2026/);
  });

  for (const theme of ['default', 'dark', 'contrast'] as Theme[]) {
    it(`finds no accessibility problems in the ${theme} theme`, async () => {
      const page = await open(QUARTER, { as: IEV, theme });
      await page.getByRole('list', { name: 'Headline figures' }).waitFor();
      const violations = await axeViolations(page);
      await screenshot(page, `impact-${theme}`, { fullPage: true });
      assert.deepEqual(violations, [], describeViolations(violations));
    });
  }

  it('fits a narrow Teams side panel (320 px) without sideways scrolling', async () => {
    const page = await open(QUARTER, { as: HOST, width: 320 });
    await page.getByRole('list', { name: 'Headline figures' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    await screenshot(page, 'impact-narrow', { fullPage: true });
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  });
});
