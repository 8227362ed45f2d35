import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { HOST, IEV } from '../helpers/users.js';
import { approvedClaim, csvRows, personalChatId, startClaimsApp, storedClaim } from '../claims/claim-steps.js';
import { cardText } from '../helpers/cards.js';
import { cardsSent } from '../helpers/chat.js';
import { axeViolations, describeViolations, useTabBrowser, type Theme } from './tab-page.js';

/** Presses a button that downloads a file and returns what was downloaded. */
async function downloaded(page: Page, press: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), press()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe('Payments in the tab: IEV exports approved claims and marks them paid', function () {
  this.timeout(120_000);
  let app: TestApp;
  const claimIds: string[] = [];
  const tab = useTabBrowser(async () => {
    app = await startClaimsApp();
    claimIds.push(await approvedClaim(app, 'Mira Moss', false), await approvedClaim(app, 'Nell Noor', false));
    return app;
  });

  it('exports the approved claims once, downloading the finance file whose rows are the approved amounts', async () => {
    const page = await tab.open('claims', { as: IEV });
    await page.getByRole('navigation').getByRole('link', { name: 'Payments' }).click();
    await page.getByRole('heading', { name: 'Payments', level: 2 }).waitFor();
    await page.getByText('2 approved claims are waiting: expenses £9.00').waitFor();
    await screenshot(page, 'payments-before-export');
    const file = await downloaded(page, () => page.getByRole('button', { name: 'Export for payment' }).click());
    assert.match(file.name, /^batch-[a-f0-9]+-expenses\.csv$/);
    const rows = csvRows(file.text);
    assert.deepEqual(rows.map((row) => row.claim_id).sort(), [...claimIds].sort());
    for (const row of rows) {
      const claim = await storedClaim(app, row.claim_id!);
      assert.equal(Number(row.claim_total_pence), claim.totals.expensesPence);
      assert.equal(claim.status, 'exported');
    }
    await page
      .getByRole('status')
      .filter({ hasText: /^Exported 2 claims for payment/ })
      .waitFor();
    await page.getByText('No approved claims are waiting to be exported.').waitFor();
    assert.ok(await page.getByRole('button', { name: 'Export for payment' }).isDisabled(), 'nothing left to export');
    const batches = page.getByRole('list', { name: 'Payment batches' }).getByRole('listitem');
    assert.equal(await batches.count(), 1);
    await batches.first().getByText('Sent for payment').waitFor();
    const again = await downloaded(page, () =>
      batches.first().getByRole('button', { name: 'Download the finance files' }).click(),
    );
    assert.equal(again.text, file.text, 'the batch downloads the same file again');
    await screenshot(page, 'payments-exported');
  });

  it('marks one claim paid on the date given, says why a future date is refused, then the rest of the batch', async () => {
    const page = await tab.open('payments', { as: IEV });
    await page.getByRole('list', { name: 'Payment batches' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: /Payment batch exported/, level: 2 }).waitFor();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Payment date').fill(tomorrow);
    await page.getByLabel('Choose the claim for Mira Moss').check();
    await page.getByRole('button', { name: 'Mark the chosen claims paid' }).click();
    await page.getByText('The payment date cannot be in the future').waitFor();
    assert.equal((await storedClaim(app, claimIds[0]!)).status, 'exported');

    // Exported today, so yesterday is before the export: refused too, in words next to the date.
    await page.getByLabel('Payment date').fill(yesterday);
    await page.getByRole('button', { name: 'Mark the chosen claims paid' }).click();
    await page.getByText('The payment date cannot be before the claims were exported for payment').waitFor();

    const day = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Payment date').fill(day);
    await page.getByRole('button', { name: 'Mark the chosen claims paid' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Marked 1 claim paid/ })
      .waitFor();
    const claims = page.getByRole('list', { name: 'Claims in this batch' }).getByRole('listitem');
    await claims
      .filter({ hasText: 'Mira Moss' })
      .getByText(/^Paid on/)
      .waitFor();
    await claims.filter({ hasText: 'Nell Noor' }).getByText('Sent for payment').waitFor();
    assert.equal((await storedClaim(app, claimIds[0]!)).paidOn, day);
    assert.equal((await storedClaim(app, claimIds[1]!)).status, 'exported');
    await app.connector.waitFor(
      (call) =>
        call.kind === 'send' &&
        call.conversationId === personalChatId(HOST) &&
        /Claim paid: Mira Moss/.test(cardText(cardsSent([call]))),
    );
    await screenshot(page, 'payments-one-paid');

    await page.getByRole('button', { name: 'Mark the whole batch paid' }).click();
    await page
      .getByRole('heading', { name: /Payment batch exported/, level: 2 })
      .getByText(/^Paid on/)
      .waitFor();
    assert.equal((await storedClaim(app, claimIds[1]!)).status, 'paid');
    assert.equal(await page.getByRole('region', { name: 'Mark as paid' }).count(), 0, 'nothing left to pay');
    await screenshot(page, 'payments-batch-paid');
  });

  it('never shows a host "Payments", and refuses them the page in plain words', async () => {
    const page = await tab.open('partners', { as: HOST });
    await page.getByRole('heading', { name: 'Involvement Partners', level: 2 }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Payments' }).count(), 0);
    await page.goto(page.url().replace(/#.*$/, '#/payments'));
    await page.getByText('Only the IEV team can export or pay claims.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Export for payment' }).count(), 0);
  });

  for (const theme of ['default', 'dark', 'contrast'] as Theme[]) {
    it(`shows payments and a batch without accessibility problems in the ${theme} theme`, async () => {
      const problems: string[] = [];
      const page = await tab.open('payments', { as: IEV, theme });
      await page.getByRole('list', { name: 'Payment batches' }).waitFor();
      let violations = await axeViolations(page);
      if (violations.length > 0) problems.push(`payments:\n${describeViolations(violations)}`);
      await screenshot(page, `payments-${theme}`);
      // Nothing is waiting: the button cannot be pressed and looks it, outlined, never green ("go") in any theme.
      const exportButton = page.getByRole('button', { name: 'Export for payment' });
      assert.ok(await exportButton.isDisabled());
      const look = await exportButton.evaluate((button) => {
        const style = getComputedStyle(button);
        return { color: style.color, border: style.borderTopStyle };
      });
      assert.deepEqual(
        { green: look.color === 'rgb(63, 242, 63)', border: look.border },
        { green: false, border: 'dashed' },
      );
      await page.getByRole('list', { name: 'Payment batches' }).getByRole('link').first().click();
      await page.getByRole('list', { name: 'Claims in this batch' }).waitFor();
      violations = await axeViolations(page);
      if (violations.length > 0) problems.push(`batch:\n${describeViolations(violations)}`);
      await screenshot(page, `payment-batch-${theme}`);
      assert.equal(problems.join('\n\n'), '');
    });
  }
});
