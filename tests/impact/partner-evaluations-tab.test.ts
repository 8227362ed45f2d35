import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { HOST, IEV } from '../helpers/users.js';
import { axeViolations, describeViolations, useTabBrowser } from '../tab/tab-page.js';
import { seedImpactExample } from './impact-example.js';

describe('"Is it working?": partners\u2019 own view in the register tab (headless Chromium)', function () {
  this.timeout(120_000);
  let app: TestApp;
  const { open } = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    await seedImpactExample(app);
    return app;
  });

  it('shows a host each question answer by answer, small numbers suppressed, never one partner\u2019s answers', async () => {
    const page = await open('impact?from=2026-01-01&to=2026-03-31', { as: HOST });
    const table = page.getByRole('table', { name: /How it was \(partners' own answers/ });
    await table.waitFor();
    const rows = (await table.getByRole('row').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    assert.deepEqual(rows.slice(1), [
      'Very good 0',
      'Good 5',
      'Mixed fewer than 5',
      'Poor fewer than 5',
      'Not answered 0',
      'Total 7',
    ]);
    // 6 yes and 1 not answered of 7: the 6 would give the 1 away, so it is hidden.
    const listened = page.getByRole('table', { name: /Felt listened to/ });
    assert.match(await listened.getByRole('row', { name: /^Yes/ }).innerText(), /hidden/);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'impact-partners-own-view', { fullPage: false });
  });
});
