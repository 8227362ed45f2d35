import assert from 'node:assert/strict';
import { fictionalClaim, seedFictionalClaims } from '../../demo/demo-claims.js';
import { encodePng } from '../../scripts/app-package/png.js';
import type { TestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { HOST, IEV, SECOND_IEV } from '../helpers/users.js';
import { startClaimsApp, storedClaim, submittedClaim } from '../claims/claim-steps.js';
import { axeViolations, describeViolations, useTabBrowser, type Theme } from './tab-page.js';
import { CLAIM_VERBS } from '../../bot/claims/claim-verbs.js';

/** A receipt photo: a pale ticket with a dark stripe, so a screenshot shows it was drawn. */
function ticketPhoto(): Buffer {
  const width = 240;
  const height = 120;
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const dark = y > 50 && y < 70;
      pixels.set(dark ? [40, 40, 60, 255] : [250, 240, 200, 255], (y * width + x) * 4);
    }
  }
  return encodePng({ width, height, pixels });
}

const WITH_RECEIPT = fictionalClaim(1000, {
  id: 'claim-with-receipt',
  status: 'submitted',
  submittedAt: new Date().toISOString(),
  payBy: '2099-01-01',
  items: [
    {
      id: 'item-park',
      input: { kind: 'parking', date: '2026-11-30', description: 'Hospital car park', amountPence: 1200 },
      category: 'expense',
      claimedPence: 1200,
      amountPence: 1200,
      explanation: 'Parking \u00a312.00',
      flags: [],
    },
    {
      id: 'item-lunch',
      input: { kind: 'subsistence', date: '2026-11-30', description: 'Lunch', amountPence: 1450 },
      category: 'expense',
      claimedPence: 1450,
      amountPence: 1000,
      explanation: 'Food and drink \u00a314.50, capped at \u00a310.00 a day',
      flags: [{ code: 'over-cap', message: 'Over the \u00a310.00 daily cap for food and drink: \u00a310.00 allowed' }],
    },
  ],
  totals: { expensesPence: 2200, paymentsPence: 0 },
  receipts: [
    {
      id: 'receipt-park',
      itemId: 'item-park',
      fileName: 'car-park.png',
      contentType: 'image/png',
      size: 0,
      blobName: 'claims/claim-with-receipt/receipt-park.png',
      addedAt: new Date().toISOString(),
    },
  ],
});

