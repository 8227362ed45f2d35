import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { cardText } from '../helpers/cards.js';
import { HOST, IEV } from '../helpers/users.js';
import {
  csvRows,
  hostMessage,
  pressFor,
  startClaimsApp,
  storedClaim,
  submit,
  today,
  twoItemClaim,
} from '../claims/claim-steps.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';
import { axeViolations, describeViolations, useTabBrowser, type Theme } from './tab-page.js';

/**
 * Issue 11's walk, as the people do it: a claim submitted in the bot appears in Claims; IEV approves one
 * item of two; the host reopens, corrects and resubmits the other; IEV approves; the export's CSV rows
 * match the approved totals; Mark as paid; the host is told. In each theme, with screenshots and axe.
 */
describe('From claim to payment without leaving Teams', function () {
  this.timeout(180_000);
  let app: TestApp;
  const tab = useTabBrowser(async () => {
    app = await startClaimsApp();
    return app;
  });

  for (const theme of ['default', 'dark', 'contrast'] as Theme[]) {
    it(`walks a claim from the bot to "paid" in the ${theme} theme, with no accessibility problems`, async () => {
      const problems: string[] = [];
      const check = async (page: Page, step: string) => {
        await page.waitForLoadState('networkidle');
        const violations = await axeViolations(page);
        if (violations.length > 0) problems.push(`${step}:\n${describeViolations(violations)}`);
        await screenshot(page, `walk-${step}-${theme}`);
      };
      const partnerName = { default: 'Tara Tully', dark: 'Uma Umar', contrast: 'Vic Vance' }[theme];

      // The host submits a claim in the bot: mileage (£5.40) and parking (£12.00).
      const { host, claimId, parkingId } = await twoItemClaim(app, partnerName);

      // It appears in Claims, waiting.
      const page = await tab.open('claims', { as: IEV, theme });
      const row = page.getByRole('list', { name: 'Claims' }).getByRole('listitem').filter({ hasText: partnerName });
      await row.getByText('Waiting for a decision').waitFor();
      await check(page, 'claims-waiting');
      await row.getByRole('link', { name: `Claim for ${partnerName}` }).click();
      await page.getByRole('heading', { name: new RegExp(`Expense claim for ${partnerName}`), level: 2 }).waitFor();

      // IEV approves the mileage and not the parking, with a reason.
      const decide = page.getByRole('region', { name: 'Decide' });
      await decide.getByLabel(/^Do not approve Parking/).check();
      await decide.getByLabel(/^Why Parking.*is not approved/).fill('No receipt for the car park');
      await check(page, 'claim-partial-choice');
      await decide.getByRole('button', { name: 'Approve the other items' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Partly approved/ })
        .waitFor();
      await page.getByText(/1 of 2 items, £5\.40 to be paid/).waitFor();
      await check(page, 'claim-partly-approved');
      assert.deepEqual((await storedClaim(app, claimId)).decision?.rejectedItems, [
        { itemId: parkingId, reason: 'No receipt for the car park' },
      ]);
      // The list says what will be paid, not only what was claimed.
      const list = await tab.open('claims?state=approved', { as: IEV, theme });
      await list
        .getByRole('list', { name: 'Claims' })
        .getByRole('listitem')
        .filter({ hasText: partnerName })
        .getByText(/Expenses £17\.40 · Involvement payment £0\.00 · £5\.40 approved · 2 items/)
        .waitFor();

      // The host is told which item and why, sees it on the claim's page, then reopens, corrects and sends it back.
      assert.match(
        cardText((await hostMessage(app, new RegExp(`Claim partly approved: ${partnerName}`))).activity),
        /No receipt for the car park/,
      );
      const hostPage = await tab.open(`claims/${claimId}`, { as: HOST, theme });
      await hostPage
        .getByRole('region', { name: 'Items' })
        .getByText(/Not approved\s*No receipt for the car park/)
        .waitFor();
      await check(hostPage, 'host-sees-not-approved');
      // The host takes it back on the claim's page (the bot's "Correct and send back" does the same).
      await hostPage
        .getByRole('region', { name: 'Correct and send back' })
        .getByRole('button', { name: 'Correct and send back' })
        .click();
      await hostPage
        .getByRole('status')
        .filter({ hasText: /^Reopened to correct/ })
        .waitFor();
      await hostPage.getByRole('heading', { name: /Reopened by the host to correct/, level: 2 }).waitFor();
      assert.equal(await hostPage.getByRole('button', { name: 'Correct and send back' }).count(), 0);
      await check(hostPage, 'host-reopened');
      assert.equal((await storedClaim(app, claimId)).status, 'reopened');
      await pressFor(host, CLAIM_VERBS.removeItem.verb, { claimId, itemId: parkingId });
      await pressFor(host, CLAIM_VERBS.addItem.verb, {
        claimId,
        kind: 'parking',
        date: today(),
        description: 'Hospital car park',
        amount: '4.00',
      });
      await submit(host, claimId, { answer: 'The car park was £4, and the ticket is attached.' });
      assert.equal((await storedClaim(app, claimId)).status, 'resubmitted');

      // IEV approves it.
      await page.reload();
      await page.getByRole('heading', { name: new RegExp(`Expense claim for ${partnerName}`), level: 2 }).waitFor();
      await page
        .getByRole('region', { name: 'History' })
        .getByText(/The car park was £4/)
        .waitFor();
      await page.getByRole('region', { name: 'Decide' }).getByRole('button', { name: 'Approve' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Approved/ })
        .waitFor();
      await check(page, 'claim-approved');

      // Export for payment: the CSV's rows are the approved amounts.
      await page.getByRole('navigation').getByRole('link', { name: 'Payments' }).click();
      await page.getByRole('heading', { name: 'Payments', level: 2 }).waitFor();
      await page.getByText(/1 approved claim is waiting: expenses £9\.40/).waitFor();
      await check(page, 'payments-waiting');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export for payment' }).click(),
      ]);
      const rows = csvRows(await readFile(await download.path(), 'utf8'));
      const approved = await storedClaim(app, claimId);
      assert.deepEqual(
        rows.map((row) => [row.claim_id, row.item_id, row.amount_pence]),
        approved.items.map((item) => [claimId, item.id, String(item.amountPence)]),
      );
      assert.ok(rows.every((row) => row.claim_total_pence === '940'));
      await page
        .getByRole('status')
        .filter({ hasText: /^Exported 1 claim for payment/ })
        .waitFor();
      await check(page, 'payments-exported');

      // Mark as paid: the host is told.
      await page.getByRole('list', { name: 'Payment batches' }).getByRole('link').first().click();
      await page.getByRole('button', { name: 'Mark the whole batch paid' }).click();
      await page
        .getByRole('heading', { name: /Payment batch exported/, level: 2 })
        .getByText(/^Paid on/)
        .waitFor();
      await check(page, 'batch-paid');
      assert.equal((await storedClaim(app, claimId)).status, 'paid');
      assert.match(
        cardText((await hostMessage(app, new RegExp(`Claim paid: ${partnerName}`))).activity),
        /£9\.40 was paid on/,
      );
      assert.equal(problems.join('\n\n'), '');
    });
  }
});
