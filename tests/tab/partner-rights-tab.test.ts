import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { HOST, IEV } from '../helpers/users.js';
import { fictionalPartner } from '../../demo/demo-partners.js';
import { normaliseName } from '../../domain/register/registration.js';
import type { Partner } from '../../domain/register/partner.js';
import { axeViolations, describeViolations, useTabBrowser, type Theme } from './tab-page.js';

/** Waits for the dialog's opening animation: axe would otherwise measure half-faded colours. */
const animationsDone = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));

const FIVE_YEARS_AGO = new Date(Date.now() - 5 * 365.25 * 24 * 3600 * 1000).toISOString();

/** A partner registered five years ago and never involved since: due for retention review. */
function longAgoPartner(id: string, displayName: string): Partner {
  const { lastInvolvedAt: _never, ...base } = fictionalPartner(3);
  return {
    ...base,
    id,
    displayName,
    searchName: normaliseName(displayName),
    status: 'active',
    registeredAt: FIVE_YEARS_AGO,
  };
}

describe('Partner rights in the register tab: download, erase on request, retention review', function () {
  this.timeout(120_000);
  let app: TestApp;
  const esme = longAgoPartner('partner-0b7c6a1e-5f4d-4e3c-9b2a-0a1b2c3d4e5f', 'Esme Erasable');
  const rufus = longAgoPartner('partner-1c8d7b2f-6a5e-4f4d-8c3b-1b2c3d4e5f60', 'Rufus Reviewed');

  const tab = useTabBrowser(async () => {
    app = await startTestApp({ env: { IEV_MEMBER_IDS: IEV.id } });
    for (const partner of [esme, rufus]) await app.services.partners.create(partner);
    return app;
  });
  const open = (route: string, as = IEV, theme: Theme = 'default') => tab.open(route, { as, theme });

  it('offers a host neither button', async () => {
    const page = await open(`partners/${esme.id}`, HOST);
    await page.getByRole('heading', { name: esme.displayName, level: 2 }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Download their data' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Erase on request' }).count(), 0);
  });

  it('lets an IEV member download everything held about the partner as a file', async () => {
    const page = await open(`partners/${esme.id}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download their data' }).click(),
    ]);
    assert.match(
      download.suggestedFilename(),
      new RegExp(`^involvement-partner-${esme.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`),
    );
    const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as { registerEntry: Partner };
    assert.equal(saved.registerEntry.displayName, esme.displayName);
    assert.deepEqual(saved.registerEntry.emergencyContact, esme.emergencyContact);
  });

  it('erases on request through an accessible, keyboard-usable confirmation dialog that needs a reason', async () => {
    const page = await open(`partners/${esme.id}`);
    const opener = page.getByRole('button', { name: 'Erase on request' });
    await opener.waitFor();
    await opener.click();
    const dialog = page.getByRole('dialog', { name: `Erase ${esme.displayName}'s data?` });
    await dialog.waitFor();
    await dialog.getByText('It cannot be undone').waitFor();
    await animationsDone(page);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'partner-rights-erase-dialog', { fullPage: false });

    await dialog.getByRole('button', { name: 'Erase their data' }).click();
    await dialog.getByText(/Say why the partner.s data is being erased/).waitFor();
    assert.equal(
      (await app.services.partners.get(esme.id)).displayName,
      esme.displayName,
      'nothing is erased without a reason',
    );

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Role queries skip aria-hidden content: the page must be back for screen readers too.
    await page.getByRole('heading', { name: esme.displayName, level: 2 }).waitFor({ timeout: 3000 });
    await page
      .waitForFunction(() => document.activeElement?.textContent === 'Erase on request', undefined, { timeout: 2000 })
      .catch(() => assert.fail('focus returns to the button that opened the dialog'));

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    assert.equal(
      await dialog
        .getByLabel(/Why are you erasing their data/)
        .evaluate((element) => element === document.activeElement),
      true,
      'focus starts on the reason',
    );
    await page.keyboard.type('The partner asked us to by email.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Erased partner', level: 2 }).waitFor();
    await page.getByText('Personal data erased').waitFor();
    await page.getByText(/Reason: The partner asked us to by email\./).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Erase on request' }).count(), 0);

    const stored = await app.services.partners.get(esme.id);
    assert.equal(stored.erasure?.byId, IEV.id);
    assert.equal(stored.emergencyContact, undefined);
  });

  it('lists an IEV member the partners due for retention review, with the same erase flow', async () => {
    const page = await open('partners');
    const summary = page.getByText(/^Due for retention review/);
    await summary.click();
    const due = page.getByRole('list', { name: 'Partners due for retention review' });
    const item = due.getByRole('listitem').filter({ hasText: rufus.displayName });
    await item.getByText('Registered long ago and never involved').waitFor();
    assert.equal(
      await due.getByRole('listitem').filter({ hasText: esme.displayName }).count(),
      0,
      'an erased partner is not listed',
    );
    await item.getByRole('button', { name: `Erase ${rufus.displayName}'s data` }).click();
    const dialog = page.getByRole('dialog', { name: `Erase ${rufus.displayName}'s data?` });
    await dialog
      .getByLabel(/Why are you erasing their data/)
      .fill('No involvement for five years and no reply to our letters.');
    await dialog.getByRole('button', { name: 'Erase their data' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${rufus.displayName}'s data was erased.` })
      .waitFor();
    await item.waitFor({ state: 'detached' });
    assert.equal((await app.services.partners.get(rufus.id)).displayName, 'Erased partner');
  });

  for (const theme of ['dark', 'contrast'] as const) {
    it(`shows the erase dialog without accessibility problems in the ${theme} theme`, async () => {
      const partner = longAgoPartner(`partner-${theme}-theme-0000`, `Theo ${theme === 'dark' ? 'Dark' : 'Contrast'}`);
      await app.services.partners.create(partner);
      const page = await open(`partners/${partner.id}`, IEV, theme);
      await page.getByRole('button', { name: 'Erase on request' }).click();
      await page.getByRole('dialog', { name: `Erase ${partner.displayName}'s data?` }).waitFor();
      await animationsDone(page);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
    });
  }

  it('shows a long review list 50 at a time, with "Show more"', async () => {
    await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        app.services.partners.create(
          longAgoPartner(`partner-long-list-${String(index).padStart(3, '0')}`, `Ursula Unheard ${index}`),
        ),
      ),
    );
    const page = await open('partners');
    await page.getByText(/^Due for retention review \(50\+\)/).click();
    const due = page.getByRole('list', { name: 'Partners due for retention review' }).getByRole('listitem');
    assert.equal(await due.count(), 50);
    await page.getByRole('button', { name: 'Show more partners due for review' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-label="Partners due for retention review"] > li').length > 50,
    );
    assert.ok((await due.count()) >= 60, 'everyone due is listed after "Show more"');
    assert.equal(await due.filter({ hasText: 'Ursula Unheard 59' }).count(), 1);
  });
});