describe('Claims in the tab: the IEV team\u2019s list and a claim\u2019s page', function () {
  this.timeout(120_000);
  let app: TestApp;
  const tab = useTabBrowser(async () => {
    app = await startClaimsApp();
    await seedFictionalClaims(app.services.database.containers, 30);
    await app.services.claims.receipts.put(WITH_RECEIPT.receipts[0]!.blobName, {
      bytes: ticketPhoto(),
      contentType: 'image/png',
    });
    await app.services.claims.store.createClaim(WITH_RECEIPT);
    return app;
  });

  it('shows IEV "Claims" with the number waiting, newest first, late claims marked in words', async () => {
    const page = await tab.open('partners', { as: IEV });
    const waiting =
      Array.from({ length: 30 }, (_, index) => fictionalClaim(index)).filter(
        (claim) => claim.status === 'submitted' || claim.status === 'resubmitted',
      ).length + 1;
    await page.getByRole('link', { name: `Claims (${waiting} waiting)` }).click();
    await page.getByRole('heading', { name: 'Expense claims', level: 2 }).waitFor();
    const rows = page.getByRole('list', { name: 'Claims' }).getByRole('listitem');
    await rows.first().waitFor();
    assert.equal(await rows.count(), waiting);
    assert.match(await rows.first().innerText(), /Claim for/);
    await rows.first().getByText('Waiting for a decision').waitFor();
    assert.equal(
      await rows
        .first()
        .getByText(/Past pay-by target/)
        .count(),
      0,
      'the newest claim is not late',
    );
    await rows
      .nth(1)
      .getByText(/Past pay-by target/)
      .waitFor();
    await screenshot(page, 'claims-list-iev');
  });

  it('filters by state, partner and pay-by target through the address, so a view can be shared', async () => {
    const page = await tab.open('claims', { as: IEV });
    await page.getByLabel('State').selectOption('paid');
    const rows = page.getByRole('list', { name: 'Claims' }).getByRole('listitem');
    await page.waitForURL(/state=paid/);
    await rows.first().getByText('Paid', { exact: true }).waitFor();
    const paid = Array.from({ length: 30 }, (_, index) => fictionalClaim(index)).filter(
      (claim) => claim.status === 'paid',
    );
    assert.equal(await rows.count(), paid.length);
    const partnerName = paid[0]!.partnerName;
    await rows
      .first()
      .getByRole('button', { name: `Only claims for ${partnerName}` })
      .click();
    await page.getByRole('button', { name: `Show every partner, not only ${partnerName}` }).waitFor();
    const theirs = paid.filter((claim) => claim.partnerId === paid[0]!.partnerId).length;
    await page
      .getByRole('status')
      .filter({ hasText: `Showing ${theirs} ${theirs === 1 ? 'claim' : 'claims'} ` })
      .waitFor();
    assert.equal(await rows.count(), theirs);

    await page.getByLabel('State').selectOption('all');
    await page.getByRole('button', { name: `Show every partner, not only ${partnerName}` }).click();
    await page.getByLabel('Only claims past the pay-by target').click();
    await page.waitForURL(/pastPayBy=true/);
    await page
      .getByRole('status')
      .filter({ hasText: /Showing \d+ claims/ })
      .waitFor();
    const late = await rows.count();
    assert.ok(late > 0);
    assert.equal(await rows.getByText(/Past pay-by target/).count(), late, 'every row shown is marked late');
  });

  it('opens a claim: items with how they were worked out and the policy flags, the receipt shown in the page, declarations and history', async () => {
    const page = await tab.open('claims', { as: IEV });
    await page
      .getByRole('link', { name: `Claim for ${WITH_RECEIPT.partnerName}` })
      .first()
      .click();
    await page
      .getByRole('heading', { name: new RegExp(`Expense claim for ${WITH_RECEIPT.partnerName}`), level: 2 })
      .waitFor();
    await page.getByText('Food and drink \u00a314.50, capped at \u00a310.00 a day').waitFor();
    await page
      .getByRole('list', { name: 'Policy flags' })
      .getByText(/Over the \u00a310.00 daily cap/)
      .waitFor();
    await page.getByRole('button', { name: 'Show receipt car-park.png' }).click();
    const image = page.getByRole('img', { name: 'Receipt car-park.png' });
    await image.waitFor();
    await page.waitForFunction(() =>
      [...document.images].some(
        (element) => element.alt === 'Receipt car-park.png' && element.complete && element.naturalWidth === 240,
      ),
    );
    await page.getByText(/The partner confirmed they had these costs/).waitFor();
    await page
      .getByRole('region', { name: 'History' })
      .getByText(/Waiting for a decision, by/)
      .waitFor();
    await screenshot(page, 'claim-detail-iev');
  });

  it('decides from the tab while Approve is pressed on the card at the same moment: one decision, and the page says who made it', async () => {
    const { claimId } = await submittedClaim(app, app.personalChat(HOST), 'Pat Press');
    const page = await tab.open(`claims/${claimId}`, { as: IEV });
    const approve = page.getByRole('region', { name: 'Decide' }).getByRole('button', { name: 'Approve' });
    await approve.waitFor();
    await screenshot(page, 'claim-decide-iev');
    await Promise.all([approve.click(), app.channel(SECOND_IEV).press(CLAIM_VERBS.approve.verb, { claimId })]);
    const notice = page.getByRole('status').filter({ hasText: /^(Approved|Someone else decided first)/ });
    await notice.waitFor();
    const stored = await storedClaim(app, claimId);
    assert.equal(stored.history.filter((entry) => entry.status === 'approved').length, 1, 'one decision');
    const said = await notice.innerText();
    if (stored.decision?.byId === IEV.id) assert.match(said, /^Approved/);
    else assert.match(said, /Someone else decided first[\s\S]*Already decided\. Approved by Iris IEV \(test\)/);
    await page
      .getByRole('heading', { name: /Expense claim for Pat Press/, level: 2 })
      .getByText('Approved')
      .waitFor();
    assert.equal(await page.getByRole('region', { name: 'Decide' }).count(), 0, 'nothing more to decide');
    await screenshot(page, 'claim-decided-iev');
  });

  it('rejects from the tab with a reason, explaining a missing one next to the field', async () => {
    const { claimId } = await submittedClaim(app, app.personalChat(HOST), 'Rory Reject');
    const page = await tab.open(`claims/${claimId}`, { as: IEV });
    const decide = page.getByRole('region', { name: 'Decide' });
    await decide.getByRole('button', { name: 'Reject' }).click();
    await decide.getByText('Give a reason for rejecting the claim').waitFor();
    assert.equal((await storedClaim(app, claimId)).status, 'submitted');
    await decide.getByLabel('Reason for rejecting (the host is told)').fill('The taxi was not agreed in advance.');
    await decide.getByRole('button', { name: 'Reject' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Rejected/ })
      .waitFor();
    assert.equal((await storedClaim(app, claimId)).decision?.reason, 'The taxi was not agreed in advance.');
    await page.getByText(/Rejected by Ivy IEV \(demo\).*The taxi was not agreed in advance\./).waitFor();
  });

  it('never shows a host "Claims", and refuses them the list in plain words', async () => {
    const page = await tab.open('partners', { as: HOST });
    await page.getByRole('heading', { name: 'Involvement Partners', level: 2 }).waitFor();
    assert.equal(await page.getByRole('link', { name: /^Claims/ }).count(), 0);
    await page.goto(page.url().replace(/#.*$/, '#/claims'));
    await page.getByText(/Only the IEV team can see every expense claim/).waitFor();
    assert.equal(await page.getByRole('list', { name: 'Claims' }).count(), 0);
    await screenshot(page, 'claims-list-host-refused');
  });

  for (const theme of ['default', 'dark', 'contrast'] as Theme[]) {
    it(`shows the list and a claim without accessibility problems in the ${theme} theme`, async () => {
      const problems: string[] = [];
      for (const [name, route, heading] of [
        ['claims-list', 'claims?state=all', 'Expense claims'],
        ['claim-detail', `claims/${WITH_RECEIPT.id}`, `Expense claim for ${WITH_RECEIPT.partnerName}`],
      ] as const) {
        const page = await tab.open(route, { as: IEV, theme });
        await page.getByRole('heading', { name: new RegExp(heading), level: 2 }).waitFor();
        await page.waitForLoadState('networkidle');
        if (name === 'claim-detail') {
          await page.getByRole('button', { name: 'Show receipt car-park.png' }).click();
          await page.getByRole('img', { name: 'Receipt car-park.png' }).waitFor();
        } else {
          await page.getByRole('list', { name: 'Claims' }).waitFor();
        }
        const violations = await axeViolations(page);
        if (violations.length > 0) problems.push(`${name}:\n${describeViolations(violations)}`);
        await screenshot(page, `${name}-${theme}`);
      }
      assert.equal(problems.join('\n\n'), '');
    });
  }
});
