import assert from 'node:assert/strict';
import { screenshot } from '../helpers/browser.js';
import { IEV } from '../helpers/users.js';
import { fictionalPartner } from '../../demo/demo-partners.js';
import { axeViolations, describeViolations, useRegisterWithPartners, type Theme } from './tab-page.js';

describe('Correcting a partner\u2019s details in the tab (IEV)', function () {
  this.timeout(180_000);
  const tab = useRegisterWithPartners(20);
  const { open } = tab;

  it('changes the phone number and needs; the page shows them and the audit names the fields without their values', async () => {
    const partner = fictionalPartner(10);
    // Work the partner took part in: a correction keeps it with their entry (rectification, not re-registration).
    await tab.app.services.database.containers.plans.items.create({
      id: 'plan-correction-history',
      type: 'plan',
      schemaVersion: 1,
      hostId: IEV.id,
      hostName: IEV.name,
      title: 'Crisis line leaflet review',
      phase: 'running',
      partnerIds: [partner.id],
      sessions: [{ id: 's1', date: '2026-02-02', durationMinutes: 90, format: 'online', partnerIds: [partner.id] }],
    });
    const page = await open(`partners/${partner.id}`, { as: IEV });
    await page.getByRole('link', { name: `Correct ${partner.displayName}\u2019s details` }).click();
    await page.getByRole('heading', { name: `Correct ${partner.displayName}\u2019s details` }).waitFor();
    assert.equal(await page.getByLabel('Phone number').first().inputValue(), partner.contact.phone);
    let violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.getByLabel('Phone number').first().fill('01632 960777');
    await page.getByLabel('Communication needs').fill('Easy read papers, sent a week ahead');
    await screenshot(page, 'partner-correct-form');
    await page.getByRole('button', { name: 'Save changes' }).click();

    await page.getByText('Changes saved.').waitFor();
    await page.getByText('01632 960777').waitFor();
    await page.getByText('Easy read papers, sent a week ahead').waitFor();
    await page.getByText('Crisis line leaflet review').waitFor();
    await page.getByText(/Who has seen or changed this partner/).click();
    const entry = page.getByRole('listitem').filter({ hasText: 'corrected phone number, communication needs' });
    await entry.waitFor();
    assert.doesNotMatch(await entry.innerText(), /01632|Easy read/, 'the audit entry names the fields, not the values');
    violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'partner-corrected');
    const stored = await tab.app.services.partners.find(partner.id);
    assert.equal(stored!.contact.phone, '01632 960777');
  });

  it('explains a change someone else saved first, and keeps theirs', async () => {
    const partner = fictionalPartner(11);
    const page = await open(`partners/${partner.id}/edit`, { as: IEV });
    await page.getByRole('heading', { name: `Correct ${partner.displayName}\u2019s details` }).waitFor();
    // A colleague saves a change while this form is open.
    const { body } = await tab.app.getJson<{ version: string }>(`/api/partners/${partner.id}`, IEV);
    const theirs = await tab.app.api(`/api/partners/${partner.id}/status`, {
      as: IEV,
      method: 'PUT',
      body: JSON.stringify({ status: 'paused', version: body.version }),
    });
    assert.equal(theirs.status, 200);
    await page.getByLabel('Availability').fill('Tuesdays only');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Someone else changed this partner while you were editing').waitFor();
    await screenshot(page, 'partner-correct-conflict');
    assert.equal((await tab.app.services.partners.find(partner.id))!.availability, partner.availability);
    await page.getByRole('button', { name: 'Load the latest details' }).click();
    await page.getByLabel('Availability').fill('Tuesdays only');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    const stored = await tab.app.services.partners.find(partner.id);
    assert.equal(stored!.availability, 'Tuesdays only');
    assert.equal(stored!.status, 'paused', 'the colleague\u2019s change is kept');
  });

  for (const theme of ['dark', 'contrast'] as Theme[]) {
    it(`has no WCAG 2.2 AA violations in the ${theme} theme, at 320 px too`, async () => {
      const page = await open(`partners/${fictionalPartner(12).id}/edit`, { as: IEV, theme, width: 320 });
      await page.getByRole('heading', { name: /Correct .* details/ }).waitFor();
      await page.getByLabel('Best way to contact them').selectOption('post');
      await page.getByLabel(/Postal address/).waitFor();
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
      await screenshot(page, `partner-correct-${theme}-320`);
    });
  }
});
